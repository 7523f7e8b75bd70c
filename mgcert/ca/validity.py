"""Validity periods in KST: 00:00:00 of the issue day to 23:59:59 of the last day.

The last day is the **same calendar date** ``years`` later, as in real yessign
certificates (NPKI.md: ``200129150000Z``-``210130145959Z`` = 2020-01-30 00:00 to
2021-01-30 23:59:59 KST).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time

from mgcert.clock import KST

_START_OF_DAY = time(0, 0, 0)
_END_OF_DAY = time(23, 59, 59)


def last_day(first_day: date, years: int) -> date:
    """The last day of a term of ``years`` years issued on ``first_day``.

    The same calendar date ``years`` later, as yessign does (2026-11-24 → 2027-11-24);
    when that date does not exist (29 February into a common year) the last day of that
    month (2028-02-29 → 2029-02-28).
    """
    if years < 1:
        raise ValueError("years must be at least 1")
    year = first_day.year + years
    if first_day.month == 2 and first_day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, first_day.month, first_day.day)


def start_of_day_kst(day: date) -> datetime:
    """00:00:00 KST of ``day``."""
    return datetime.combine(day, _START_OF_DAY, KST)


def end_of_day_kst(day: date) -> datetime:
    """23:59:59 KST of ``day``."""
    return datetime.combine(day, _END_OF_DAY, KST)


def validity_period(issue_day: date, years: int) -> tuple[datetime, datetime]:
    """(not_before, not_after) of a certificate issued on ``issue_day`` (a KST date)."""
    return start_of_day_kst(issue_day), end_of_day_kst(last_day(issue_day, years))
