from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mgcert.clock import KST, Clock, parse_instant
from mgcert.errors import DataHomeUnavailable, InvalidClockSetting
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


def test_damaged_clock_file_means_no_offset(tmp_path: Path) -> None:
    state = tmp_path / "clock.json"
    state.write_text("{not json", encoding="utf-8")
    base = datetime(2027, 5, 1, tzinfo=KST)
    assert Clock(pinned=base, state_file=state).now() == base


@pytest.mark.parametrize("inside", ["", "sub"])
def test_home_that_cannot_be_created_is_a_korean_error(tmp_path: Path, inside: str) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    home = DataHome(blocker / inside if inside else blocker)
    with pytest.raises(DataHomeUnavailable) as caught:
        home.ensure()
    assert str(blocker) in str(caught.value)
    assert "데이터 폴더" in str(caught.value)
