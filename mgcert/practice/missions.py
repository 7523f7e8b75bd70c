"""The practice missions (issue 15): a typed table, one row per mission.

Each :class:`Mission` has a title, a one-sentence goal, hints in order, the steps its
debrief explains (with the rule behind each and the most common mistake), a
``prepare`` that builds the preset situation into a fresh practice home, and a
``judge`` that decides from the center's state whether the goal is reached.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from mgcert.center import CertificateCenter
from mgcert.messages import practice as msg
from mgcert.practice import stories
from mgcert.practice.errors import MissionNotPrepared, UnknownMission
from mgcert.practice.judging import Verdict, lock_verdict
from mgcert.practice.opening import CenterOpener, open_practice_center
from mgcert.practice.preparing import job_ids
from mgcert.practice.situation import Situation, load_situation, save_situation
from mgcert.practice.wording import practice_text

Prepare = Callable[[CertificateCenter], Situation]
Judge = Callable[[CertificateCenter, Situation], Verdict]


@dataclass(frozen=True)
class DebriefStep:
    """One step of a mission as the debrief explains it (templates with rule fields)."""

    title: str
    rule: str
    mistake: str


@dataclass(frozen=True)
class Mission:
    """One practice mission."""

    id: str
    number: int
    title: str
    goal: str
    hint_templates: tuple[str, ...]
    steps: tuple[DebriefStep, ...]
    prepare_situation: Prepare
    judge_situation: Judge
    # A variant is listed with the mission it varies (e.g. the low-balance 범용).
    variant_of: str | None = None

    @property
    def hints(self) -> tuple[str, ...]:
        """The hints, in the order they are offered, rule numbers filled in."""
        return tuple(practice_text(hint) for hint in self.hint_templates)

    def prepare(self, home: Path, opener: CenterOpener | None = None) -> Situation:
        """Build the preset situation into the fresh practice home ``home``.

        Opens the home's center (``opener``, default :func:`open_practice_center`),
        plays the customer's past, and writes ``situation.json`` last: a home whose
        preparation was interrupted has none and is never judged.
        """
        with (opener or open_practice_center)(home) as center:
            situation = replace(
                self.prepare_situation(center), mission_id=self.id, baseline_jobs=job_ids(center)
            )
        save_situation(home, situation)
        return situation

    def situation(self, center: CertificateCenter) -> Situation:
        """The situation this mission prepared in the center's home."""
        situation = load_situation(center.home.root)
        if situation.mission_id != self.id:
            raise MissionNotPrepared(center.home.root)
        return situation

    def judge(self, center: CertificateCenter) -> Verdict:
        """Whether the learner reached the goal, from the center's state alone."""
        situation = self.situation(center)
        verdict = self.judge_situation(center, situation)
        if verdict.done:
            return verdict
        return lock_verdict(center, situation) or verdict


_KIND = DebriefStep(msg.STEP_CHOOSE_KIND, msg.RULE_KINDS, msg.MISTAKE_KINDS)
_CUSTOMER = DebriefStep(msg.STEP_CUSTOMER, msg.RULE_CUSTOMER, msg.MISTAKE_CUSTOMER)
_IDENTITY = DebriefStep(msg.STEP_IDENTITY, msg.RULE_IDENTITY, msg.MISTAKE_IDENTITY)
_PASSWORD = DebriefStep(msg.STEP_PASSWORD, msg.RULE_PASSWORD, msg.MISTAKE_PASSWORD)
_FEE = DebriefStep(msg.STEP_FEE, msg.RULE_FEE, msg.MISTAKE_FEE)
_ISSUE_STEPS = (_KIND, _CUSTOMER, _IDENTITY, _PASSWORD)

