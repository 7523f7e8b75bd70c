"""주민등록번호 (resident registration number): parsing, validation and masking.

``YYMMDD-GNNNNNN``: six digits of birth date, then a digit G giving sex and century
(1, 2 and foreigners' 5, 6: 1900s; 3, 4 and 7, 8: 2000s). G = 9 or 0 (1800s) is
refused: nobody holding such a number opens a bank account today. Parsing does not
test the check digit (the 13th): numbers issued since October 2020 have none. Callers
that want the test (test fixtures: consumers under test often check it) use
:func:`has_valid_check_digit` or :meth:`ResidentNumber.parse` with
``require_check_digit=True``.

The number is personal data: :class:`ResidentNumber`'s repr shows only the masked form.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg

_CENTURY_BY_DIGIT = {
    **dict.fromkeys("1256", 1900),  # 5, 6: foreigners born in the 1900s
    **dict.fromkeys("3478", 2000),  # 7, 8: foreigners born in the 2000s
}
_FOREIGNER_DIGITS = frozenset("5678")
# Dashes people type or paste between the two halves (hyphen, en/em dash, minus sign).
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_PATTERN = re.compile(r"([0-9]{6})-?([0-9]{7})")
_CHECK_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def rrn_check_digit(first_twelve: str) -> int:
    """The 13th digit of a pre-October-2020 주민등록번호 with these twelve digits:
    ``(11 - sum(digit × weight) mod 11) mod 10`` with weights 2..9, 2..5."""
    if len(first_twelve) != 12 or not first_twelve.isascii() or not first_twelve.isdigit():
        raise ValueError("first_twelve must be 12 ASCII digits")
    total = sum(int(ch) * w for ch, w in zip(first_twelve, _CHECK_WEIGHTS, strict=True))
    return (11 - total % 11) % 10


def has_valid_check_digit(digits: str) -> bool:
    """True when the 13 digits end with :func:`rrn_check_digit` of the first twelve."""
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        return False
    return rrn_check_digit(digits[:12]) == int(digits[12])


class InvalidResidentNumber(MgcertError):
    """Not a valid 주민등록번호; the message says which part is wrong."""

    default_message = msg.RRN_FORMAT


@dataclass(frozen=True, repr=False)
class ResidentNumber:
    """A validated 주민등록번호 (13 ASCII digits, no hyphen)."""

    digits: str

    def __post_init__(self) -> None:
        # Constructing directly must not bypass validation.
        if not (len(self.digits) == 13 and self.digits.isascii() and self.digits.isdigit()):
            raise InvalidResidentNumber(msg.RRN_FORMAT)
        _birth_date(self.digits)

    @classmethod
    def parse(
        cls, text: str, *, today: date | None = None, require_check_digit: bool = False
    ) -> ResidentNumber:
        """Read a typed number: hyphen optional, spaces and full-width digits tolerated.

        With ``today``, a birth date after it is refused too; with
        ``require_check_digit``, a wrong 13th digit (:func:`has_valid_check_digit`).
        """
        value = unicodedata.normalize("NFKC", text)
        value = "".join(value.split())
        for dash in _DASHES:
            value = value.replace(dash, "-")
        match = _PATTERN.fullmatch(value)
        if match is None:
            raise InvalidResidentNumber(msg.RRN_FORMAT)
        number = cls(match.group(1) + match.group(2))
        if today is not None and number.birth_date > today:
            raise InvalidResidentNumber(msg.RRN_BIRTH_DATE)
        if require_check_digit and not has_valid_check_digit(number.digits):
            raise InvalidResidentNumber(msg.RRN_CHECK_DIGIT)
        return number

    @property
    def birth_date(self) -> date:
        return _birth_date(self.digits)

    @property
    def is_foreigner(self) -> bool:
        """True for 외국인등록번호 (7th digit 5–8)."""
        return self.digits[6] in _FOREIGNER_DIGITS

    @property
    def formatted(self) -> str:
        """``900101-1234567``."""
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        """``900101-1******``: what screens show."""
        return f"{self.digits[:6]}-{self.digits[6]}******"

    def __repr__(self) -> str:
        return f"ResidentNumber({self.masked!r})"


def _birth_date(digits: str) -> date:
    century = _CENTURY_BY_DIGIT.get(digits[6])
    if century is None:
        raise InvalidResidentNumber(msg.RRN_GENDER_DIGIT)
    try:
        return date(century + int(digits[0:2]), int(digits[2:4]), int(digits[4:6]))
    except ValueError as exc:
        raise InvalidResidentNumber(msg.RRN_BIRTH_DATE) from exc
