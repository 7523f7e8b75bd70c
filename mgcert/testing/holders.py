"""Who a fixture certificate is for: a checked 주민등록번호, or one made up on request.

Consumers under test often validate the 주민등록번호 check digit
(:func:`mgcert.npki.rrn.rrn_check_digit`), so by default a fixture holder's
number must pass it and a made-up number always does. Numbers issued since October
2020 have no check digit: pass ``check_digit=False`` for those.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from mgcert.messages import testing as msg
from mgcert.npki.brn import BusinessNumber, InvalidBusinessNumber
from mgcert.npki.rrn import (
    InvalidResidentNumber,
    ResidentNumber,
    has_valid_check_digit,
    rrn_check_digit,
)
from mgcert.testing.errors import HolderNumberInvalid

# Made-up holders are born between these days (adults with bank accounts).
_BORN_FROM = date(1950, 1, 1)
_BORN_SPAN_DAYS = (date(2004, 12, 31) - _BORN_FROM).days


def checked_rrn(text: str, *, check_digit: bool = True) -> ResidentNumber:
    """A typed 주민등록번호 (hyphen optional), its check digit checked unless told not to.

    Raises :class:`HolderNumberInvalid` with the reason in Korean.
    """
    try:
        number = ResidentNumber.parse(text)
    except InvalidResidentNumber as exc:
        raise HolderNumberInvalid(str(exc)) from exc
    if check_digit and not has_valid_check_digit(number.digits):
        raise HolderNumberInvalid(msg.RRN_CHECK_DIGIT.format(masked=number.masked))
    return number


def checked_brn(text: str) -> str:
    """A typed 사업자등록번호 as 10 digits; :class:`HolderNumberInvalid` if it is not one."""
    try:
        return BusinessNumber.parse(text).digits
    except InvalidBusinessNumber as exc:
        raise HolderNumberInvalid(str(exc)) from exc


def made_up_rrn() -> ResidentNumber:
    """A random, valid 주민등록번호 (born 1950–2004, check digit right)."""
    born = _BORN_FROM + timedelta(days=secrets.randbelow(_BORN_SPAN_DAYS + 1))
    century_digit = (1 if born.year < 2000 else 3) + secrets.randbelow(2)
    serial = "".join(str(secrets.randbelow(10)) for _ in range(5))
    twelve = f"{born:%y%m%d}{century_digit}{serial}"
    return ResidentNumber(twelve + str(rrn_check_digit(twelve)))


__all__ = ["checked_brn", "checked_rrn", "made_up_rrn", "rrn_check_digit"]
