"""A fixture's validity: any dates, given as days (KST) or as aware instants.

A ``date`` means the whole day in KST, as real certificates run (00:00:00 of the first
day to 23:59:59 of the last). With only one end given, the other is a full term away
(1 year for 공동인증서), so ``not_after=date(2020, 1, 31)`` alone makes a certificate
that ran out on that day after a normal year.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime

from mgcert.ca.validity import end_of_day_kst, last_day, start_of_day_kst, validity_period
from mgcert.clock import KST
from mgcert.messages import testing as msg
from mgcert.testing.errors import FixtureDatesInvalid

When = date | datetime


def validity(
    not_before: When | None, not_after: When | None, *, years: int, today: date
) -> tuple[datetime, datetime]:
    """(not_before, not_after) as aware datetimes, whole seconds."""
    start = None if not_before is None else _instant(not_before, end=False)
    end = None if not_after is None else _instant(not_after, end=True)
    if start is None and end is None:
        start, end = validity_period(today, years)
    elif end is None:
        assert start is not None
        end = end_of_day_kst(last_day(start.astimezone(KST).date(), years))
    elif start is None:
        start = start_of_day_kst(_years_before(end.astimezone(KST).date(), years))
    if not start < end:
        raise FixtureDatesInvalid(
            msg.BAD_DATES.format(not_before=start.isoformat(), not_after=end.isoformat())
        )
    return start, end


def _instant(value: When, *, end: bool) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise FixtureDatesInvalid(msg.NAIVE_DATETIME.format(value=value.isoformat()))
        return value.replace(microsecond=0)
    return end_of_day_kst(value) if end else start_of_day_kst(value)


def _years_before(day: date, years: int) -> date:
    year = day.year - years
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, day.month, day.day)
