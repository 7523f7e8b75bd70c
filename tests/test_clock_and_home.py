from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mgcert import clock as clock_module
from mgcert.clock import EARLIEST, KST, LATEST, MAX_OFFSET, Clock, parse_instant, time_step
from mgcert.errors import (
    ClockAdvanceRefused,
    ClockFileDamaged,
    ClockFileUnwritable,
    ClockSettingOutOfRange,
    DataHomeUnavailable,
    InvalidClockSetting,
    SimulatedTimeOutOfRange,
    UsageError,
)
from mgcert.home import DataHome


def test_home_prefers_env_over_cli(tmp_path: Path) -> None:
    env = {"MGCERT_HOME": str(tmp_path / "a")}
    assert DataHome.resolve(str(tmp_path / "b"), env).root == (tmp_path / "a").resolve()
    assert DataHome.resolve(str(tmp_path / "b"), {}).root == (tmp_path / "b").resolve()


def test_home_falls_back_to_platform_dir() -> None:
    root = DataHome.resolve(None, {}).root
    assert root.name == "mgcert"


def test_ensure_creates_private_folder(tmp_path: Path) -> None:
    home = DataHome(tmp_path / "h").ensure()
    assert home.root.is_dir()
    assert home.root.stat().st_mode & 0o077 == 0


def test_pinned_clock_and_offset_persist(tmp_path: Path) -> None:
    state = tmp_path / "clock.json"
    base = datetime(2027, 5, 1, 9, 0, tzinfo=KST)
    clock = Clock(pinned=base, state_file=state)
    clock.advance(timedelta(days=30))
    assert clock.now_kst() == base + timedelta(days=30)
    again = Clock(pinned=base, state_file=state)
    assert again.now() == base + timedelta(days=30)
    again.reset()
    assert Clock(pinned=base, state_file=state).now() == base


def test_clock_from_env_wins_over_cli() -> None:
    clock = Clock.from_settings(
        "2020-01-01T00:00:00+09:00", None, {"MGCERT_NOW": "2027-05-01T09:00:00+09:00"}
    )
    assert clock.today_kst().isoformat() == "2027-05-01"


def test_naive_instant_is_kst() -> None:
    assert parse_instant("2027-05-01T09:00:00").utcoffset() == timedelta(hours=9)


def test_bad_instant_is_a_korean_error() -> None:
    with pytest.raises(InvalidClockSetting, match="시각 형식"):
        parse_instant("next tuesday")


BASE = datetime(2027, 5, 1, tzinfo=KST)


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"offset_seconds": 1e300}',
        '{"offset_seconds": Infinity}',
        '{"offset_seconds": NaN}',
        '{"offset_seconds": 99999999999999999999999999}',
        '{"offset_seconds": "3600"}',
        '{"offset_seconds": null}',
        "[3600]",
        "",
        " " * 5000 + '{"offset_seconds": 3600}',  # larger than any clock file we write
    ],
)
def test_damaged_clock_file_raises_until_reset(tmp_path: Path, content: str) -> None:
    state = tmp_path / "clock.json"
    state.write_text(content, encoding="utf-8")
    clock = Clock(pinned=BASE, state_file=state)  # building it never raises: reset stays possible
    for use in (clock.now, clock.now_kst, clock.today_kst, clock.check, lambda: clock.offset):
        with pytest.raises(ClockFileDamaged, match="mgcert clock reset") as caught:
            use()
        assert str(state) in str(caught.value)
    with pytest.raises(ClockFileDamaged):
        clock.advance(timedelta(days=1))
    assert state.read_text(encoding="utf-8") == content
    clock.reset()
    assert clock.now() == BASE
    assert Clock(pinned=BASE, state_file=state).now() == BASE


def test_offset_bound_is_a_hundred_years() -> None:
    assert timedelta(days=36525) == MAX_OFFSET
    assert clock_module.OFFSET_LIMIT_YEARS == 100


@pytest.mark.parametrize("delta", [MAX_OFFSET + timedelta(seconds=1), -MAX_OFFSET - timedelta(1)])
def test_advance_past_the_bound_is_refused_and_nothing_saved(
    tmp_path: Path, delta: timedelta
) -> None:
    state = tmp_path / "clock.json"
    clock = Clock(pinned=BASE, state_file=state)
    clock.advance(timedelta(days=1))
    saved = state.read_bytes()
    with pytest.raises(ClockAdvanceRefused, match="100년"):
        clock.advance(delta)
    assert state.read_bytes() == saved
    assert clock.offset == timedelta(days=1)


