"""계좌비밀번호: 5 wrong in a row lock e-banking; a success resets; the lock persists."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from bank_support import KIM, KIM_ACCOUNT, KIM_PASSWORD, LEE_ACCOUNT, OpenBank, wrong_password

from mgcert.bank import (
    Bank,
    EBankingLocked,
    InvalidAccountNumberFormat,
    InvalidAccountPasswordFormat,
    UnknownAccount,
    WrongAccountPassword,
)
from mgcert.home import DataHome

WRONG = wrong_password(KIM_PASSWORD)


def test_right_password_passes(bank: Bank) -> None:
    bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    # Any hyphenation of the account number is the same account.
    bank.verify_account_password(KIM_ACCOUNT.replace("-", ""), KIM_PASSWORD)


def test_wrong_passwords_count_down_then_lock(bank: Bank) -> None:
    for remaining in (4, 3, 2, 1):
        with pytest.raises(WrongAccountPassword) as caught:
            bank.verify_account_password(KIM_ACCOUNT, WRONG)
        assert caught.value.remaining == remaining
        assert f"(남은 횟수 {remaining}회)" in str(caught.value)
    with pytest.raises(EBankingLocked) as locked:
        bank.verify_account_password(KIM_ACCOUNT, WRONG)
    assert "영업점" in str(locked.value)
    assert "지점" in str(locked.value)
    # Locked means locked: the right password no longer helps.
    with pytest.raises(EBankingLocked):
        bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    assert bank.account(KIM_ACCOUNT).ebanking_locked
    assert bank.lock_state(KIM.customer_id).ebanking_locked_accounts == (KIM_ACCOUNT,)


def test_success_resets_the_count(bank: Bank) -> None:
    for _ in range(4):
        with pytest.raises(WrongAccountPassword):
            bank.verify_account_password(KIM_ACCOUNT, WRONG)
    bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    with pytest.raises(WrongAccountPassword) as caught:
        bank.verify_account_password(KIM_ACCOUNT, WRONG)
    assert caught.value.remaining == 4


def test_lock_is_per_account(bank: Bank) -> None:
    for _ in range(5):
        with pytest.raises((WrongAccountPassword, EBankingLocked)):
            bank.verify_account_password(KIM_ACCOUNT, WRONG)
    second = KIM.accounts[1]
    bank.verify_account_password(second.number, second.password)
    assert not bank.account(second.number).ebanking_locked


@pytest.mark.parametrize("password", ["", "123", "12345", "12a4", "１２３４", "12 4", " 1234"])
def test_malformed_password_costs_no_attempt(bank: Bank, password: str) -> None:
    with pytest.raises(InvalidAccountPasswordFormat):
        bank.verify_account_password(KIM_ACCOUNT, password)
    assert bank.lock_state(KIM.customer_id).account_password_failures[KIM_ACCOUNT] == 0


@pytest.mark.parametrize("account", ["", "9002", "9002-0000-0001-1x", "abcd-efgh-ijkl-m"])
def test_malformed_account_number(bank: Bank, account: str) -> None:
    with pytest.raises(InvalidAccountNumberFormat):
        bank.verify_account_password(account, KIM_PASSWORD)


def test_unknown_account(bank: Bank) -> None:
    with pytest.raises(UnknownAccount):
        bank.verify_account_password("9999-9999-9999-9", KIM_PASSWORD)


def test_count_and_lock_survive_a_fresh_open(reopen: OpenBank) -> None:
    first = reopen()
    for _ in range(3):
        with pytest.raises(WrongAccountPassword):
            first.verify_account_password(KIM_ACCOUNT, WRONG)
    first.close()
    second = reopen()
    with pytest.raises(WrongAccountPassword) as caught:
        second.verify_account_password(KIM_ACCOUNT, WRONG)
    assert caught.value.remaining == 1
    with pytest.raises(EBankingLocked):
        second.verify_account_password(KIM_ACCOUNT, WRONG)
    second.close()
    with pytest.raises(EBankingLocked):
        reopen().verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)


_CHILD = textwrap.dedent(
    """
    import sys
    from datetime import datetime
    from pathlib import Path

    from mgcert.bank import Bank, EBankingLocked, WrongAccountPassword
    from mgcert.clock import KST, Clock

    db, account, password = sys.argv[1:4]
    bank = Bank.open(Path(db), Clock(pinned=datetime(2026, 11, 24, 10, tzinfo=KST)))
    seen = []
    for _ in range(3):
        try:
            bank.verify_account_password(account, password)
            seen.append("ok")
        except WrongAccountPassword as exc:
            seen.append(f"wrong:{exc.remaining}")
        except EBankingLocked:
            seen.append("locked")
    bank.close()
    print(",".join(seen))
    """
)


def test_count_and_lock_survive_a_fresh_process(reopen: OpenBank, home: DataHome) -> None:
    parent = reopen()
    for _ in range(2):
        with pytest.raises(WrongAccountPassword):
            parent.verify_account_password(KIM_ACCOUNT, WRONG)
    parent.close()
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(home.bank_db), KIM_ACCOUNT, WRONG],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # The child starts at 2 failures: 3rd and 4th wrong, 5th locks.
    assert child.stdout.strip() == "wrong:2,wrong:1,locked"
    after = reopen()
    with pytest.raises(EBankingLocked):
        after.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    # Another customer's account was not touched.
    assert not after.account(LEE_ACCOUNT).ebanking_locked
