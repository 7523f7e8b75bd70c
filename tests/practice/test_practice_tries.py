"""start_mission / finish_try: a fresh practice home per try, never the user's own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from practice_support import KIM, issue, start

from mgcert.center import CertificateCenter
from mgcert.practice.errors import MissionNotPrepared, NotPracticeHome, UnknownMission
from mgcert.practice.marker import is_practice_home, mark_practice_home, practice_settings
from mgcert.practice.missions import mission
from mgcert.practice.progress import Outcome, read_progress
from mgcert.practice.situation import SITUATION_FILE, load_situation
from mgcert.practice.tries import finish_try, start_mission, tries_dir

Opener = Callable[[Path], CertificateCenter]


def test_a_try_gets_its_own_marked_home_under_the_user_home(opener: Opener, tmp_path: Path) -> None:
    user_home = tmp_path / "user"
    practice_try = start_mission("first-issue", user_home, opener=opener)
    assert practice_try.home == user_home / "practice" / "first-issue" / "1"
    assert practice_try.number == 1
    assert is_practice_home(practice_try.home)
    assert not is_practice_home(user_home)
    assert practice_settings(practice_try.home).mission_id == "first-issue"
    assert load_situation(practice_try.home) == practice_try.situation
    assert not (user_home / "bank.db").exists()  # the user's own bank is untouched
    assert read_progress(user_home)["first-issue"].tries == 1


def test_each_try_is_fresh_and_old_ones_are_removed(opener: Opener, tmp_path: Path) -> None:
    first, center = start(opener, tmp_path, "first-issue")
    with center:
        issue(center, KIM)
    homes = [start_mission("first-issue", tmp_path, opener=opener).home for _ in range(3)]
    with opener(homes[-1]) as fresh:
        assert not mission("first-issue").judge(fresh).done  # nothing carried over
    assert not first.home.exists()  # beyond the newest three
    assert sorted(p.name for p in tries_dir(tmp_path, "first-issue").iterdir()) == ["2", "3", "4"]
    assert read_progress(tmp_path)["first-issue"].tries == 4


def test_an_open_try_and_a_foreign_folder_are_never_removed(opener: Opener, tmp_path: Path) -> None:
    foreign = tries_dir(tmp_path, "renew") / "1"
    foreign.mkdir(parents=True)
    (foreign / "notes.txt").write_text("mine")
    kept, center = start(opener, tmp_path, "renew")  # number 2, left open
    with center:
        for _ in range(3):
            start_mission("renew", tmp_path, opener=opener)
        assert kept.home.exists()
    assert (foreign / "notes.txt").read_text() == "mine"


def test_the_time_limit_setting_follows_a_browser_learners_home(
    opener: Opener, tmp_path: Path
) -> None:
    mark_practice_home(tmp_path, no_time_limit=True)
    practice_try = start_mission("renew", tmp_path, opener=opener)
    assert practice_settings(practice_try.home).no_time_limit
    off = start_mission("renew", tmp_path, opener=opener, no_time_limit=False)
    assert not practice_settings(off.home).no_time_limit


def test_a_failed_preparation_leaves_nothing_and_counts_nothing(
    opener: Opener, tmp_path: Path
) -> None:
    def broken(home: Path) -> CertificateCenter:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        start_mission("first-issue", tmp_path, opener=broken)
    assert list(tries_dir(tmp_path, "first-issue").iterdir()) == []
    assert read_progress(tmp_path)["first-issue"].tries == 0


def test_an_unknown_mission_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnknownMission) as caught:
        start_mission("nope", tmp_path)
    assert "nope" in str(caught.value)
    assert not (tmp_path / "practice").exists()


def test_finish_records_the_outcome_and_gives_the_debrief(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "first-issue")
    with center:
        first = finish_try(practice_try, center)
        assert first.retry_suggested
        issue(center, KIM)
        second = finish_try(practice_try, center)
    assert second.outcome == "잘하셨습니다! 과제를 마쳤습니다."
    line = read_progress(tmp_path)["first-issue"]
    assert (line.tries, line.done, line.last) == (1, True, Outcome.DONE)


def test_finish_refuses_another_homes_center(opener: Opener, tmp_path: Path) -> None:
    practice_try = start_mission("first-issue", tmp_path / "a", opener=opener)
    other = start_mission("first-issue", tmp_path / "b", opener=opener)
    with opener(other.home) as center, pytest.raises(NotPracticeHome):
        finish_try(practice_try, center)


def test_a_home_without_its_situation_is_never_judged(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "first-issue")
    (practice_try.home / SITUATION_FILE).unlink()  # as if preparing was killed
    with center, pytest.raises(MissionNotPrepared):
        mission("first-issue").judge(center)


def test_a_home_prepared_for_another_mission_is_not_judged_by_this_one(
    opener: Opener, tmp_path: Path
) -> None:
    _, center = start(opener, tmp_path, "first-issue")
    with center, pytest.raises(MissionNotPrepared):
        mission("renew").judge(center)
