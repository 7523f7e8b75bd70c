"""Done / tries per mission, kept in the *user's* data home (never a practice home's).

``<user home>/practice-progress.json``, changed only under a lock across processes
(``practice-progress.json.lock``) and written atomically (temp file, fsync, rename),
so two mgcert processes recording at once both count and a kill mid-write leaves the
old file or the new one. A damaged file is reported by name and never reset.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mgcert.practice import files
from mgcert.practice.errors import PracticeFileDamaged
from mgcert.practice.judging import Verdict
from mgcert.practice.missions import MISSIONS, mission

PROGRESS_FILE = "practice-progress.json"
_FORMAT = 1


class Outcome(enum.Enum):
    """How the latest judged try of a mission ended."""

    DONE = "done"
    FAILED = "failed"
    UNFINISHED = "unfinished"

    @classmethod
    def of(cls, verdict: Verdict) -> Outcome:
        if verdict.done:
            return cls.DONE
        return cls.FAILED if verdict.failed is not None else cls.UNFINISHED


@dataclass(frozen=True)
class MissionProgress:
    """One mission's line on the mission list."""

    mission_id: str
    tries: int = 0
    done: bool = False  # reached the goal at least once
    last: Outcome | None = None  # the latest judged try


_Change = Callable[[MissionProgress], MissionProgress]


def progress_file(user_home: Path) -> Path:
    return Path(user_home) / PROGRESS_FILE


def read_progress(user_home: Path) -> dict[str, MissionProgress]:
    """Every mission's progress (zero for missions never tried), in table order."""
    path = progress_file(user_home)
    saved = _load(path)
    return {m.id: saved.get(m.id, MissionProgress(m.id)) for m in MISSIONS}


def count_try(user_home: Path, mission_id: str) -> MissionProgress:
    """One more try of the mission (called when a try starts)."""
    mission(mission_id)  # UnknownMission before anything is written

    def change(old: MissionProgress) -> MissionProgress:
        return MissionProgress(mission_id, old.tries + 1, old.done, old.last)

    return _update(user_home, mission_id, change)


def record_verdict(user_home: Path, mission_id: str, verdict: Verdict) -> MissionProgress:
    """The judged end of a try: done sticks once reached; ``last`` is this outcome."""
    mission(mission_id)
    outcome = Outcome.of(verdict)

    def change(old: MissionProgress) -> MissionProgress:
        return MissionProgress(mission_id, old.tries, old.done or verdict.done, outcome)

    return _update(user_home, mission_id, change)


def _update(user_home: Path, mission_id: str, change: _Change) -> MissionProgress:
    path = progress_file(user_home)
    Path(user_home).mkdir(parents=True, exist_ok=True, mode=0o700)
    with files.locked(path):
        saved = _load(path)
        new = change(saved.get(mission_id, MissionProgress(mission_id)))
        saved[mission_id] = new
        files.write_object(
            path,
            {
                "progress": _FORMAT,
                "missions": {
                    p.mission_id: {
                        "tries": p.tries,
                        "done": p.done,
                        "last": None if p.last is None else p.last.value,
                    }
                    for p in saved.values()
                },
            },
        )
        return new


def _load(path: Path) -> dict[str, MissionProgress]:
    data = files.read_object(path)
    if data is None:
        return {}
    try:
        return _parse(data, path)
    except (KeyError, TypeError, ValueError) as error:
        raise PracticeFileDamaged(path) from error


def _parse(data: dict[str, Any], path: Path) -> dict[str, MissionProgress]:
    if files.field(data, "progress", int, path) != _FORMAT:
        raise PracticeFileDamaged(path)
    missions = files.field(data, "missions", dict, path)
    found: dict[str, MissionProgress] = {}
    for mission_id, line in missions.items():
        if not isinstance(line, dict):
            raise PracticeFileDamaged(path)
        tries = files.field(line, "tries", int, path)
        if tries < 0:
            raise PracticeFileDamaged(path)
        last = line.get("last")
        found[mission_id] = MissionProgress(
            mission_id=mission_id,
            tries=tries,
            done=files.field(line, "done", bool, path),
            last=None if last is None else Outcome(last),
        )
    return found
