"""Migrations: a bank.db made by an older version opens with every row kept and working.

data/bank-v1.db was made by data/make_bank_fixture.py with the schema-v1 code, so
these tests open a file exactly as users of that version have one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bank_support import FIXTURE, JOB, KIM, KIM_ACCOUNT, OpenBank, install_fixture, query

from mgcert.bank import Bank, LedgerKind
from mgcert.bank.db import SCHEMA_VERSION
from mgcert.home import DataHome

Snapshot = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def _snapshot(db: Path) -> Snapshot:
    """Every table's columns and rows (by rowid), straight from the file."""
    tables = [
        name
        for (name,) in query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith("sqlite_")
    ]
    snapshot: Snapshot = {}
    for table in tables:
        columns = [row[1] for row in query(db, f'PRAGMA table_info("{table}")')]
        select = ", ".join(f'"{c}"' for c in columns)
        # Names come from our own fixture's sqlite_master.
        rows = query(db, f'SELECT {select} FROM "{table}" ORDER BY rowid')  # noqa: S608
        snapshot[table] = (columns, rows)
    return snapshot


@pytest.fixture
def v1(home: DataHome) -> Snapshot:
    install_fixture(1, home)
    assert query(home.bank_db, "PRAGMA user_version") == [(1,)]
    return _snapshot(home.bank_db)


def test_every_v1_row_is_kept(v1: Snapshot, reopen: OpenBank, home: DataHome) -> None:
    assert all(rows for _, rows in v1.values()), "the fixture should fill every table"
    reopen().close()
    assert query(home.bank_db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    after = _snapshot(home.bank_db)
    for table, (columns, rows) in v1.items():
        after_columns, _ = after[table]
        assert after_columns[: len(columns)] == columns, table
        select = ", ".join(f'"{c}"' for c in columns)
        kept = query(home.bank_db, f'SELECT {select} FROM "{table}" ORDER BY rowid')  # noqa: S608
        if table == "meta":  # gains the register id
            kept = [row for row in kept if row[0] != "register_id"]
        assert kept == rows, table


def test_a_v1_file_gets_a_register_id_once(v1: Snapshot, reopen: OpenBank) -> None:
    assert "register_id" not in {key for key, _ in v1["meta"][1]}
    first = reopen()
    register_id = first.register_id
    assert len(register_id) == 32
    first.close()
    assert reopen().register_id == register_id


def test_a_migrated_file_works(v1: Snapshot, bank: Bank) -> None:
    # The fixture's extra customer still logs in, and Kim's 금융인증서 opens.
    bank.verify_account_password(FIXTURE.EXTRA_ACCOUNT, FIXTURE.EXTRA_PASSWORD)
    assert bank.cloud_open(KIM.customer_id, FIXTURE.FIXTURE_PIN) == FIXTURE.FIXTURE_PAYLOAD
    assert bank.cloud_certificate_der(KIM.customer_id) is None  # stored the old way
    refunded, refund, unrefunded = bank.ledger(KIM_ACCOUNT)
    assert (refunded.refunded, refund.kind, unrefunded.refunded) == (True, LedgerKind.REFUND, False)
    assert {e.job_id for e in (refunded, refund, unrefunded)} == {None}
    (registration,) = bank.registrations(KIM.customer_id)
    assert (registration.serial, registration.job_id) == (FIXTURE.FIXTURE_REGISTERED_SERIAL, None)
    # And the new steps work on it.
    debit = bank.charge_fee(KIM_ACCOUNT, 4_400, "범용", job_id=JOB)
    assert bank.charge_fee(KIM_ACCOUNT, 4_400, "범용", job_id=JOB) == debit
    assert bank.refund_job(JOB, "환불") is True
