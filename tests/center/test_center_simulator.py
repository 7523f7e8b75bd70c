"""The simulator facade: devices, clock, 지점 방문, demo sheets."""

from __future__ import annotations

from datetime import timedelta

import pytest
from center_support import KIM, PARK, pass_method

from mgcert.bank import OtpLocked, WrongOtp
from mgcert.center import CertificateCenter, NoArsCall, NoPendingChallenge, StepsIncomplete
from mgcert.center.identity_methods import IdentityMethod
from mgcert.npki.profile import CertificateKind


def test_sheets_show_demo_data_and_certificate_password(center: CertificateCenter) -> None:
    sim = center.simulator
    sheets = {sheet.name: sheet for sheet in sim.sheets()}
    assert sheets[KIM.name].rrn == KIM.rrn
    assert sim.demo_certificate_password(PARK.customer_id) == "Jihoon2580!"
    assert sim.demo_certificate_password(KIM.customer_id) is None


def test_phone_keypad_needs_a_ringing_call(center: CertificateCenter) -> None:
    sim = center.simulator
    with pytest.raises(NoArsCall):
        sim.key_in_ars(KIM.customer_id, "12")
    flow = center.start_issuance(CertificateKind.GENERAL)
    with pytest.raises(StepsIncomplete):
        flow.start_ars()  # the customer is not known yet
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    with pytest.raises(NoPendingChallenge):
        flow.confirm_ars()
    prompt = flow.start_ars()
    call = sim.pending_ars(KIM.customer_id)
    assert call is not None
    assert call.code == prompt.code
    assert prompt.phone_masked == "010-****-1001"


def test_clock_travel_and_reset(center: CertificateCenter) -> None:
    start = center.clock.now()
    center.simulator.advance_clock(timedelta(days=30))
    assert center.clock.now() - start == timedelta(days=30)
    center.simulator.reset_clock()
    assert center.clock.now() == start


def test_branch_visit_unlocks_otp(center: CertificateCenter) -> None:
    sim = center.simulator
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    wrong = "000000" if sim.otp(KIM.customer_id).code != "000000" else "111111"
    for _ in range(9):
        with pytest.raises(WrongOtp):
            flow.verify_otp(wrong)
    with pytest.raises(OtpLocked):
        flow.verify_otp(wrong)
    assert sim.lock_state(KIM.customer_id).otp_locked
    sim.unlock(KIM.customer_id)
    assert not sim.lock_state(KIM.customer_id).any_locked
    pass_method(center, flow, KIM.customer_id, IdentityMethod.OTP)
    assert flow.second_factor_verified
