"""Errors are classified by type, never by class name (STYLE.md; issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

from mgcert.bank import EBankingLocked, IdentityCheckLocked, OtpLocked
from mgcert.center import (
    LOCKED_FAILURES,
    MEDIUM_FAILURES,
    MediumError,
    MediumNotWritable,
    MediumUnavailable,
)
from mgcert.messages import issuance as issue_msg
from mgcert.tui.screens.steps.step import error_text

MGCERT = Path(__file__).resolve().parents[2] / "mgcert"
BY_NAME = re.compile(r"__name__\s*(\.\s*(endswith|startswith)|==|!=|\bin\b|\bnot in\b)")
NAME_TUPLE = re.compile(r"""=\s*\(\s*["'][A-Z][A-Za-z]+(Error|Locked|Writable|Unavailable)["']""")


def test_no_error_is_sorted_by_its_class_name() -> None:
    found = [
        f"{path.relative_to(MGCERT)}:{number}: {line.strip()}"
        for folder in ("tui", "cli", "center")
        for path in sorted((MGCERT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if BY_NAME.search(line) or NAME_TUPLE.search(line)
    ]
    assert found == []


def test_medium_failures_cover_the_center_and_storage_errors(tmp_path: Path) -> None:
    assert isinstance(MediumUnavailable("보안토큰"), MediumError)
    assert isinstance(MediumUnavailable("보안토큰"), MEDIUM_FAILURES)
    assert isinstance(MediumNotWritable(tmp_path), MEDIUM_FAILURES)
    assert isinstance(EBankingLocked(), LOCKED_FAILURES)


def test_a_lock_is_recognised_by_its_type_whatever_its_name() -> None:
    class BranchVisitNeeded(IdentityCheckLocked):  # not named "...Locked"
        default_message = "잠겼습니다."

    assert issue_msg.LOCKED_NEXT_STEP in error_text(BranchVisitNeeded())
    assert issue_msg.LOCKED_NEXT_STEP in error_text(OtpLocked())
