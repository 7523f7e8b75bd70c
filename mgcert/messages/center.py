"""Wording of the center layer."""
