"""A rule's number lives once (center/rules.py, bank/limits.py) and reaches every sentence
through a template (STYLE.md; issue 14): change the constant, the sentences change."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from center_support import KIM, issue

from mgcert.bank import limits
from mgcert.center import CertificateCenter, EntryStatus, ExportExpired, RenewalTooEarly, rules
from mgcert.center.renewal import renewal_window
from mgcert.center.rules import rule_text
from mgcert.clock import KST, Clock
from mgcert.messages import center, tui, tui_flows
from mgcert.messages import financial as fin_msg
from mgcert.messages import identity_steps as identity_msg
from mgcert.messages import renewal as renew_msg
from mgcert.messages import transfer as transfer_msg

MESSAGES = Path(__file__).resolve().parents[2] / "mgcert" / "messages"
# A number of days, minutes or tries written into a sentence instead of a template field.
HARD_WRITTEN = re.compile(r"(?<![\d월.])\d+(일|분|번|회)")
# Not rules: the simulator's clock buttons are time steps, "1회용" is a word, the CA's
# supported date range is a date, the durations module's docstrings are examples; a
# practice mission's story (20 days left) and a scam caller's line are not the bank's.
NOT_RULES = {
    'RENEW_TITLE = "만료 20일 전: 갱신"',
    '"보안카드 뒷면의 번호를 1번부터 끝까지 모두 불러 주세요.",',
    'SIM_CLOCK_DAY = "+1일"',
    'SIM_CLOCK_MONTH = "+30일"',
    'PHONE_METHOD_SMS = "1회용 SMS 인증번호"',
    'METHOD_SMS = "1회용 SMS 인증번호"',
    "durations.py",
    "ca.py",
}


def test_no_rule_number_is_written_into_a_message() -> None:
    found = []
    for path in sorted(MESSAGES.glob("*.py")):
        if path.name in NOT_RULES:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HARD_WRITTEN.search(line) and line.strip() not in NOT_RULES:
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []


def test_renewal_window_sentences_follow_the_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "RENEWAL_WINDOW_DAYS", 45)
    assert "만료 45일 전부터" in rule_text(renew_msg.RENEW_PICK_INTRO)
    assert "만료 45일 전부터" in rule_text(renew_msg.RENEW_TOO_EARLY_HELP)
    assert "만료 45일 전부터" in rule_text(tui_flows.HELP_SCREENS["renewal"])
    assert any("만료 45일 전부터" in rule_text(line) for line in tui.HELP_MISTAKES)
    error = RenewalTooEarly(date(2027, 10, 1), date(2027, 11, 15))
    assert "만료일 45일 전인 2027-10-01부터" in str(error)
    window = renewal_window(datetime(2027, 11, 15, 23, 59, 59, tzinfo=KST))
    assert window.closes_on - window.opens_on == timedelta(days=45)


def test_expiring_highlight_is_the_renewal_rule(
    center: CertificateCenter, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = issue(center, KIM)
    clock.advance(result.not_after - clock.now() - timedelta(days=40))
    serial = result.serial_hex
    harddisk = center.media()[0]

    def status() -> EntryStatus:
        listing = center.list_certificates(harddisk)
        (entry,) = [e for e in listing.entries if e.serial_hex == serial]
        return entry.status

    assert status() is EntryStatus.VALID
    monkeypatch.setattr(rules, "RENEWAL_WINDOW_DAYS", 45)
    assert status() is EntryStatus.EXPIRING


def test_code_lifetimes_and_lockouts_follow_the_constants(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rules, "EXPORT_CODE_LIFETIME", timedelta(minutes=5))
    monkeypatch.setattr(limits, "ARS_LIFETIME", timedelta(minutes=4))
    monkeypatch.setattr(limits, "PIN_ATTEMPTS", 7)
    monkeypatch.setattr(limits, "ACCOUNT_PASSWORD_ATTEMPTS", 6)
    assert "(5분)" in str(ExportExpired())
    assert "5분 안에" in rule_text(transfer_msg.TRANSFER_INTRO)
    assert "5분 안에" in rule_text(tui_flows.HELP_SCREENS["transfer"])
    assert "(4분)" in rule_text(identity_msg.ARS_EXPIRES, time="10:03")
    assert "7번 연속" in rule_text(fin_msg.FIN_TRY_INTRO)
    assert "7번 연속" in rule_text(tui_flows.HELP_SCREENS["pin"])
    assert "6번 틀리면" in rule_text(tui.HELP_SCREENS["customer"])
    assert "(5분)" in rule_text(center.EXPORT_EXPIRED)


def test_every_help_text_and_template_fills_with_the_rule_numbers() -> None:
    for text in [*tui.HELP_SCREENS.values(), *tui_flows.HELP_SCREENS.values(), *tui.HELP_MISTAKES]:
        assert "{" not in rule_text(text)
