"""Fees of a certificate job: one debit per job id, one refund per job, across processes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from bank_support import (
    JOB,
    KIM_ACCOUNT,
    KIM_PASSWORD,
    LEE_ACCOUNT,
    OTHER_JOB,
    OpenBank,
    query,
    wrong_password,
)

from mgcert.bank import (
    Bank,
    EBankingLocked,
    FeeAlreadyRefunded,
    InsufficientBalance,
    JobIdConflict,
    LedgerKind,
    WrongAccountPassword,
)
from mgcert.home import DataHome
from mgcert.npki.profile import UNIVERSAL_FEE_WON

KIM_SECOND_ACCOUNT = "9003-0000-0001-5"


def test_a_repeated_charge_for_the_job_changes_nothing(bank: Bank) -> None:
    first = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용 인증서 발급", job_id=JOB)
    again = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용 인증서 발급", job_id=JOB)
    assert again == first
    assert bank.balance(KIM_ACCOUNT) == 1_245_600
    (entry,) = bank.ledger(KIM_ACCOUNT)
    assert (entry.id, entry.job_id, entry.refunded) == (first, JOB, False)


def test_hyphenation_of_the_account_does_not_matter(bank: Bank) -> None:
    first = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    digits = KIM_ACCOUNT.replace("-", "")
    assert bank.charge_fee(digits, UNIVERSAL_FEE_WON, "범용", job_id=JOB) == first
    assert len(bank.ledger(KIM_ACCOUNT)) == 1


def test_other_jobs_and_charges_without_a_job_are_separate(bank: Bank) -> None:
    first = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    second = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=OTHER_JOB)
    plain = [bank.charge_fee(KIM_ACCOUNT, 100, "작업 없음") for _ in range(2)]
    assert len({first, second, *plain}) == 4
    assert bank.balance(KIM_ACCOUNT) == 1_250_000 - 2 * UNIVERSAL_FEE_WON - 200
    assert [e.job_id for e in bank.ledger(KIM_ACCOUNT)] == [JOB, OTHER_JOB, None, None]


def test_the_repeat_is_answered_before_balance_and_lock_checks(bank: Bank) -> None:
    """The job was paid; a retry after the money is gone or the account locked still
    finds that payment instead of failing."""
    first = bank.charge_fee(LEE_ACCOUNT, 1_000, "전액", job_id=JOB)
    assert bank.charge_fee(LEE_ACCOUNT, 1_000, "전액", job_id=JOB) == first
    bank.charge_fee(KIM_ACCOUNT, 4_400, "범용", job_id=OTHER_JOB)
    for _ in range(5):
        with pytest.raises((WrongAccountPassword, EBankingLocked)):
            bank.verify_account_password(KIM_ACCOUNT, wrong_password(KIM_PASSWORD))
    with pytest.raises(EBankingLocked):
        bank.charge_fee(KIM_ACCOUNT, 4_400, "범용")
    assert bank.charge_fee(KIM_ACCOUNT, 4_400, "범용", job_id=OTHER_JOB) > 0
    assert len(bank.ledger(KIM_ACCOUNT)) == 1


def test_a_refused_charge_leaves_the_job_unpaid(bank: Bank) -> None:
    with pytest.raises(InsufficientBalance):
        bank.charge_fee(LEE_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    assert bank.job_charge(JOB) is None
    bank.charge_fee(LEE_ACCOUNT, 1_000, "전액", job_id=JOB)
    assert bank.balance(LEE_ACCOUNT) == 0


@pytest.mark.parametrize(
    ("account", "amount"), [(KIM_SECOND_ACCOUNT, UNIVERSAL_FEE_WON), (KIM_ACCOUNT, 4_000)]
)
def test_the_same_job_for_another_charge_is_refused(bank: Bank, account: str, amount: int) -> None:
    bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    with pytest.raises(JobIdConflict):
        bank.charge_fee(account, amount, "범용", job_id=JOB)
    assert bank.balance(KIM_ACCOUNT) == 1_245_600
    assert bank.balance(KIM_SECOND_ACCOUNT) == 30_000


@pytest.mark.parametrize(
    "job_id", ["", "0123", JOB.upper(), JOB + "0", "g" * 32, " " + JOB[1:], "٠" * 32]
)
def test_a_malformed_job_id_is_a_programming_error(bank: Bank, job_id: str) -> None:
    with pytest.raises(ValueError, match="job id"):
        bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=job_id)
    with pytest.raises(ValueError, match="job id"):
        bank.refund_job(job_id, "환불")
    with pytest.raises(ValueError, match="job id"):
        bank.job_charge(job_id)
    assert bank.ledger(KIM_ACCOUNT) == []


def test_the_database_itself_refuses_a_second_debit_for_a_job(bank: Bank, home: DataHome) -> None:
    bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    conn = sqlite3.connect(home.bank_db, isolation_level=None)
    try:
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
            conn.execute(
                "INSERT INTO ledger (account_id, at, kind, amount_won, reason, balance_after,"
                " job_id) SELECT account_id, at, kind, amount_won, reason, balance_after, job_id"
                " FROM ledger WHERE job_id = ?",
                (JOB,),
            )
    finally:
        conn.close()


# --- refund_job and job_charge -----------------------------------------------------------


def test_refund_job_refunds_once(bank: Bank) -> None:
    debit = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    assert bank.refund_job(JOB, "발급 실패 환불") is True
    assert bank.balance(KIM_ACCOUNT) == 1_250_000
    assert bank.refund_job(JOB, "발급 실패 환불") is False
    assert bank.balance(KIM_ACCOUNT) == 1_250_000
    first, refund = bank.ledger(KIM_ACCOUNT)
    assert (refund.kind, refund.refund_of, refund.reason) == (
        LedgerKind.REFUND,
        debit,
        "발급 실패 환불",
    )
    assert first.refunded_by == refund.id
    with pytest.raises(FeeAlreadyRefunded):
        bank.refund_fee(debit, "환불")


def test_refund_job_after_refund_fee_does_nothing(bank: Bank) -> None:
    debit = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    bank.refund_fee(debit, "환불")
    assert bank.refund_job(JOB, "환불") is False
    assert len(bank.ledger(KIM_ACCOUNT)) == 2


def test_refund_job_without_a_debit(bank: Bank) -> None:
    assert bank.refund_job(JOB, "환불") is False
    bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=OTHER_JOB)
    assert bank.refund_job(JOB, "환불") is False
    assert bank.balance(KIM_ACCOUNT) == 1_245_600


def test_a_refunded_job_is_not_charged_again(bank: Bank) -> None:
    debit = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    bank.refund_job(JOB, "취소")
    assert bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB) == debit
    assert bank.balance(KIM_ACCOUNT) == 1_250_000


def test_job_charge_tells_whether_it_was_refunded(bank: Bank) -> None:
    assert bank.job_charge(JOB) is None
    debit = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용 인증서 발급", job_id=JOB)
    entry = bank.job_charge(JOB)
    assert entry is not None
    assert (entry.id, entry.kind, entry.amount_won, entry.account_number) == (
        debit,
        LedgerKind.DEBIT,
        UNIVERSAL_FEE_WON,
        KIM_ACCOUNT,
    )
    assert (entry.job_id, entry.refunded, entry.refunded_by) == (JOB, False, None)
    bank.refund_job(JOB, "환불")
    refunded = bank.job_charge(JOB)
    assert refunded is not None
    assert refunded.refunded
    assert refunded.refunded_by == bank.ledger(KIM_ACCOUNT)[1].id


def test_the_job_survives_a_fresh_open(reopen: OpenBank) -> None:
    first = reopen()
    debit = first.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB)
    first.close()
    second = reopen()
    assert second.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용", job_id=JOB) == debit
    assert second.refund_job(JOB, "환불") is True
    second.close()
    assert reopen().refund_job(JOB, "환불") is False


# --- concurrency: other processes ---------------------------------------------------------

_CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime
    from pathlib import Path

    from mgcert.bank import Bank, ScryptCost
    from mgcert.clock import KST, Clock

    db, ready, go = (Path(arg) for arg in sys.argv[1:4])
    action, job = sys.argv[4:6]
    clock = Clock(pinned=datetime(2026, 11, 24, 10, tzinfo=KST))
    with Bank.open(db, clock, kdf_cost=ScryptCost(16, 1, 1)) as bank:
        ready.touch()
        while not go.exists():
            time.sleep(0.001)
        if action == "charge":
            print(bank.charge_fee("9002-0000-0001-1", 4400, "race", job_id=job))
        else:
            print(bank.refund_job(job, "race"))
    """
)


