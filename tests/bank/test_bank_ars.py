"""ARS 전화인증: not confirmed vs expired vs success, the phone's keypad, single use."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bank_support import KIM, LEE, OpenBank, wrong_code

from mgcert.bank import (
    ArsAlreadyUsed,
    ArsExpired,
    ArsFailed,
    ArsNotConfirmed,
    ArsSuperseded,
    Bank,
    InvalidArsDigits,
    UnknownArsCall,
)
from mgcert.clock import Clock


def test_call_goes_to_the_registered_phone(bank: Bank, clock: Clock) -> None:
    call = bank.start_ars(KIM.customer_id)
    assert call.phone == KIM.phone
    assert len(call.code) == 2
    assert call.code.isdigit()
    assert call.expires_at == clock.now() + timedelta(minutes=3)
    assert bank.pending_ars_call(KIM.customer_id) == call
    assert bank.pending_ars_call(LEE.customer_id) is None


def test_confirm_before_keying_is_not_confirmed(bank: Bank) -> None:
    call = bank.start_ars(KIM.customer_id)
    with pytest.raises(ArsNotConfirmed) as caught:
        bank.confirm_ars(call.id)
    assert "인증이 완료되지 않았습니다" in str(caught.value)
    # Still usable afterwards.
    assert bank.key_in_ars(call.id, call.code)
    bank.confirm_ars(call.id)


def test_success_is_single_use(bank: Bank) -> None:
    call = bank.start_ars(KIM.customer_id)
    assert bank.key_in_ars(call.id, call.code) is True
    assert bank.pending_ars_call(KIM.customer_id) is None  # the phone hung up
    bank.confirm_ars(call.id)
    with pytest.raises(ArsAlreadyUsed):
        bank.confirm_ars(call.id)


def test_expired_after_three_minutes_even_if_keyed(bank: Bank, clock: Clock) -> None:
    call = bank.start_ars(KIM.customer_id)
    assert bank.key_in_ars(call.id, call.code)
    clock.advance(timedelta(minutes=3, seconds=1))
    with pytest.raises(ArsExpired) as caught:
        bank.confirm_ars(call.id)
    assert "인증 시간이 만료되었습니다" in str(caught.value)


def test_just_before_expiry_still_works(bank: Bank, clock: Clock) -> None:
    call = bank.start_ars(KIM.customer_id)
    clock.advance(timedelta(minutes=2, seconds=59))
    assert bank.key_in_ars(call.id, call.code)
    bank.confirm_ars(call.id)


def test_unkeyed_and_expired_is_expired_not_unconfirmed(bank: Bank, clock: Clock) -> None:
    call = bank.start_ars(KIM.customer_id)
    clock.advance(timedelta(minutes=3, seconds=1))
    with pytest.raises(ArsExpired):
        bank.confirm_ars(call.id)
    assert bank.pending_ars_call(KIM.customer_id) is None
    with pytest.raises(ArsExpired):
        bank.key_in_ars(call.id, call.code)


def test_wrong_digits_keep_ringing_then_the_call_ends(bank: Bank) -> None:
    call = bank.start_ars(KIM.customer_id)
    wrong = wrong_code(call.code, digits=2)
    assert bank.key_in_ars(call.id, wrong) is False
    assert bank.pending_ars_call(KIM.customer_id) == call
    assert bank.key_in_ars(call.id, wrong) is False
    with pytest.raises(ArsNotConfirmed):
        bank.confirm_ars(call.id)
    assert bank.key_in_ars(call.id, wrong) is False  # 3rd wrong: the call ends
    assert bank.pending_ars_call(KIM.customer_id) is None
    with pytest.raises(ArsFailed):
        bank.key_in_ars(call.id, call.code)
    with pytest.raises(ArsFailed):
        bank.confirm_ars(call.id)


def test_wrong_then_right_digits(bank: Bank) -> None:
    call = bank.start_ars(KIM.customer_id)
    assert bank.key_in_ars(call.id, wrong_code(call.code, digits=2)) is False
    assert bank.key_in_ars(call.id, call.code) is True
    bank.confirm_ars(call.id)


def test_a_new_call_supersedes_the_old_one(bank: Bank) -> None:
    old = bank.start_ars(KIM.customer_id)
    new = bank.start_ars(KIM.customer_id)
    assert bank.pending_ars_call(KIM.customer_id) == new
    with pytest.raises(ArsSuperseded):
        bank.key_in_ars(old.id, old.code)
    with pytest.raises(ArsSuperseded):
        bank.confirm_ars(old.id)
    assert bank.key_in_ars(new.id, new.code)
    bank.confirm_ars(new.id)


@pytest.mark.parametrize("digits", ["", "1", "123", "a1", "١٢", " 12"])
def test_keypad_takes_exactly_two_digits(bank: Bank, digits: str) -> None:
    call = bank.start_ars(KIM.customer_id)
    with pytest.raises(InvalidArsDigits):
        bank.key_in_ars(call.id, digits)


def test_unknown_call(bank: Bank) -> None:
    with pytest.raises(UnknownArsCall):
        bank.confirm_ars("no-such-call")
    with pytest.raises(UnknownArsCall):
        bank.key_in_ars("no-such-call", "12")


def test_call_state_is_shared_through_the_database(reopen: OpenBank) -> None:
    """The phone (one process) keys in; the screen (another handle) confirms."""
    screen, phone = reopen(), reopen()
    call = screen.start_ars(KIM.customer_id)
    ringing = phone.pending_ars_call(KIM.customer_id)
    assert ringing is not None
    assert ringing.id == call.id
    assert phone.key_in_ars(ringing.id, ringing.code)
    screen.confirm_ars(call.id)
