"""SMS 인증번호: 6 digits in the inbox, 3-minute life, single use, void after 5 wrong."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from bank_support import KIM, LEE, OpenBank, wrong_code

from mgcert.bank import (
    Bank,
    InvalidSmsCodeFormat,
    SmsAlreadyUsed,
    SmsExpired,
    SmsSuperseded,
    SmsVoided,
    UnknownSmsChallenge,
    WrongSmsCode,
)
from mgcert.clock import Clock


def _sent_code(bank: Bank, customer_id: int) -> str:
    return bank.sms_inbox(customer_id)[0].code


def test_code_arrives_in_the_inbox(bank: Bank, clock: Clock) -> None:
    challenge = bank.send_sms(KIM.customer_id)
    assert challenge.phone == KIM.phone
    assert challenge.expires_at == clock.now() + timedelta(minutes=3)
    (message,) = bank.sms_inbox(KIM.customer_id)
    assert re.fullmatch(r"[0-9]{6}", message.code)
    assert message.text.startswith(f"[MG새마을금고] 인증번호 [{message.code}]")
    assert message.sent_at == clock.now()
    assert bank.sms_inbox(LEE.customer_id) == []


def test_right_code_passes_once(bank: Bank) -> None:
    challenge = bank.send_sms(KIM.customer_id)
    code = _sent_code(bank, KIM.customer_id)
    bank.verify_sms(challenge.id, code)
    with pytest.raises(SmsAlreadyUsed):
        bank.verify_sms(challenge.id, code)


def test_expires_after_three_minutes(bank: Bank, clock: Clock) -> None:
    challenge = bank.send_sms(KIM.customer_id)
    code = _sent_code(bank, KIM.customer_id)
    clock.advance(timedelta(minutes=3, seconds=1))
    with pytest.raises(SmsExpired):
        bank.verify_sms(challenge.id, code)


def test_valid_just_before_expiry(bank: Bank, clock: Clock) -> None:
    challenge = bank.send_sms(KIM.customer_id)
    clock.advance(timedelta(minutes=2, seconds=59))
    bank.verify_sms(challenge.id, _sent_code(bank, KIM.customer_id))


def test_five_wrong_void_the_code(bank: Bank) -> None:
    challenge = bank.send_sms(KIM.customer_id)
    code = _sent_code(bank, KIM.customer_id)
    wrong = wrong_code(code)
    for remaining in (4, 3, 2, 1):
        with pytest.raises(WrongSmsCode) as caught:
            bank.verify_sms(challenge.id, wrong)
        assert caught.value.remaining == remaining
        assert f"(남은 횟수 {remaining}회)" in str(caught.value)
    with pytest.raises(SmsVoided):
        bank.verify_sms(challenge.id, wrong)
    with pytest.raises(SmsVoided):
        bank.verify_sms(challenge.id, code)
    # A new code works again.
    fresh = bank.send_sms(KIM.customer_id)
    bank.verify_sms(fresh.id, _sent_code(bank, KIM.customer_id))


def test_wrong_count_survives_a_fresh_open(reopen: OpenBank) -> None:
    first = reopen()
    challenge = first.send_sms(KIM.customer_id)
    wrong = wrong_code(_sent_code(first, KIM.customer_id))
    for _ in range(4):
        with pytest.raises(WrongSmsCode):
            first.verify_sms(challenge.id, wrong)
    first.close()
    with pytest.raises(SmsVoided):
        reopen().verify_sms(challenge.id, wrong)


def test_a_new_code_supersedes_the_old_one(bank: Bank) -> None:
    old = bank.send_sms(KIM.customer_id)
    old_code = _sent_code(bank, KIM.customer_id)
    new = bank.send_sms(KIM.customer_id)
    new_code = _sent_code(bank, KIM.customer_id)
    assert len(bank.sms_inbox(KIM.customer_id)) == 2
    with pytest.raises(SmsSuperseded):
        bank.verify_sms(old.id, old_code)
    bank.verify_sms(new.id, new_code)


@pytest.mark.parametrize("code", ["", "12345", "1234567", "12345a", "١٢٣٤٥٦", "123 456"])
def test_malformed_code_costs_no_attempt(bank: Bank, code: str) -> None:
    challenge = bank.send_sms(KIM.customer_id)
    right = _sent_code(bank, KIM.customer_id)
    with pytest.raises(InvalidSmsCodeFormat):
        bank.verify_sms(challenge.id, code)
    wrong = wrong_code(right)
    for _ in range(4):  # still all five attempts left
        with pytest.raises(WrongSmsCode):
            bank.verify_sms(challenge.id, wrong)
    bank.verify_sms(challenge.id, right)


def test_unknown_challenge(bank: Bank) -> None:
    with pytest.raises(UnknownSmsChallenge):
        bank.verify_sms("nope", "123456")
