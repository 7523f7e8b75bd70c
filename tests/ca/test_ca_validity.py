"""The calendar arithmetic behind certificate terms (pure functions)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mgcert.ca.validity import last_day, validity_period
from mgcert.clock import KST


@pytest.mark.parametrize(
    ("first", "years", "last"),
    [
        # The same calendar date, as yessign (NPKI.md "Learned from real certificates").
        (date(2026, 11, 24), 1, date(2027, 11, 24)),
        (date(2026, 11, 24), 3, date(2029, 11, 24)),  # 금융인증서
        (date(2026, 1, 1), 1, date(2027, 1, 1)),
        (date(2026, 12, 31), 1, date(2027, 12, 31)),
        (date(2027, 3, 1), 1, date(2028, 3, 1)),
        (date(2028, 2, 29), 1, date(2029, 2, 28)),  # no 29 February: end of that month
        (date(2028, 2, 29), 4, date(2032, 2, 29)),  # 29 February exists
        (date(2028, 2, 28), 1, date(2029, 2, 28)),
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
    assert end == datetime(2027, 11, 24, 23, 59, 59, tzinfo=KST)
    assert start.utcoffset() == end.utcoffset() == KST.utcoffset(None)


def test_period_matches_a_real_yessign_certificate() -> None:
    # A real yessign certificate: notBefore 200129150000Z, notAfter 210130145959Z.
    start, end = validity_period(date(2020, 1, 30), 1)
    assert start.astimezone(UTC).strftime("%y%m%d%H%M%SZ") == "200129150000Z"
    assert end.astimezone(UTC).strftime("%y%m%d%H%M%SZ") == "210130145959Z"
