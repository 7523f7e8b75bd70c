"""Missions 6, 7, 9 and 10 (내보내기/가져오기, 타기관 등록, 금융인증서, 수상한 전화): each
completed the way a learner would, and failed or left undone by the usual mistake."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from practice_support import KIM, entry_of, issue, pass_identity, phone, start

from mgcert.bank import PinLocked, TrivialPin, WrongPin
from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, ExportExpired
from mgcert.practice import scam_call
from mgcert.practice.missions import mission
from mgcert.practice.scam_call import ScamAsk, ScamResponse

Opener = Callable[[Path], CertificateCenter]


# --- 6. move-to-phone ----------------------------------------------------------------------
def test_move_to_phone_done_by_export_and_import(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "move-to-phone")
    password = practice_try.situation.certificate_password
    assert password is not None
    with center:
        assert not mission("move-to-phone").judge(center).done
        ticket = center.export_certificate(entry_of(center, KIM), password)
        imported = center.import_certificate(ticket.code, phone(center))
        assert imported.serial == practice_try.situation.original_serial
        verdict = mission("move-to-phone").judge(center)
    assert verdict.done
    assert "휴대폰에 같은 인증서가 저장되었습니다." in verdict.what_happened


def test_move_to_phone_not_done_when_the_code_ran_out(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "move-to-phone")
    password = practice_try.situation.certificate_password
    assert password is not None
    with center:
        ticket = center.export_certificate(entry_of(center, KIM), password)
        center.simulator.advance_clock(timedelta(minutes=4))
        with pytest.raises(ExportExpired):
            center.import_certificate(ticket.code, phone(center))
        verdict = mission("move-to-phone").judge(center)
    assert (verdict.done, verdict.failed) == (False, None)


def test_move_to_phone_failed_by_reissuing_onto_the_phone(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "move-to-phone")
    with center:
        issue(center, KIM, location=phone(center))
        verdict = mission("move-to-phone").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "폐기" in verdict.failed


# --- 7. other-bank -----------------------------------------------------------------------
def test_other_bank_done_by_registration(opener: Opener, tmp_path: Path) -> None:
    practice_try, center = start(opener, tmp_path, "other-bank")
    password = practice_try.situation.certificate_password
    assert password is not None
    with center:
        other = entry_of(center, KIM)
        assert other.issuer_org == center.other_ca.profile.org
        assert not other.registered
        flow = center.start_registration()
        flow.select(other, password)
        flow.verify_owner(KIM.rrn)
        flow.enter_account(KIM.account, KIM.account_password)
        pass_identity(center, flow, KIM.customer_id, phone="sms", second="otp")
        flow.register()
        verdict = mission("other-bank").judge(center)
    assert verdict.done
    assert any("등록되었습니다" in line for line in verdict.what_happened)


def test_other_bank_failed_by_issuing_a_new_one(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "other-bank")
    with center:
        issue(center, KIM, location=phone(center))
        verdict = mission("other-bank").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "등록만" in verdict.failed


# --- 9. financial ------------------------------------------------------------------------
def _financial(center: CertificateCenter, pin: str) -> None:
    flow = center.start_financial()
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    flow.issue(pin, pin)


def test_financial_done_by_issuing_with_a_pin(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "financial")
    with center:
        assert not mission("financial").judge(center).done
        _financial(center, "402917")
        verdict = mission("financial").judge(center)
        info = center.financial_certificate(KIM.customer_id)
        assert info is not None
        assert info.serial is not None
        assert center.mg_ca.status(info.serial) is CertificateStatus.GOOD
    assert verdict.done


def test_financial_not_done_with_a_trivial_pin(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "financial")
    with center:
        with pytest.raises(TrivialPin):
            _financial(center, "123456")
        verdict = mission("financial").judge(center)
    assert (verdict.done, verdict.failed) == (False, None)


def test_financial_failed_when_the_pin_gets_locked(opener: Opener, tmp_path: Path) -> None:
    _, center = start(opener, tmp_path, "financial")
    with center:
        _financial(center, "402917")
        for _ in range(4):
            with pytest.raises(WrongPin):
                center.open_financial(KIM.customer_id, "999111")
        with pytest.raises(PinLocked):
            center.open_financial(KIM.customer_id, "999111")
        verdict = mission("financial").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert "PIN" in verdict.failed


# --- 10. scam-call -----------------------------------------------------------------------
@pytest.mark.parametrize("response", [ScamResponse.HANG_UP, ScamResponse.REPORT])
def test_scam_call_done_by_refusing(opener: Opener, tmp_path: Path, response: ScamResponse) -> None:
    practice_try, center = start(opener, tmp_path, "scam-call")
    call = scam_call.current_call(practice_try.home)
    assert call is not None
    assert call.ringing
    assert call.script.lines
    with center:
        assert not mission("scam-call").judge(center).done
        scam_call.respond(practice_try.home, response)
        verdict = mission("scam-call").judge(center)
    assert verdict.done
    assert verdict.failed is None


@pytest.mark.parametrize("ask", list(ScamAsk))
def test_scam_call_failed_by_disclosing(opener: Opener, tmp_path: Path, ask: ScamAsk) -> None:
    practice_try, center = start(opener, tmp_path, "scam-call")
    scam_call.respond(practice_try.home, ScamResponse.HANG_UP)
    scam_call.ring(practice_try.home, ask)  # the caller tries again
    with center:
        scam_call.respond(practice_try.home, ScamResponse.DISCLOSE)
        verdict = mission("scam-call").judge(center)
    assert not verdict.done
    assert verdict.failed is not None
    assert ask.label in verdict.failed
    password = practice_try.situation.certificate_password
    assert password is not None
    assert password not in (practice_try.home / scam_call.CALL_FILE).read_text()