def test_advance_to_the_bound_is_allowed(tmp_path: Path) -> None:
    base = datetime(2500, 1, 1, tzinfo=KST)  # a hundred years either way stay in range
    clock = Clock(pinned=base, state_file=tmp_path / "clock.json")
    clock.advance(MAX_OFFSET)
    assert clock.now() == base + MAX_OFFSET
    with pytest.raises(ClockAdvanceRefused):
        clock.advance(timedelta(microseconds=1))
    clock.advance(-2 * MAX_OFFSET)
    assert clock.now() == base - MAX_OFFSET
    with pytest.raises(ClockAdvanceRefused):
        clock.advance(-timedelta(microseconds=1))


@pytest.mark.parametrize(
    ("pinned", "delta"),
    [
        (LATEST - timedelta(microseconds=1), timedelta(microseconds=1)),
        (LATEST - timedelta(days=1), MAX_OFFSET),
        (EARLIEST, -timedelta(microseconds=1)),
        (EARLIEST + timedelta(days=1), -MAX_OFFSET),
    ],
)
def test_now_never_leaves_the_supported_range(pinned: datetime, delta: timedelta) -> None:
    clock = Clock(pinned=pinned)
    with pytest.raises(ClockAdvanceRefused):
        clock.advance(delta)
    assert clock.now() == pinned


def test_saved_offset_that_takes_a_pinned_time_out_of_range_is_a_typed_error(
    tmp_path: Path,
) -> None:
    state = tmp_path / "clock.json"
    Clock(pinned=BASE, state_file=state).advance(MAX_OFFSET)
    clock = Clock(pinned=LATEST - timedelta(days=1), state_file=state)
    with pytest.raises(SimulatedTimeOutOfRange, match="mgcert clock reset"):
        clock.now()
    clock.reset()
    assert clock.now() == LATEST - timedelta(days=1)


def test_real_time_at_the_end_of_the_calendar_does_not_overflow(tmp_path: Path) -> None:
    state = tmp_path / "clock.json"
    Clock(pinned=BASE, state_file=state).advance(MAX_OFFSET)
    clock = Clock(state_file=state, real=lambda: datetime.max.replace(tzinfo=UTC))
    with pytest.raises(SimulatedTimeOutOfRange):
        clock.now()


@pytest.mark.parametrize("days", [10**9, 10**12, -(10**12), 2 * MAX_OFFSET.days + 1])
def test_time_step_too_large_to_be_an_offset_is_refused(days: int) -> None:
    with pytest.raises(ClockAdvanceRefused):
        time_step(days=days)


def test_time_step_within_reach() -> None:
    assert time_step(days=2 * MAX_OFFSET.days) == 2 * MAX_OFFSET
    assert time_step(days=1, hours=-1) == timedelta(hours=23)


@pytest.mark.parametrize(
    "text",
    ["9999-12-31T23:59:59", "0001-01-01T00:00:00", "0001-01-01T00:00:00+09:00", "9000-01-01"],
)
def test_instant_outside_the_supported_range_is_a_usage_error(text: str) -> None:
    with pytest.raises(ClockSettingOutOfRange, match="범위") as caught:
        parse_instant(text)
    assert isinstance(caught.value, UsageError)
    assert text in str(caught.value)


def test_the_supported_range_ends_parse() -> None:
    assert parse_instant("1970-01-01T00:00:00") == EARLIEST
    assert parse_instant("8999-12-31T23:59:59.999999+09:00") == LATEST - timedelta(microseconds=1)


def test_pinned_time_outside_the_range_is_refused_by_the_constructor() -> None:
    with pytest.raises(ValueError, match="pinned"):
        Clock(pinned=datetime(9999, 12, 31, tzinfo=UTC))


def test_offset_that_cannot_be_saved_is_a_korean_error_and_not_applied(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    clock = Clock(pinned=BASE, state_file=blocker / "clock.json")
    with pytest.raises(ClockFileUnwritable, match="시계 파일"):
        clock.advance(timedelta(days=1))
    assert clock.now() == BASE


def test_bad_instant_is_a_usage_error() -> None:
    with pytest.raises(InvalidClockSetting) as caught:
        parse_instant("2027-05-01T09:00:00+24:00")
    assert isinstance(caught.value, UsageError)


@pytest.mark.parametrize("inside", ["", "sub"])
def test_home_that_cannot_be_created_is_a_korean_error(tmp_path: Path, inside: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    home = DataHome(blocker / inside if inside else blocker)
    with pytest.raises(DataHomeUnavailable) as caught:
        home.ensure()
    assert str(blocker) in str(caught.value)
    assert "데이터 폴더" in str(caught.value)
