"""Counters under concurrency: attempts from many threads and connections are all counted."""

from __future__ import annotations

import threading

from bank_support import KIM, KIM_ACCOUNT, OpenBank

from mgcert.bank import Bank, EBankingLocked, WrongAccountPassword


def test_concurrent_wrong_passwords_lose_no_count(reopen: OpenBank) -> None:
    banks = [reopen(), reopen()]  # two connections, each shared by several threads
    barrier = threading.Barrier(10)
    remaining: list[int] = []
    locked: list[str] = []
    lock = threading.Lock()

    def attempt(bank: Bank) -> None:
        barrier.wait()
        try:
            bank.verify_account_password(KIM_ACCOUNT, "0000")
        except WrongAccountPassword as exc:
            with lock:
                remaining.append(exc.remaining)
        except EBankingLocked:
            with lock:
                locked.append("locked")

    threads = [threading.Thread(target=attempt, args=(banks[i % 2],)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # Exactly four counted wrong entries before the lock, each with its own remaining.
    assert sorted(remaining) == [1, 2, 3, 4]
    assert len(locked) == 6
    assert banks[0].lock_state(KIM.customer_id).ebanking_locked_accounts == (KIM_ACCOUNT,)
