"""OTP: TOTP at the simulated clock, ±1 step, replay refused, 10 wrong lock."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pyotp
import pytest
from bank_support import KIM, LEE, OpenBank, vault_of, wrong_code

from mgcert.bank import Bank, InvalidOtpFormat, OtpLocked, OtpReplayed, WrongOtp
from mgcert.bank.vault import otp_seed_aad
from mgcert.clock import Clock
from mgcert.home import DataHome

STEP = timedelta(seconds=30)


def _device_secret(home: DataHome, customer_id: int) -> str:
    """The device's seed, unsealed with the secret file (it is not in the db in clear)."""
    conn = sqlite3.connect(f"file:{home.bank_db}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT secret_enc FROM otp_devices WHERE customer_id = ?", (customer_id,)
        ).fetchone()
    finally:
        conn.close()
    return vault_of(home).unseal(row[0], otp_seed_aad(customer_id)).decode("ascii")


def test_device_shows_the_totp_of_the_simulated_clock(
    bank: Bank, clock: Clock, home: DataHome
) -> None:
    totp = pyotp.TOTP(_device_secret(home, KIM.customer_id), digits=6, interval=30)
    reading = bank.otp_code(KIM.customer_id)
    # The pinned clock (2026-11-24 10:00 KST) is not the real time, so this only
    # holds if the device reads the simulated clock.
    assert reading.code == totp.at(clock.now())
    assert reading.seconds_left == 30  # 10:00:00 is the start of a step
    clock.advance(timedelta(seconds=7))
    assert bank.otp_code(KIM.customer_id).seconds_left == 23
    clock.advance(timedelta(days=400))
    assert bank.otp_code(KIM.customer_id).code == totp.at(clock.now())


def test_devices_differ_between_customers(bank: Bank) -> None:
    codes = {bank.otp_code(c).code for c in (KIM.customer_id, LEE.customer_id)}
    assert len(codes) == 2


def test_current_code_passes(bank: Bank) -> None:
    bank.verify_otp(KIM.customer_id, bank.otp_code(KIM.customer_id).code)


def test_one_step_behind_passes(bank: Bank, clock: Clock) -> None:
    code = bank.otp_code(KIM.customer_id).code
    clock.advance(STEP)
    bank.verify_otp(KIM.customer_id, code)


def test_one_step_ahead_passes(bank: Bank, clock: Clock) -> None:
    clock.advance(STEP)
    code = bank.otp_code(KIM.customer_id).code
    clock.advance(-STEP)
    bank.verify_otp(KIM.customer_id, code)


@pytest.mark.parametrize("steps", [2, -2])
def test_two_steps_off_is_refused(bank: Bank, clock: Clock, steps: int) -> None:
    code = bank.otp_code(KIM.customer_id).code
    clock.advance(STEP * steps)
    with pytest.raises(WrongOtp) as caught:
        bank.verify_otp(KIM.customer_id, code)
    assert caught.value.remaining == 9


def test_used_code_is_refused(bank: Bank) -> None:
    code = bank.otp_code(KIM.customer_id).code
    bank.verify_otp(KIM.customer_id, code)
    with pytest.raises(OtpReplayed):
        bank.verify_otp(KIM.customer_id, code)
    # A replay is not a wrong entry.
    assert bank.lock_state(KIM.customer_id).otp_failures == 0


def test_older_code_after_a_newer_one_is_refused(bank: Bank, clock: Clock) -> None:
    older = bank.otp_code(KIM.customer_id).code
    clock.advance(STEP)
    bank.verify_otp(KIM.customer_id, bank.otp_code(KIM.customer_id).code)
    with pytest.raises(OtpReplayed):
        bank.verify_otp(KIM.customer_id, older)
    clock.advance(STEP)
    bank.verify_otp(KIM.customer_id, bank.otp_code(KIM.customer_id).code)


def _wrong_now(bank: Bank, clock: Clock) -> str:
    """A code matching none of the accepted steps around now."""
    around = []
    for offset in (-1, 0, 1):
        clock.advance(STEP * offset)
        around.append(bank.otp_code(KIM.customer_id).code)
        clock.advance(-STEP * offset)
    return wrong_code(*around)


def test_ten_wrong_lock_the_device(bank: Bank, clock: Clock) -> None:
    wrong = _wrong_now(bank, clock)
    for remaining in range(9, 0, -1):
        with pytest.raises(WrongOtp) as caught:
            bank.verify_otp(KIM.customer_id, wrong)
        assert caught.value.remaining == remaining
        assert f"(남은 횟수 {remaining}회)" in str(caught.value)
    with pytest.raises(OtpLocked) as locked:
        bank.verify_otp(KIM.customer_id, wrong)
    assert "10회" in str(locked.value)
    assert "지점" in str(locked.value)
    with pytest.raises(OtpLocked):
        bank.verify_otp(KIM.customer_id, bank.otp_code(KIM.customer_id).code)


def test_success_resets_the_count(bank: Bank, clock: Clock) -> None:
    wrong = _wrong_now(bank, clock)
    for _ in range(9):
        with pytest.raises(WrongOtp):
            bank.verify_otp(KIM.customer_id, wrong)
    bank.verify_otp(KIM.customer_id, bank.otp_code(KIM.customer_id).code)
    with pytest.raises(WrongOtp) as caught:
        bank.verify_otp(KIM.customer_id, wrong)
    assert caught.value.remaining == 9


def test_count_lock_and_last_step_survive_a_fresh_open(reopen: OpenBank, clock: Clock) -> None:
    first = reopen()
    used = first.otp_code(KIM.customer_id).code
    first.verify_otp(KIM.customer_id, used)
    wrong = _wrong_now(first, clock)
    for _ in range(9):
        with pytest.raises(WrongOtp):
            first.verify_otp(KIM.customer_id, wrong)
    first.close()
    second = reopen()
    with pytest.raises(OtpReplayed):
        second.verify_otp(KIM.customer_id, used)
    with pytest.raises(OtpLocked):
        second.verify_otp(KIM.customer_id, wrong)
    second.close()
    assert reopen().lock_state(KIM.customer_id).otp_locked


@pytest.mark.parametrize("code", ["", "12345", "1234567", "12345a", "١٢٣٤٥٦", "123 456"])
def test_malformed_code_costs_no_attempt(bank: Bank, code: str) -> None:
    with pytest.raises(InvalidOtpFormat):
        bank.verify_otp(KIM.customer_id, code)
    assert bank.lock_state(KIM.customer_id).otp_failures == 0
