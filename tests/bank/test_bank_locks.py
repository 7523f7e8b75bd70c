"""lock_state and unlock (지점 방문): every lock and counter, also from another process."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest
from bank_support import KIM, KIM_ACCOUNT, KIM_PASSWORD, LEE, OTHER_PIN, PIN, wrong_code

from mgcert.bank import (
    Bank,
    EBankingLocked,
    OtpLocked,
    PinLocked,
    SecurityCardLocked,
    WrongAccountPassword,
    WrongOtp,
    WrongPin,
    WrongSecurityCard,
)
from mgcert.home import DataHome


def _lock_everything(bank: Bank, customer_id: int) -> None:
    account = bank.accounts(customer_id)[0].number
    for _ in range(5):
        with pytest.raises((WrongAccountPassword, EBankingLocked)):
            bank.verify_account_password(account, "0000")  # no demo password is 0000
    challenge = bank.security_card_challenge(customer_id)
    cells = bank.security_card(customer_id).cells
    right_last = cells[challenge.second_cell][2:]
    for _ in range(5):
        with pytest.raises((WrongSecurityCard, SecurityCardLocked)):
            bank.verify_security_card(
                challenge.id, cells[challenge.first_cell][:2], wrong_code(right_last, digits=2)
            )
    # Codes around now are from the steps -1, 0, +1; pick one matching none of them.
    wrong = wrong_code(*_codes_around(bank, customer_id))
    for _ in range(10):
        with pytest.raises((WrongOtp, OtpLocked)):
            bank.verify_otp(customer_id, wrong)
    bank.cloud_store(customer_id, PIN, b"payload")
    for _ in range(5):
        with pytest.raises((WrongPin, PinLocked)):
            bank.cloud_open(customer_id, OTHER_PIN)


def _codes_around(bank: Bank, customer_id: int) -> list[str]:
    codes = []
    for offset in (-1, 0, 1):
        bank.clock.advance(timedelta(seconds=30 * offset))
        codes.append(bank.otp_code(customer_id).code)
        bank.clock.advance(timedelta(seconds=-30 * offset))
    return codes


def test_fresh_customer_has_no_locks(bank: Bank) -> None:
    state = bank.lock_state(KIM.customer_id)
    assert not state.any_locked
    assert state.labels == ()
    assert state.account_password_failures == {a.number: 0 for a in KIM.accounts}
    assert (state.security_card_failures, state.otp_failures, state.pin_failures) == (0, 0, 0)


def test_lock_state_reports_every_lock(bank: Bank) -> None:
    _lock_everything(bank, KIM.customer_id)
    state = bank.lock_state(KIM.customer_id)
    assert state.ebanking_locked_accounts == (KIM_ACCOUNT,)
    assert state.security_card_locked
    assert state.otp_locked
    assert state.pin_locked
    assert state.labels == (
        f"전자금융 ({KIM_ACCOUNT})",
        "보안카드",
        "OTP",
        "금융인증서 PIN",
    )
    # Nothing leaked to another customer.
    assert not bank.lock_state(LEE.customer_id).any_locked


def test_unlock_resets_every_lock_and_counter(bank: Bank) -> None:
    _lock_everything(bank, KIM.customer_id)
    # A counter that is not at its lock yet must be reset too.
    second = KIM.accounts[1]
    with pytest.raises(WrongAccountPassword):
        bank.verify_account_password(second.number, "0000")
    bank.unlock(KIM.customer_id)
    state = bank.lock_state(KIM.customer_id)
    assert not state.any_locked
    assert state.account_password_failures == {a.number: 0 for a in KIM.accounts}
    assert (state.security_card_failures, state.otp_failures, state.pin_failures) == (0, 0, 0)
    # And the checks work again, with full attempts.
    bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    assert bank.cloud_open(KIM.customer_id, PIN) == b"payload"
    bank.verify_otp(KIM.customer_id, bank.otp_code(KIM.customer_id).code)
    challenge = bank.security_card_challenge(KIM.customer_id)
    cells = bank.security_card(KIM.customer_id).cells
    bank.verify_security_card(
        challenge.id, cells[challenge.first_cell][:2], cells[challenge.second_cell][2:]
    )
    with pytest.raises(WrongAccountPassword) as caught:
        bank.verify_account_password(KIM_ACCOUNT, "0001")
    assert caught.value.remaining == 4


_CHILD = textwrap.dedent(
    """
    import json
    import sys
    from datetime import datetime
    from pathlib import Path

    from mgcert.bank import Bank
    from mgcert.clock import KST, Clock

    bank = Bank.open(Path(sys.argv[1]), Clock(pinned=datetime(2026, 11, 24, 10, tzinfo=KST)))
    customer_id = int(sys.argv[2])
    before = bank.lock_state(customer_id)
    if sys.argv[3] == "unlock":
        bank.unlock(customer_id)
    bank.close()
    print(json.dumps({"locked": list(before.labels)}))
    """
)


def test_locks_are_seen_and_lifted_by_another_process(bank: Bank, home: DataHome) -> None:
    _lock_everything(bank, KIM.customer_id)
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(home.bank_db), str(KIM.customer_id), "unlock"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # The child saw every lock made here...
    assert json.loads(child.stdout)["locked"] == [
        f"전자금융 ({KIM_ACCOUNT})",
        "보안카드",
        "OTP",
        "금융인증서 PIN",
    ]
    # ...and its 지점 방문 is visible here without reopening.
    assert not bank.lock_state(KIM.customer_id).any_locked
