"""The 공동인증서 password rule (since 2014-09-22, NPKI.md).

At least 10 characters with letters, digits and special characters; case sensitive;
``'`` ``"`` ``₩`` ``|`` are not allowed. Certificate programs take only what a keyboard
types in English mode, so spaces, Hangul and other non-ASCII characters are refused
too. The ``₩`` of the rule is the backslash key: Korean code pages show 0x5C as ``₩``,
so both the backslash and the won signs are refused.

:func:`check_password` reports each part separately so a screen can tick them off as
the user types; :func:`validate_new_password` is the gate before a key is encrypted.
"""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg

MIN_LENGTH = 10
FORBIDDEN_CHARACTERS = frozenset("'\"|\\₩￦")  # \\ is the ₩ key; U+20A9 and U+FFE6
_LETTERS = frozenset(string.ascii_letters)
_DIGITS = frozenset(string.digits)
_SPECIALS = frozenset(string.punctuation) - FORBIDDEN_CHARACTERS


class WeakPassword(MgcertError):
    """The new password misses at least one part of the rule."""

    default_message = msg.WEAK_PASSWORD.format(failed=msg.PASSWORD_PART_LENGTH)

    def __init__(self, failed: list[str]) -> None:
        self.failed = failed
        super().__init__(msg.WEAK_PASSWORD.format(failed=", ".join(failed)))


class PasswordMismatch(MgcertError):
    """The password and its confirmation differ."""

    default_message = msg.PASSWORD_MISMATCH


@dataclass(frozen=True)
class PasswordRuleReport:
    """Which parts of the rule a password meets (holds no copy of the password)."""

    long_enough: bool
    has_letter: bool
    has_digit: bool
    has_special: bool
    no_forbidden: bool

    @property
    def ok(self) -> bool:
        return all(passed for _, passed in self.parts)

    @property
    def parts(self) -> list[tuple[str, bool]]:
        """(Korean label, met) for each part, in the order a checklist shows them."""
        return [
            (msg.PASSWORD_PART_LENGTH, self.long_enough),
            (msg.PASSWORD_PART_LETTER, self.has_letter),
            (msg.PASSWORD_PART_DIGIT, self.has_digit),
            (msg.PASSWORD_PART_SPECIAL, self.has_special),
            (msg.PASSWORD_PART_ALLOWED, self.no_forbidden),
        ]

    @property
    def failed(self) -> list[str]:
        return [label for label, passed in self.parts if not passed]


def check_password(password: str) -> PasswordRuleReport:
    """Check ``password`` (NFC-normalized first) against each part of the rule."""
    value = unicodedata.normalize("NFC", password)
    characters = set(value)
    return PasswordRuleReport(
        long_enough=len(value) >= MIN_LENGTH,
        has_letter=bool(characters & _LETTERS),
        has_digit=bool(characters & _DIGITS),
        has_special=bool(characters & _SPECIALS),
        no_forbidden=characters <= _LETTERS | _DIGITS | _SPECIALS,
    )


def validate_new_password(password: str, confirm: str) -> str:
    """The NFC-normalized password if it meets the rule and matches ``confirm``.

    Raises :class:`WeakPassword` naming the failed parts, else :class:`PasswordMismatch`.
    """
    report = check_password(password)
    if not report.ok:
        raise WeakPassword(report.failed)
    value = unicodedata.normalize("NFC", password)
    if value != unicodedata.normalize("NFC", confirm):
        raise PasswordMismatch
    return value
