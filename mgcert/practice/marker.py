"""What makes a data home a practice home: ``practice.json`` in its folder.

A practice home is a data home made for one try of a mission (or one browser learner):
never the user's own. Its file says so and holds the practice settings::

    {"practice": 1, "no_time_limit": false, "mission_id": "first-issue"}

``no_time_limit`` is 연습 설정's "시간 제한 없음": the ARS/SMS codes and the 내보내기 code
do not run out (:func:`practice_timers`). A damaged file is reported by name
(:class:`PracticeFileDamaged`) and never silently recreated.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mgcert.practice import files
from mgcert.practice.errors import NotPracticeHome, PracticeFileDamaged

PRACTICE_FILE = "practice.json"
_FORMAT = 1


@dataclass(frozen=True)
class PracticeSettings:
    """The settings of one practice home."""

    no_time_limit: bool
    mission_id: str | None


def practice_file(home: Path) -> Path:
    """``<home>/practice.json``."""
    return Path(home) / PRACTICE_FILE


def mark_practice_home(
    home: Path, *, no_time_limit: bool = False, mission_id: str | None = None
) -> None:
    """Make ``home`` (created if missing, 0700) a practice home (atomic write).

    A home marked already keeps its settings (a learner coming back keeps their
    시간 제한 없음; change it with :func:`set_no_time_limit`); a damaged file raises
    :class:`PracticeFileDamaged` and is left as it is.
    """
    path = practice_file(home)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with files.locked(path):
        if files.read_object(path) is not None:
            _parse(path)  # damaged → raises; sound → kept as it is
            return
        _write(path, PracticeSettings(no_time_limit=no_time_limit, mission_id=mission_id))


def is_practice_home(home: Path) -> bool:
    """Whether ``home`` carries the practice mark (also when the file is damaged: the
    "교육용 화면" mark must show; :func:`practice_settings` then reports the damage)."""
    return practice_file(home).is_file()


def practice_settings(home: Path) -> PracticeSettings:
    """The home's practice settings; :class:`NotPracticeHome` if it is not one,
    :class:`PracticeFileDamaged` if its file is unreadable."""
    path = practice_file(home)
    if not path.exists():
        raise NotPracticeHome(Path(home))
    return _parse(path)


def set_no_time_limit(home: Path, on: bool) -> None:
    """Switch 시간 제한 없음 of a practice home (atomic; under the file's lock)."""
    path = practice_file(home)
    with files.locked(path):
        current = practice_settings(home)
        _write(path, PracticeSettings(no_time_limit=on, mission_id=current.mission_id))


def timers_paused(home: Path) -> bool:
    """True in a practice home whose 시간 제한 없음 is on; False in any other home.

    A damaged practice file raises :class:`PracticeFileDamaged` (the learner is told,
    rather than the timers silently running or not).
    """
    if not is_practice_home(home):
        return False
    return practice_settings(home).no_time_limit


@dataclass(frozen=True)
class PracticeTimers:
    """The code lifetimes of one data home, read from its practice file at each check
    (so switching 시간 제한 없음 takes effect in a center that is already open).

    Pass it as ``CertificateCenter.open(..., timers=PracticeTimers(home))``; it meets
    :class:`mgcert.bank.limits.CodeTimers`.
    """

    home: Path

    def running(self) -> bool:
        return not timers_paused(self.home)


def _parse(path: Path) -> PracticeSettings:
    data = files.read_object(path)
    if data is None:
        raise PracticeFileDamaged(path)
    if files.field(data, "practice", int, path) != _FORMAT:
        raise PracticeFileDamaged(path)
    no_limit = files.field(data, "no_time_limit", bool, path)
    mission = data.get("mission_id")
    if mission is not None and (not isinstance(mission, str) or not mission):
        raise PracticeFileDamaged(path)
    return PracticeSettings(no_time_limit=no_limit, mission_id=mission)


def _write(path: Path, settings: PracticeSettings) -> None:
    files.write_object(
        path,
        {
            "practice": _FORMAT,
            "no_time_limit": settings.no_time_limit,
            "mission_id": settings.mission_id,
        },
    )
