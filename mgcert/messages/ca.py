"""Wording of the ca layer."""
