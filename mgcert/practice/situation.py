"""What a mission's learner is given, kept in the practice home (``situation.json``).

Written last by ``prepare``: a home without it was never fully prepared. The judge
reads it back to know which certificate the story was about and which certificate
jobs were the preparation's own (not the learner's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mgcert.practice import files
from mgcert.practice.errors import MissionNotPrepared, PracticeFileDamaged

SITUATION_FILE = "situation.json"
_FORMAT = 1


@dataclass(frozen=True)
class Fact:
    """One line of the learner's sheet: ``주민등록번호: 850315-1000010``."""

    label: str
    value: str


@dataclass(frozen=True)
class Situation:
    """The preset situation of one try: who, what the learner knows, what exists."""

    mission_id: str
    customer_id: int
    customer_name: str
    story: str
    facts: tuple[Fact, ...]
    # The password of the story's certificate when the story gives it (a practice
    # password, shown to the learner); None when forgotten or not relevant.
    certificate_password: str | None = None
    # The certificate the story is about (its CA's org and serial), if any.
    original_issuer: str | None = None
    original_serial: int | None = None
    # Certificate jobs the preparation ran: not the learner's doing.
    baseline_jobs: tuple[str, ...] = ()


def situation_file(home: Path) -> Path:
    return Path(home) / SITUATION_FILE


def save_situation(home: Path, situation: Situation) -> None:
    """Write the situation atomically (0600)."""
    files.write_object(
        situation_file(home),
        {
            "situation": _FORMAT,
            "mission_id": situation.mission_id,
            "customer_id": situation.customer_id,
            "customer_name": situation.customer_name,
            "story": situation.story,
            "facts": [[fact.label, fact.value] for fact in situation.facts],
            "certificate_password": situation.certificate_password,
            "original_issuer": situation.original_issuer,
            "original_serial": None
            if situation.original_serial is None
            else format(situation.original_serial, "x"),
            "baseline_jobs": list(situation.baseline_jobs),
        },
    )


def load_situation(home: Path) -> Situation:
    """The situation of a prepared practice home; :class:`MissionNotPrepared` if there is
    none, :class:`PracticeFileDamaged` if its file is not ours."""
    path = situation_file(home)
    data = files.read_object(path)
    if data is None:
        raise MissionNotPrepared(Path(home))
    try:
        return _parse(data, path)
    except (KeyError, TypeError, ValueError) as error:
        raise PracticeFileDamaged(path) from error


def _parse(data: dict[str, Any], path: Path) -> Situation:
    if files.field(data, "situation", int, path) != _FORMAT:
        raise PracticeFileDamaged(path)
    facts = tuple(Fact(str(label), str(value)) for label, value in data["facts"])
    serial = data.get("original_serial")
    password = data.get("certificate_password")
    issuer = data.get("original_issuer")
    if not all(isinstance(v, str | None) for v in (serial, password, issuer)):
        raise PracticeFileDamaged(path)
    jobs = data.get("baseline_jobs")
    if not isinstance(jobs, list) or not all(isinstance(j, str) for j in jobs):
        raise PracticeFileDamaged(path)
    return Situation(
        mission_id=files.field(data, "mission_id", str, path),
        customer_id=files.field(data, "customer_id", int, path),
        customer_name=files.field(data, "customer_name", str, path),
        story=files.field(data, "story", str, path),
        facts=facts,
        certificate_password=password,
        original_issuer=issuer,
        original_serial=None if serial is None else int(serial, 16),
        baseline_jobs=tuple(jobs),
    )