MISSIONS: tuple[Mission, ...] = (
    Mission(
        "first-issue",
        1,
        msg.FIRST_ISSUE_TITLE,
        msg.FIRST_ISSUE_GOAL,
        msg.FIRST_ISSUE_HINTS,
        _ISSUE_STEPS,
        stories.prepare_first_issue,
        stories.judge_first_issue,
    ),
    Mission(
        "universal-fee",
        2,
        msg.UNIVERSAL_TITLE,
        msg.UNIVERSAL_GOAL,
        msg.UNIVERSAL_HINTS,
        (_KIND, _FEE, _CUSTOMER, _IDENTITY, _PASSWORD),
        stories.prepare_universal,
        stories.judge_universal,
    ),
    Mission(
        "universal-fee-low-balance",
        2,
        msg.UNIVERSAL_LOW_TITLE,
        msg.UNIVERSAL_LOW_GOAL,
        msg.UNIVERSAL_LOW_HINTS,
        (_FEE, _KIND, _CUSTOMER, _IDENTITY, _PASSWORD),
        stories.prepare_universal_low,
        stories.judge_universal_low,
        variant_of="universal-fee",
    ),
    Mission(
        "forgot-password",
        3,
        msg.FORGOT_TITLE,
        msg.FORGOT_GOAL,
        msg.FORGOT_HINTS,
        (
            DebriefStep(msg.STEP_REISSUE, msg.RULE_REISSUE_LOST, msg.MISTAKE_REISSUE_LOST),
            _CUSTOMER,
            _IDENTITY,
            _PASSWORD,
        ),
        stories.prepare_forgot,
        stories.judge_reissue_of_valid,
    ),
    Mission(
        "expired",
        4,
        msg.EXPIRED_TITLE,
        msg.EXPIRED_GOAL,
        msg.EXPIRED_HINTS,
        (
            DebriefStep(msg.STEP_REISSUE, msg.RULE_REISSUE_EXPIRED, msg.MISTAKE_REISSUE_EXPIRED),
            _CUSTOMER,
            _IDENTITY,
            _PASSWORD,
        ),
        stories.prepare_expired,
        stories.judge_expired,
    ),
    Mission(
        "renew",
        5,
        msg.RENEW_TITLE,
        msg.RENEW_GOAL,
        msg.RENEW_HINTS,
        (DebriefStep(msg.STEP_RENEW, msg.RULE_RENEW, msg.MISTAKE_RENEW), _IDENTITY),
        stories.prepare_renew,
        stories.judge_renew,
    ),
    Mission(
        "move-to-phone",
        6,
        msg.MOVE_TITLE,
        msg.MOVE_GOAL,
        msg.MOVE_HINTS,
        (DebriefStep(msg.STEP_EXPORT, msg.RULE_EXPORT, msg.MISTAKE_EXPORT),),
        stories.prepare_move,
        stories.judge_move,
    ),
    Mission(
        "other-bank",
        7,
        msg.OTHER_BANK_TITLE,
        msg.OTHER_BANK_GOAL,
        msg.OTHER_BANK_HINTS,
        (
            DebriefStep(msg.STEP_REGISTER, msg.RULE_REGISTER, msg.MISTAKE_REGISTER),
            _CUSTOMER,
            _IDENTITY,
        ),
        stories.prepare_other_bank,
        stories.judge_other_bank,
    ),
    Mission(
        "lost-usb",
        8,
        msg.LOST_TITLE,
        msg.LOST_GOAL,
        msg.LOST_HINTS,
        (
            DebriefStep(msg.STEP_LOST, msg.RULE_LOST, msg.MISTAKE_LOST),
            DebriefStep(msg.STEP_REISSUE, msg.RULE_REISSUE_LOST, msg.MISTAKE_REISSUE_LOST),
            _IDENTITY,
            _PASSWORD,
        ),
        stories.prepare_lost,
        stories.judge_reissue_of_valid,
    ),
    Mission(
        "financial",
        9,
        msg.FINANCIAL_TITLE,
        msg.FINANCIAL_GOAL,
        msg.FINANCIAL_HINTS,
        (
            DebriefStep(msg.STEP_FINANCIAL, msg.RULE_FINANCIAL, msg.MISTAKE_FINANCIAL),
            _CUSTOMER,
            _IDENTITY,
        ),
        stories.prepare_financial,
        stories.judge_financial,
    ),
    Mission(
        "scam-call",
        10,
        msg.SCAM_TITLE,
        msg.SCAM_GOAL,
        msg.SCAM_HINTS,
        (DebriefStep(msg.STEP_SCAM, msg.RULE_SCAM, msg.MISTAKE_SCAM),),
        stories.prepare_scam,
        stories.judge_scam,
    ),
)


def mission(mission_id: str) -> Mission:
    """The mission with this id; :class:`UnknownMission` if there is none."""
    for candidate in MISSIONS:
        if candidate.id == mission_id:
            return candidate
    raise UnknownMission(mission_id)
