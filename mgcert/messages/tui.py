"""Wording of the tui layer."""
