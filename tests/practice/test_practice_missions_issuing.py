"""Missions 1–5 and 8 (발급, 범용, 재발급, 갱신, lost USB): each completed the way a
learner would, and failed by the mistake people make; judged from the center's state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from practice_support import KIM, LEE, PARK, entry_of, issue, pass_identity, start

from mgcert.bank import InsufficientBalance, SecurityCardLocked, WrongSecurityCard
from mgcert.ca import CertificateStatus
from mgcert.center import (
    CertificateCenter,
    IssueMode,
    RenewalExpired,
    RenewalTooEarly,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.npki.profile import CertificateKind
from mgcert.practice.missions import mission

Opener = Callable[[Path], CertificateCenter]
UNIVERSAL = CertificateKind.UNIVERSAL


def _untouched(center: CertificateCenter, mission_id: str) -> None:
    verdict = mission(mission_id).judge(center)
    assert (verdict.done, verdict.failed) == (False, None)


# --- 1. first-issue -----------------------------------------------------------------------
def test_first_issue_done_by_a_general_issue(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "first-issue")
    with center:
        assert practice_try.situation.customer_name == KIM.name
        _untouched(center, "first-issue")
        issue(center, KIM)
        verdict = mission("first-issue").judge(center)
    assert verdict.done
    assert verdict.failed is None
    assert any("발급했습니다" in line for line in verdict.what_happened)


def test_first_issue_failed_by_paying_for_a_universal(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "first-issue")
    with center:
        issue(center, KIM, UNIVERSAL)
        verdict = mission("first-issue").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "4,400원" in verdict.failed


# --- 2. universal-fee ---------------------------------------------------------------------
def test_universal_fee_done_and_the_fee_seen(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "universal-fee")
    with center:
        before = center.bank.balance(KIM.account)
        issue(center, KIM, UNIVERSAL)
        verdict = mission("universal-fee").judge(center)
        assert center.bank.balance(KIM.account) == before - 4_400
    assert verdict.done
    assert any("수수료 4,400원" in line for line in verdict.what_happened)


def test_universal_fee_failed_by_a_general_issue(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "universal-fee")
    with center:
        issue(center, KIM)
        verdict = mission("universal-fee").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "범용" in verdict.failed


def test_low_balance_variant_done_by_the_free_kind(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "universal-fee-low-balance")
    assert practice_try.mission.variant_of == "universal-fee"
    with center:
        flow = center.start_issuance(UNIVERSAL)
        with pytest.raises(InsufficientBalance):
            flow.enter_customer(LEE.rrn, LEE.account, LEE.account_password)
        issue(center, LEE)
        verdict = mission("universal-fee-low-balance").judge(center)
        assert center.bank.balance(LEE.account) == 1_000
    assert verdict.done


def test_low_balance_variant_not_done_by_the_refused_try(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "universal-fee-low-balance")
    with center:
        flow = center.start_issuance(UNIVERSAL)
        with pytest.raises(InsufficientBalance):
            flow.enter_customer(LEE.rrn, LEE.account, LEE.account_password)
        verdict = mission("universal-fee-low-balance").judge(center)
        assert center.bank.balance(LEE.account) == 1_000
    assert (verdict.done, verdict.failed) == (False, None)


# --- 3. forgot-password ------------------------------------------------------------------
def test_forgot_password_done_by_reissue(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "forgot-password")
    assert practice_try.situation.certificate_password is None  # forgotten
    with center:
        old = entry_of(center, KIM)
        _untouched(center, "forgot-password")
        result = issue(center, KIM)
        assert result.mode is IssueMode.REISSUE
        assert result.not_after == old.not_after
        verdict = mission("forgot-password").judge(center)
        assert center.mg_ca.status(old.serial) is CertificateStatus.REVOKED
    assert verdict.done
    assert "예전 인증서는 폐기되었습니다." in verdict.what_happened


def test_forgot_password_failed_by_locking_the_card(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "forgot-password")
    with center:
        flow = center.start_issuance(CertificateKind.GENERAL)
        flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
        flow.agree_terms(True)
        prompt = flow.start_ars()
        center.simulator.key_in_ars(KIM.customer_id, prompt.code)
        flow.confirm_ars()
        for attempt in range(1, 6):  # hurried: the wrong cells, five times
            cells = flow.security_card_challenge()
            card = center.simulator.security_card(KIM.customer_id).cells
            wrong = "99" if card[cells.first_cell][:2] != "99" else "98"
            expected = SecurityCardLocked if attempt == 5 else WrongSecurityCard
            with pytest.raises(expected):
                flow.verify_security_card(wrong, card[cells.second_cell][-2:])
        verdict = mission("forgot-password").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "보안카드가 잠겼습니다" in verdict.failed


# --- 4. expired ---------------------------------------------------------------------------
def test_expired_done_by_reissue_with_a_fresh_year(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "expired")
    with center:
        old = entry_of(center, KIM)
        assert old.not_after < center.clock.now()
        result = issue(center, KIM)
        assert result.mode is IssueMode.REISSUE
        assert result.not_after > center.clock.now() + timedelta(days=360)
        verdict = mission("expired").judge(center)
    assert verdict.done


def test_expired_not_done_by_trying_to_renew(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "expired")
    password = practice_try.situation.certificate_password
    assert password is not None
    with center:
        old = entry_of(center, KIM)
        with pytest.raises(RenewalExpired):
            center.start_renewal().select(old, password)
        verdict = mission("expired").judge(center)
    assert (verdict.done, verdict.failed) == (False, None)


# --- 5. renew -----------------------------------------------------------------------------
def _renew(center: CertificateCenter) -> None:
    flow = center.start_renewal()
    flow.select(entry_of(center, PARK), DEMO_CERTIFICATE_PASSWORD)
    pass_identity(center, flow, PARK.customer_id, phone="sms")
    flow.renew()


def test_renew_done_by_renewal(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "renew")
    assert practice_try.situation.certificate_password == DEMO_CERTIFICATE_PASSWORD
    with center:
        _renew(center)
        verdict = mission("renew").judge(center)
    assert verdict.done
    assert any("갱신했습니다" in line for line in verdict.what_happened)


def test_renew_failed_by_reissuing_instead(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "renew")
    with center:
        issue(center, PARK)
        verdict = mission("renew").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "재발급" in verdict.failed


def test_renew_too_early_is_refused_and_not_done(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "renew")
    with center:
        center.simulator.advance_clock(timedelta(days=-30))  # 50 days before expiry
        with pytest.raises(RenewalTooEarly):
            _renew(center)
        verdict = mission("renew").judge(center)
    assert (verdict.done, verdict.failed) == (False, None)


# --- 8. lost-usb --------------------------------------------------------------------------
def test_lost_usb_done_by_reissue_revoking_the_lost_one(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "lost-usb")
    serial = practice_try.situation.original_serial
    assert serial is not None
    with center:
        usb = center.removable(center.home.removable_default_root)
        assert center.list_certificates(usb).entries == []  # the USB is gone
        assert center.mg_ca.status(serial) is CertificateStatus.GOOD
        issue(center, KIM)
        verdict = mission("lost-usb").judge(center)
        assert center.mg_ca.status(serial) is CertificateStatus.REVOKED
    assert verdict.done


def test_lost_usb_failed_when_the_lost_one_stays_valid(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "lost-usb")
    with center:
        issue(center, KIM, UNIVERSAL)
        verdict = mission("lost-usb").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "잃어버린 인증서가 아직 유효" in verdict.failed
