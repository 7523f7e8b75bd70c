"""사업자등록번호 (business registration number): parsing and the check digit.

``NNN-NN-NNNNN``: ten digits, the last a check digit (국세청 rule). With the weights
1, 3, 7, 1, 3, 7, 1, 3, 5 on the first nine digits, the sum of the products plus the
tens digit of (9th digit × 5) must make the 10th digit ``(10 - sum mod 10) mod 10``.
A 법인 certificate's VID is computed from this number where a person's uses the
주민등록번호 (KISA's idn; NPKI_example's VID check takes "주민등록번호 및 사업자등록번호
같은 본인식별번호").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg

_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Both hyphens or none: "123-45-67890" or "1234567890".
_PATTERN = re.compile(r"([0-9]{3})(-?)([0-9]{2})\2([0-9]{5})")
DIGITS = 10


class InvalidBusinessNumber(MgcertError):
    """Not a valid 사업자등록번호; the message says whether the form or the check failed."""

    default_message = msg.BRN_FORMAT


def brn_check_digit(first_nine: str) -> int:
    """The 10th digit a 사업자등록번호 starting with these nine digits must end with."""
    if len(first_nine) != DIGITS - 1 or not first_nine.isascii() or not first_nine.isdigit():
        raise ValueError("first_nine must be 9 ASCII digits")
    digits = [int(ch) for ch in first_nine]
    total = sum(d * w for d, w in zip(digits, _WEIGHTS, strict=True))
    total += digits[8] * 5 // 10  # the carry of the 9th digit × 5
    return (10 - total % 10) % 10


@dataclass(frozen=True)
class BusinessNumber:
    """A validated 사업자등록번호 (10 ASCII digits, no hyphens, check digit right)."""

    digits: str

    def __post_init__(self) -> None:
        # Constructing directly must not bypass validation.
        if not (len(self.digits) == DIGITS and self.digits.isascii() and self.digits.isdigit()):
            raise InvalidBusinessNumber(msg.BRN_FORMAT)
        if brn_check_digit(self.digits[:9]) != int(self.digits[9]):
            raise InvalidBusinessNumber(msg.BRN_CHECK_DIGIT)

    @classmethod
    def parse(cls, text: str) -> BusinessNumber:
        """Read a typed number: ``123-45-67890`` or ``1234567890``; spaces, full-width
        digits and look-alike dashes are tolerated. Raises :class:`InvalidBusinessNumber`."""
        value = "".join(unicodedata.normalize("NFKC", text).split())
        for dash in _DASHES:
            value = value.replace(dash, "-")
        match = _PATTERN.fullmatch(value)
        if match is None:
            raise InvalidBusinessNumber(msg.BRN_FORMAT)
        return cls(match.group(1) + match.group(3) + match.group(4))

    @property
    def formatted(self) -> str:
        """``123-45-67890``."""
        return f"{self.digits[:3]}-{self.digits[3:5]}-{self.digits[5:]}"


def is_valid_brn(text: str) -> bool:
    """True when ``text`` is a 사업자등록번호 (either form) with the right check digit."""
    try:
        BusinessNumber.parse(text)
    except InvalidBusinessNumber:
        return False
    return True
