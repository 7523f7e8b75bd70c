"""SMS re-sends: at most 5 codes per customer in any 10 minutes, then a time to come back."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from bank_support import KIM, LEE, OpenBank

from mgcert.bank import Bank, SmsError, SmsSendLimited
from mgcert.bank.limits import SMS_SEND_WINDOW, SMS_SENDS_PER_WINDOW
from mgcert.clock import KST, Clock


def test_the_limit_is_five_in_ten_minutes() -> None:
    assert SMS_SENDS_PER_WINDOW == 5
    assert timedelta(minutes=10) == SMS_SEND_WINDOW


def test_the_sixth_code_within_ten_minutes_is_refused(bank: Bank, clock: Clock) -> None:
    start = clock.now()
    for _ in range(5):
        bank.send_sms(KIM.customer_id)
        clock.advance(timedelta(minutes=1))
    last = bank.sms_inbox(KIM.customer_id)[0]
    with pytest.raises(SmsSendLimited) as caught:
        bank.send_sms(KIM.customer_id)
    error = caught.value
    assert isinstance(error, SmsError)
    assert error.retry_at == start + timedelta(minutes=10)
    assert error.wait == timedelta(minutes=5)
    # 10:00 KST + 10 minutes, said in Korean with how long to wait.
    assert str(error) == (
        "인증번호는 10분 동안 5회까지 받을 수 있습니다. "
        "10시 10분 00초부터 다시 요청해 주세요. (약 5분 후)"
    )
    # Nothing was sent: no new message, and the last code still works.
    assert bank.sms_inbox(KIM.customer_id)[0] == last
    assert len(bank.sms_inbox(KIM.customer_id)) == 5


def test_trying_again_at_the_time_given_works(bank: Bank, clock: Clock) -> None:
    for _ in range(5):
        bank.send_sms(KIM.customer_id)
    with pytest.raises(SmsSendLimited) as caught:
        bank.send_sms(KIM.customer_id)
    retry_at = caught.value.retry_at
    clock.advance(retry_at - clock.now() - timedelta(seconds=1))
    with pytest.raises(SmsSendLimited) as again:
        bank.send_sms(KIM.customer_id)
    assert again.value.retry_at == retry_at
    assert "(약 1분 후)" in str(again.value)  # 1 second is "about a minute", not 0
    clock.advance(timedelta(seconds=1))
    challenge = bank.send_sms(KIM.customer_id)
    bank.verify_sms(challenge.id, bank.sms_inbox(KIM.customer_id)[0].code)


def test_the_window_slides(bank: Bank, clock: Clock) -> None:
    """Codes at 0, 1, 2, 3, 4 minutes: the 6th may go at 10, the 7th at 11."""
    start = clock.now()
    for minute in range(5):
        clock.advance(start + timedelta(minutes=minute) - clock.now())
        bank.send_sms(KIM.customer_id)
    clock.advance(start + timedelta(minutes=10) - clock.now())
    bank.send_sms(KIM.customer_id)
    with pytest.raises(SmsSendLimited) as caught:
        bank.send_sms(KIM.customer_id)
    assert caught.value.retry_at == start + timedelta(minutes=11)
    assert caught.value.retry_at.astimezone(KST).minute == 11


def test_refused_requests_do_not_count(bank: Bank, clock: Clock) -> None:
    for _ in range(5):
        bank.send_sms(KIM.customer_id)
    for _ in range(20):
        with pytest.raises(SmsSendLimited):
            bank.send_sms(KIM.customer_id)
    clock.advance(SMS_SEND_WINDOW)
    for _ in range(5):
        bank.send_sms(KIM.customer_id)


def test_each_customer_has_their_own_count(bank: Bank) -> None:
    for _ in range(5):
        bank.send_sms(KIM.customer_id)
    for _ in range(5):
        bank.send_sms(LEE.customer_id)
    with pytest.raises(SmsSendLimited):
        bank.send_sms(LEE.customer_id)


def test_the_count_survives_a_fresh_open(reopen: OpenBank) -> None:
    first = reopen()
    for _ in range(5):
        first.send_sms(KIM.customer_id)
    first.close()
    with pytest.raises(SmsSendLimited):
        reopen().send_sms(KIM.customer_id)


def test_concurrent_requests_cannot_slip_past_the_limit(reopen: OpenBank) -> None:
    banks = [reopen(), reopen()]
    barrier = threading.Barrier(12)
    outcomes: list[str] = []
    lock = threading.Lock()

    def request(bank: Bank) -> None:
        barrier.wait()
        try:
            bank.send_sms(KIM.customer_id)
            result = "sent"
        except SmsSendLimited:
            result = "limited"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=request, args=(banks[i % 2],)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["limited"] * 7 + ["sent"] * 5
    assert len(banks[0].sms_inbox(KIM.customer_id)) == 5
