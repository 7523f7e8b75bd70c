"""The calendar arithmetic behind certificate terms (pure functions)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mgcert.ca.validity import last_day, validity_period
from mgcert.clock import KST


@pytest.mark.parametrize(
    ("first", "years", "last"),
    [
        (date(2026, 11, 24), 1, date(2027, 11, 23)),
        (date(2026, 11, 24), 3, date(2029, 11, 23)),
        (date(2026, 1, 1), 1, date(2026, 12, 31)),
        (date(2026, 12, 31), 1, date(2027, 12, 30)),
        (date(2027, 3, 1), 1, date(2028, 2, 29)),  # the day before 1 March of a leap year
        (date(2028, 2, 29), 1, date(2029, 2, 28)),  # no 29 February: end of that month
        (date(2028, 2, 29), 4, date(2032, 2, 28)),  # 29 February exists: the day before
        (date(2028, 2, 28), 1, date(2029, 2, 27)),
    ],
)
def test_last_day(first: date, years: int, last: date) -> None:
    assert last_day(first, years) == last


def test_years_must_be_positive() -> None:
    with pytest.raises(ValueError, match="years"):
        last_day(date(2026, 1, 1), 0)


def test_period_runs_from_midnight_to_one_second_before_midnight_kst() -> None:
    start, end = validity_period(date(2026, 11, 24), 1)
    assert start == datetime(2026, 11, 24, 0, 0, 0, tzinfo=KST)
    assert end == datetime(2027, 11, 23, 23, 59, 59, tzinfo=KST)
    assert start.utcoffset() == end.utcoffset() == KST.utcoffset(None)
