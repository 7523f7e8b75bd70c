"""The debrief after a try: what the learner did, the rule behind each step, the
mistake people most often make there, and whether "다시 하기" applies."""

from __future__ import annotations

from dataclasses import dataclass

from mgcert.messages import practice as msg
from mgcert.practice.judging import Verdict
from mgcert.practice.missions import Mission
from mgcert.practice.wording import practice_text


@dataclass(frozen=True)
class DebriefLine:
    """One step of the mission: its name, the rule behind it, the common mistake."""

    step: str
    rule: str
    common_mistake: str


@dataclass(frozen=True)
class Debrief:
    """Everything the debrief screen shows (texts final: rule numbers filled in)."""

    mission_id: str
    title: str
    outcome: str  # one sentence: done, failed or not finished
    failed: str | None  # why the try went wrong, if it did
    what_happened: tuple[str, ...]  # what the center's state shows the learner did
    steps: tuple[DebriefLine, ...]
    retry: bool  # whether "다시 하기" is offered (always: practice is for repeating)
    retry_label: str
    retry_suggested: bool  # the try did not reach the goal: offer it first


def debrief(mission: Mission, verdict: Verdict) -> Debrief:
    """The debrief of one try of ``mission`` judged ``verdict``."""
    if verdict.done:
        outcome = msg.DEBRIEF_DONE
    elif verdict.failed is not None:
        outcome = msg.DEBRIEF_FAILED
    else:
        outcome = msg.DEBRIEF_UNFINISHED
    return Debrief(
        mission_id=mission.id,
        title=mission.title,
        outcome=outcome,
        failed=verdict.failed,
        what_happened=verdict.what_happened,
        steps=tuple(
            DebriefLine(
                step=step.title,
                rule=practice_text(step.rule),
                common_mistake=practice_text(step.mistake),
            )
            for step in mission.steps
        ),
        retry=True,
        retry_label=msg.DEBRIEF_RETRY,
        retry_suggested=not verdict.done,
    )
