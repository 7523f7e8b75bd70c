"""Attempt limits and lifetimes of the identity checks (DOMAIN.md "Identity checks").

One place for the numbers, so the errors' wording and the checks agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

ACCOUNT_PASSWORD_ATTEMPTS = 5  # wrong in a row → e-banking locked
SECURITY_CARD_ATTEMPTS = 5  # wrong in a row → 보안카드 locked
OTP_ATTEMPTS = 10  # wrong in a row → OTP locked
PIN_ATTEMPTS = 5  # wrong in a row → 금융인증서 locked
SMS_ATTEMPTS = 5  # wrong entries of one code → the code is void
ARS_KEY_ATTEMPTS = 3  # wrong digits keyed on the phone → the call ends

ARS_LIFETIME = timedelta(minutes=3)
SMS_LIFETIME = timedelta(minutes=3)


class CodeTimers(Protocol):
    """Whether the one-time codes' lifetimes run out (ARS, SMS, the 내보내기 code).

    Asked at each check, so a setting switched while a center is open takes effect. A
    practice home's 연습 설정 "시간 제한 없음" pauses them
    (:class:`mgcert.practice.marker.PracticeTimers`); everywhere else they run.
    """

    def running(self) -> bool: ...


@dataclass(frozen=True)
class FixedTimers:
    """Timers that always run (``True``) or never run out (``False``)."""

    on: bool = True

    def running(self) -> bool:
        return self.on


TIMERS_RUN = FixedTimers(True)

# SMS re-sends, as banks limit them: at most SMS_SENDS_PER_WINDOW codes to one customer
# in any SMS_SEND_WINDOW (a sliding window over the codes actually sent).
SMS_SENDS_PER_WINDOW = 5
SMS_SEND_WINDOW = timedelta(minutes=10)

SECURITY_CARD_CELLS = 35
OTP_DIGITS = 6
OTP_PERIOD_SECONDS = 30
OTP_VALID_WINDOW = 1  # ± steps accepted (clock drift of the device)
