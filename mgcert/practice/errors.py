"""Typed failures of the practice engine; ``str(error)`` is one Korean sentence."""

from __future__ import annotations

from pathlib import Path

from mgcert.errors import MgcertError
from mgcert.messages import practice as msg


class PracticeError(MgcertError):
    """Base class of the practice engine's failures."""


class PracticeFileDamaged(PracticeError):
    """A practice file (settings, progress, situation, call) cannot be read as ours.

    It is reported by name and left as it is: never silently recreated or reset.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.FILE_DAMAGED.format(path=str(path)))


class NotPracticeHome(PracticeError):
    """The data home is not a practice home (its own home is never practised in)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.NOT_PRACTICE_HOME.format(path=str(path)))


class UnknownMission(PracticeError):
    """No mission has this id."""

    def __init__(self, mission_id: str) -> None:
        self.mission_id = mission_id
        super().__init__(msg.UNKNOWN_MISSION.format(mission_id=mission_id))


class NoScamCall(PracticeError):
    """Nothing is ringing: the 수상한 전화 has not rung, or was answered already."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message if message is not None else msg.NO_SCAM_CALL)


class ScamCallAnswered(NoScamCall):
    """The call already got its answer; ring again to practise once more."""

    def __init__(self) -> None:
        super().__init__(msg.SCAM_CALL_ANSWERED)


class PracticeHomeTaken(PracticeError):
    """The folder for a new try exists and is not empty (never reused, never wiped)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.TRY_FOLDER_TAKEN.format(path=str(path)))


class MissionNotPrepared(PracticeError):
    """The practice home has no situation: its preparation never finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.NOT_PREPARED.format(path=str(path)))
