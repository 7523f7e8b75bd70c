"""A learner's typed name → a folder name under ``<root>/learners`` (no path tricks).

The name is NFC-normalized (a decomposed Hangul name from another input method is
the same learner), trimmed, its inner runs of blanks made one space. Letters of any
script (Hangul syllables and jamo included), digits, space, ``-`` and ``_`` are kept;
anything else (``/``, ``.``, ``\\``, control characters, symbols) is refused with the
offending characters named, so a name can never leave its folder or hide a dot file.
The folder is the casefolded name with spaces as ``_``: "Kim Minsu" and "kim minsu"
are one learner.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from mgcert.errors import UsageError
from mgcert.messages import web as msg

MAX_NAME_LENGTH = 20
_ALLOWED_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"})
_ALLOWED_MARKS = frozenset(" -_")


class BadLearnerName(UsageError):
    """A typed name that cannot name a folder (the sentence says why)."""


@dataclass(frozen=True)
class LearnerName:
    """A checked name: ``shown`` as typed (normalized), ``folder`` for the file system."""

    shown: str
    folder: str


def normalize_name(text: str) -> str:
    """NFC, trimmed, inner blanks collapsed to one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def learner_name(text: str) -> LearnerName | None:
    """The checked name, or None for an empty one (a fresh practice home).

    Raises :class:`BadLearnerName` for one too long or with characters a folder
    name must not have.
    """
    shown = normalize_name(text)
    if not shown:
        return None
    if len(shown) > MAX_NAME_LENGTH:
        raise BadLearnerName(msg.NAME_TOO_LONG.format(limit=MAX_NAME_LENGTH))
    bad = [char for char in dict.fromkeys(shown) if not _allowed(char)]
    if bad:
        raise BadLearnerName(msg.NAME_BAD_CHARACTERS.format(chars=" ".join(map(_visible, bad))))
    folder = unicodedata.normalize("NFC", shown.casefold()).replace(" ", "_")
    return LearnerName(shown, folder)


def _allowed(char: str) -> bool:
    return char in _ALLOWED_MARKS or unicodedata.category(char) in _ALLOWED_CATEGORIES


def _visible(char: str) -> str:
    """A refused character as the learner can see it (control characters by code)."""
    if unicodedata.category(char)[0] in "CZ":
        return f"U+{ord(char):04X}"
    return char
