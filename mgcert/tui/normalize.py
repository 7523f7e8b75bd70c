"""Typed text is NFC-normalized before use (decomposed Hangul breaks matching and cursors)."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """``text`` in NFC, otherwise unchanged (passwords keep their spaces)."""
    return unicodedata.normalize("NFC", text)


def field_text(text: str) -> str:
    """NFC text without surrounding whitespace (names, paths)."""
    return nfc(text).strip()


def digits_only(text: str) -> str:
    """NFC text with the separators people type ('-', spaces) removed."""
    return field_text(text).replace("-", "").replace(" ", "")
