"""Wording of the bank layer."""