def _race(home: DataHome, tmp_path: Path, action: str, children: int = 4) -> list[str]:
    go = tmp_path / f"go-{action}"
    procs = []
    readies = []
    for n in range(children):
        ready = tmp_path / f"ready-{action}-{n}"
        readies.append(ready)
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", _CHILD, str(home.bank_db), str(ready), str(go), action, JOB],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in readies):
        assert time.monotonic() < deadline, "children did not start"
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.01)
    go.touch()
    outputs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * children, outputs
    return [out.strip() for out, _ in outputs]


@pytest.mark.slow
def test_processes_charging_and_refunding_one_job_at_once(
    reopen: OpenBank, home: DataHome, tmp_path: Path
) -> None:
    reopen().close()  # the file exists before the race
    ids = _race(home, tmp_path, "charge")
    assert len(set(ids)) == 1, ids
    refunds = _race(home, tmp_path, "refund")
    assert sorted(refunds) == ["False"] * 3 + ["True"]
    bank = reopen()
    assert bank.balance(KIM_ACCOUNT) == 1_250_000
    assert [(e.kind, e.job_id) for e in bank.ledger(KIM_ACCOUNT)] == [
        (LedgerKind.DEBIT, JOB),
        (LedgerKind.REFUND, None),
    ]
    assert query(home.bank_db, "SELECT count(*) FROM ledger WHERE job_id = ?", (JOB,)) == [(1,)]
