"""Opening the bank: schema version, demo customers once, default scrypt cost, bad files."""

from __future__ import annotations

import calendar
import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from bank_support import FAST_SCRYPT, KIM, KIM_ACCOUNT, KIM_PASSWORD, LEE, PARK, OpenBank

from mgcert.bank import (
    DEFAULT_SCRYPT,
    DEMO_CUSTOMERS,
    Bank,
    BankDatabaseError,
    BankDatabaseTooNew,
    DemoScenario,
    ScryptCost,
)
from mgcert.bank.db import SCHEMA_VERSION
from mgcert.bank.demo import DemoCustomer
from mgcert.clock import Clock
from mgcert.home import DataHome


def _query(path: Path, sql: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.execute(sql).fetchall())
    finally:
        conn.close()


def test_fresh_file_gets_schema_version_wal_and_demo_customers(bank: Bank, home: DataHome) -> None:
    assert _query(home.bank_db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert _query(home.bank_db, "PRAGMA journal_mode") == [("wal",)]
    assert [c.name for c in bank.customers()] == [c.name for c in DEMO_CUSTOMERS]
    assert stat.S_IMODE(home.bank_db.stat().st_mode) == 0o600


def test_demo_customers_are_created_only_once(reopen: OpenBank, home: DataHome) -> None:
    reopen().charge_fee(KIM_ACCOUNT, 4_400, "범용")
    again = reopen()
    assert len(again.customers()) == len(DEMO_CUSTOMERS)
    # Reopening did not reset balances either.
    assert again.balance(KIM_ACCOUNT) == 1_245_600


def test_default_scrypt_cost_is_what_users_get(home: DataHome, clock: Clock) -> None:
    assert ScryptCost(n=2**14, r=8, p=1) == DEFAULT_SCRYPT
    with Bank.open(home.bank_db, clock) as bank:
        bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    costs = {row[0] for row in _query(home.bank_db, "SELECT password_kdf FROM accounts")}
    assert costs == {"scrypt:16384:8:1"}


def test_rows_keep_their_own_cost(home: DataHome, clock: Clock) -> None:
    """A file made with the cheap test cost still verifies in a default-cost bank."""
    Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT).close()
    with Bank.open(home.bank_db, clock) as bank:
        bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)


def test_newer_schema_is_refused(home: DataHome, clock: Clock) -> None:
    Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT).close()
    conn = sqlite3.connect(home.bank_db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(BankDatabaseTooNew) as caught:
        Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT)
    assert "업데이트" in str(caught.value)


def test_a_file_that_is_not_a_database(home: DataHome, clock: Clock) -> None:
    home.bank_db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BankDatabaseError) as caught:
        Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT)
    assert str(home.bank_db) in str(caught.value)


def test_unwritable_location(tmp_path: Path, clock: Clock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BankDatabaseError):
        Bank.open(blocker / "bank.db", clock, kdf_cost=FAST_SCRYPT)


_CHILD = textwrap.dedent(
    """
    import sys
    from datetime import datetime
    from pathlib import Path

    from mgcert.bank import Bank, ScryptCost
    from mgcert.clock import KST, Clock

    clock = Clock(pinned=datetime(2026, 11, 24, 10, tzinfo=KST))
    with Bank.open(Path(sys.argv[1]), clock, kdf_cost=ScryptCost(16, 1, 1)) as bank:
        print(len(bank.customers()))
    """
)


def test_two_processes_opening_a_fresh_file_create_the_demo_once(home: DataHome) -> None:
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(home.bank_db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    outputs = [child.communicate(timeout=60) for child in children]
    assert [child.returncode for child in children] == [0, 0, 0], outputs
    assert [out.strip() for out, _ in outputs] == [str(len(DEMO_CUSTOMERS))] * 3


# --- the demo data itself ----------------------------------------------------------------


def _rrn_check_digit(rrn: str) -> int:
    weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    return (11 - sum(int(d) * w for d, w in zip(rrn, weights, strict=False)) % 11) % 10


@pytest.mark.parametrize("customer", DEMO_CUSTOMERS, ids=lambda c: c.scenario.value)
def test_demo_rrn_is_valid_looking(customer: DemoCustomer) -> None:
    rrn = customer.rrn
    assert len(rrn) == 13
    assert rrn.isdigit()
    gender = int(rrn[6])
    century = {1: 1900, 2: 1900, 3: 2000, 4: 2000, 5: 1900, 6: 1900, 7: 2000, 8: 2000}[gender]
    year, month, day = century + int(rrn[:2]), int(rrn[2:4]), int(rrn[4:6])
    assert 1 <= month <= 12
    assert 1 <= day <= calendar.monthrange(year, month)[1]
    assert date(year, month, day) < date(2026, 1, 1)
    assert int(rrn[12]) == _rrn_check_digit(rrn)
    # Obviously fake: the serial part is mostly zeros.
    assert rrn[7:12].count("0") >= 4


def test_demo_scenarios(bank: Bank) -> None:
    sheets = {sheet.scenario: sheet for sheet in bank.demo_sheets()}
    assert set(sheets) == set(DemoScenario)
    ordinary = sheets[DemoScenario.ORDINARY]
    assert ordinary.name == KIM.name
    assert ordinary.accounts[0].balance_won == 1_250_000
    low = sheets[DemoScenario.LOW_BALANCE]
    assert low.name == LEE.name
    assert low.accounts[0].balance_won == 1_000
    expiring = sheets[DemoScenario.EXPIRING_SOON]
    assert expiring.name == PARK.name
    assert expiring.certificate_days_left == 20
    assert "20일" in expiring.note
    assert sheets[DemoScenario.FOREIGNER].rrn[7] == "5"
    assert ordinary.rrn == "850315-1000010"
    # The sheet's plain passwords really open the accounts.
    for sheet in sheets.values():
        for account in sheet.accounts:
            bank.verify_account_password(account.number, account.password)


def test_demo_sheet_shows_current_balance(bank: Bank) -> None:
    bank.charge_fee(KIM_ACCOUNT, 4_400, "범용")
    sheet = next(s for s in bank.demo_sheets() if s.customer_id == KIM.customer_id)
    assert sheet.accounts[0].balance_won == 1_245_600
