"""Screens, one module (or package) each."""
