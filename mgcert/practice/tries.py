"""Starting and finishing a try of a mission.

A try lives in its own fresh practice home, ``<user home>/practice/<mission id>/<n>``
(n = 1, 2, ...; never the user's own home). Starting marks it, runs the mission's
``prepare`` and counts a try in the user's progress; older tries beyond the newest
:data:`KEEP_TRIES` are removed (never one that an mgcert has open, never a folder
that is not a practice home). Finishing judges the try and records the outcome.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from mgcert.center import CertificateCenter
from mgcert.center.job_lock import HomeInUse
from mgcert.practice import progress
from mgcert.practice.debrief import Debrief, debrief
from mgcert.practice.errors import NotPracticeHome
from mgcert.practice.judging import Verdict
from mgcert.practice.marker import is_practice_home, mark_practice_home, practice_settings
from mgcert.practice.missions import Mission, mission
from mgcert.practice.opening import CenterOpener
from mgcert.practice.situation import Situation

PRACTICE_DIR = "practice"
KEEP_TRIES = 3


@dataclass(frozen=True)
class PracticeTry:
    """One try: which mission, whose progress, where its practice home is."""

    mission: Mission
    user_home: Path
    home: Path
    number: int
    situation: Situation


def tries_dir(user_home: Path, mission_id: str) -> Path:
    """``<user home>/practice/<mission id>``: the tries of one mission."""
    return Path(user_home) / PRACTICE_DIR / mission_id


def start_mission(
    mission_id: str,
    user_home: Path,
    *,
    opener: CenterOpener | None = None,
    no_time_limit: bool | None = None,
    keep: int = KEEP_TRIES,
) -> PracticeTry:
    """A fresh practice home for ``mission_id`` with its situation prepared.

    ``no_time_limit`` None: as the user's home says when it is a practice home itself
    (a browser learner's), else off. A preparation that fails leaves no folder and
    counts no try.
    """
    chosen = mission(mission_id)
    user_home = Path(user_home)
    if no_time_limit is None:
        no_time_limit = is_practice_home(user_home) and practice_settings(user_home).no_time_limit
    base = tries_dir(user_home, mission_id)
    base.mkdir(parents=True, exist_ok=True, mode=0o700)
    number, home = _new_folder(base)
    try:
        mark_practice_home(home, no_time_limit=no_time_limit, mission_id=mission_id)
        situation = chosen.prepare(home, opener)
    except BaseException:
        shutil.rmtree(home, ignore_errors=True)
        raise
    progress.count_try(user_home, mission_id)
    _remove_old(base, keep=keep, current=number)
    return PracticeTry(chosen, user_home, home, number, situation)


def finish_try(practice_try: PracticeTry, center: CertificateCenter) -> Debrief:
    """Judge the try from ``center`` (opened on its home), record the outcome in the
    user's progress, and return the debrief."""
    if center.home.root.resolve() != practice_try.home.resolve():
        raise NotPracticeHome(center.home.root)
    verdict = judge_try(practice_try, center)
    progress.record_verdict(practice_try.user_home, practice_try.mission.id, verdict)
    return debrief(practice_try.mission, verdict)


def judge_try(practice_try: PracticeTry, center: CertificateCenter) -> Verdict:
    """The verdict alone (nothing recorded): for a screen that checks as the learner goes."""
    return practice_try.mission.judge(center)


def _numbers(base: Path) -> list[int]:
    found = []
    for child in base.iterdir():
        if child.is_dir() and child.name.isascii() and child.name.isdigit():
            found.append(int(child.name))
    return sorted(found)


def _new_folder(base: Path) -> tuple[int, Path]:
    """The next numbered folder, made exclusively (two starts at once get two)."""
    number = (_numbers(base) or [0])[-1] + 1
    while True:
        home = base / str(number)
        try:
            home.mkdir(mode=0o700)
        except FileExistsError:
            number += 1
            continue
        return number, home


def _remove_old(base: Path, *, keep: int, current: int) -> None:
    numbers = [n for n in _numbers(base) if n != current]
    for number in numbers[: max(0, len(numbers) - (keep - 1))]:
        old = base / str(number)
        if not is_practice_home(old):
            continue  # not ours (or half made by a start that is still running)
        lock = HomeInUse.try_exclusive(old)
        if lock is None:
            continue  # an mgcert has it open
        try:
            with contextlib.suppress(OSError):
                shutil.rmtree(old)
        finally:
            lock.release()
