"""practice.json: marking, settings, 시간 제한 없음, damage reported by name."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from mgcert.errors import MgcertError
from mgcert.practice.errors import NotPracticeHome, PracticeFileDamaged
from mgcert.practice.marker import (
    PRACTICE_FILE,
    PracticeSettings,
    PracticeTimers,
    is_practice_home,
    mark_practice_home,
    practice_settings,
    set_no_time_limit,
    timers_paused,
)


def test_an_ordinary_folder_is_not_a_practice_home(tmp_path: Path) -> None:
    assert not is_practice_home(tmp_path)
    assert not timers_paused(tmp_path)
    with pytest.raises(NotPracticeHome):
        practice_settings(tmp_path)


def test_marking_creates_the_home_and_the_file_0600(tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    mark_practice_home(home, mission_id="first-issue")
    assert is_practice_home(home)
    assert practice_settings(home) == PracticeSettings(
        no_time_limit=False, mission_id="first-issue"
    )
    assert stat.S_IMODE((home / PRACTICE_FILE).stat().st_mode) == 0o600
    assert not list(home.glob("*.tmp"))


def test_marking_again_keeps_the_settings(tmp_path: Path) -> None:
    mark_practice_home(tmp_path, no_time_limit=True)
    mark_practice_home(tmp_path)  # a learner coming back
    assert practice_settings(tmp_path).no_time_limit is True


def test_set_no_time_limit_switches_and_keeps_the_mission(tmp_path: Path) -> None:
    mark_practice_home(tmp_path, mission_id="renew")
    set_no_time_limit(tmp_path, True)
    assert practice_settings(tmp_path) == PracticeSettings(True, "renew")
    assert PracticeTimers(tmp_path).running() is False
    set_no_time_limit(tmp_path, False)
    assert PracticeTimers(tmp_path).running() is True


def test_set_no_time_limit_refuses_an_ordinary_home(tmp_path: Path) -> None:
    with pytest.raises(NotPracticeHome):
        set_no_time_limit(tmp_path, True)
    assert not (tmp_path / PRACTICE_FILE).exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"[]",
        b"\xff\xfe",
        json.dumps({"practice": 1}).encode(),
        json.dumps({"practice": 2, "no_time_limit": False}).encode(),
        json.dumps({"practice": 1, "no_time_limit": "yes"}).encode(),
        json.dumps({"practice": 1, "no_time_limit": False, "mission_id": 5}).encode(),
    ],
)
def test_a_damaged_file_is_reported_by_name_and_left_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / PRACTICE_FILE
    path.write_bytes(content)
    for call in (
        lambda: practice_settings(tmp_path),
        lambda: mark_practice_home(tmp_path),
        lambda: set_no_time_limit(tmp_path, True),
        lambda: PracticeTimers(tmp_path).running(),
    ):
        with pytest.raises(PracticeFileDamaged) as caught:
            call()
        assert str(path) in str(caught.value)
        assert "손상" in str(caught.value)
        assert isinstance(caught.value, MgcertError)
    assert path.read_bytes() == content
    assert is_practice_home(tmp_path)  # the 교육용 화면 mark still shows
