"""The mission table and the debrief: every mission present, wording from the rules."""

from __future__ import annotations

import re

import pytest

from mgcert.bank import limits
from mgcert.center import rules
from mgcert.messages import practice as msg
from mgcert.practice.debrief import debrief
from mgcert.practice.judging import Verdict
from mgcert.practice.missions import MISSIONS, mission

ISSUE_15 = (
    "first-issue",
    "universal-fee",
    "forgot-password",
    "expired",
    "renew",
    "move-to-phone",
    "other-bank",
    "lost-usb",
    "financial",
    "scam-call",
)


def test_the_ten_missions_of_issue_15_in_order() -> None:
    main = [m.id for m in MISSIONS if m.variant_of is None]
    assert tuple(main) == ISSUE_15
    assert [m.number for m in MISSIONS if m.variant_of is None] == list(range(1, 11))
    assert len({m.id for m in MISSIONS}) == len(MISSIONS)
    variants = [(m.variant_of, m.number) for m in MISSIONS if m.variant_of is not None]
    assert variants == [("universal-fee", 2)]
    assert all(mission(of).number == number for of, number in variants)


@pytest.mark.parametrize("mission_id", [m.id for m in MISSIONS])
def test_each_mission_has_a_plain_goal_hints_and_debrief_steps(mission_id: str) -> None:
    m = mission(mission_id)
    assert m.title
    assert m.goal.endswith(".")
    assert m.goal.count(".") == 1  # one sentence
    assert len(m.hints) >= 3
    assert all("{" not in hint for hint in m.hints)
    assert m.steps
    report = debrief(m, Verdict(False, None, ()))
    for line in report.steps:
        assert line.step
        assert line.rule
        assert line.common_mistake
        assert "{" not in line.rule + line.common_mistake


def test_no_rule_number_is_written_into_the_wording() -> None:
    # The rule numbers reach the sentences through template fields only.
    numbers = {
        str(rules.RENEWAL_WINDOW_DAYS),
        str(limits.SECURITY_CARD_ATTEMPTS),
        str(limits.PIN_ATTEMPTS),
        "4,400",
        "4400",
    }
    texts = [value for name, value in vars(msg).items() if name.isupper()]
    flat = [t for v in texts for t in (v if isinstance(v, tuple) else (v,))]
    for text in flat:
        for number in numbers:
            assert not re.search(rf"(?<![\d,]){re.escape(number)}(?![\d,])", str(text)), text


def test_the_debrief_follows_the_rule_constants(monkeypatch: pytest.MonkeyPatch) -> None:
    renew = mission("renew")
    before = debrief(renew, Verdict(True, None, ()))
    assert any(f"{rules.RENEWAL_WINDOW_DAYS}일 전" in line.rule for line in before.steps)
    monkeypatch.setattr(rules, "RENEWAL_WINDOW_DAYS", 45)
    after = debrief(renew, Verdict(True, None, ()))
    assert any("45일 전" in line.rule for line in after.steps)
    assert any("45일 전" in hint for hint in renew.hints)


def test_debrief_outcomes_and_retry() -> None:
    m = mission("scam-call")
    done = debrief(m, Verdict(True, None, ("수상한 전화를 끊었습니다.",)))
    failed = debrief(m, Verdict(False, "알려 주었습니다.", ()))
    unfinished = debrief(m, Verdict(False, None, ()))
    assert (done.outcome, failed.outcome, unfinished.outcome) == (
        msg.DEBRIEF_DONE,
        msg.DEBRIEF_FAILED,
        msg.DEBRIEF_UNFINISHED,
    )
    assert done.what_happened == ("수상한 전화를 끊었습니다.",)
    assert failed.failed == "알려 주었습니다."
    assert all(d.retry and d.retry_label == "다시 하기" for d in (done, failed, unfinished))
    assert (done.retry_suggested, failed.retry_suggested) == (False, True)
