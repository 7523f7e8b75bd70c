"""The bank file as a register: never silently recreated, and named by its register id."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from bank_support import FAST_SCRYPT, KIM_ACCOUNT, OpenBank, query

from mgcert.bank import DEMO_CUSTOMERS, Bank, BankDatabaseError, BankError, BankRegisterMissing
from mgcert.clock import Clock
from mgcert.home import DataHome


def _open_existing(path: Path, clock: Clock) -> Bank:
    return Bank.open(path, clock, kdf_cost=FAST_SCRYPT, create=False)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def test_a_missing_file_is_refused_and_not_created(home: DataHome, clock: Clock) -> None:
    before = _files(home.root)
    with pytest.raises(BankRegisterMissing) as caught:
        _open_existing(home.bank_db, clock)
    assert isinstance(caught.value, BankError)
    assert caught.value.path == home.bank_db
    assert f"({home.bank_db})" in str(caught.value)
    assert "없거나 비어 있습니다" in str(caught.value)
    assert _files(home.root) == before  # no db, no -wal/-shm, no secret


def test_a_missing_folder_is_not_created(tmp_path: Path, clock: Clock) -> None:
    with pytest.raises(BankRegisterMissing):
        _open_existing(tmp_path / "gone" / "bank.db", clock)
    assert not (tmp_path / "gone").exists()


def test_an_empty_file_is_refused_and_left_as_it_is(home: DataHome, clock: Clock) -> None:
    home.bank_db.touch()
    before = _files(home.root)
    with pytest.raises(BankRegisterMissing):
        _open_existing(home.bank_db, clock)
    assert home.bank_db.stat().st_size == 0
    assert _files(home.root) == before


def test_a_file_without_a_schema_is_refused_and_unchanged(home: DataHome, clock: Clock) -> None:
    conn = sqlite3.connect(home.bank_db)
    conn.execute("CREATE TABLE unrelated (x)")
    conn.commit()
    conn.close()
    raw = home.bank_db.read_bytes()
    before = _files(home.root)
    with pytest.raises(BankRegisterMissing):
        _open_existing(home.bank_db, clock)
    assert home.bank_db.read_bytes() == raw
    assert _files(home.root) == before


def test_a_file_that_is_not_a_database_is_still_unreadable(home: DataHome, clock: Clock) -> None:
    home.bank_db.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BankDatabaseError):
        _open_existing(home.bank_db, clock)


def test_an_existing_bank_opens(reopen: OpenBank, home: DataHome, clock: Clock) -> None:
    made = reopen()
    made.charge_fee(KIM_ACCOUNT, 4_400, "범용")
    register_id = made.register_id
    made.close()
    with _open_existing(home.bank_db, clock) as bank:
        assert len(bank.customers()) == len(DEMO_CUSTOMERS)
        assert bank.balance(KIM_ACCOUNT) == 1_245_600
        assert bank.register_id == register_id


def test_create_true_still_makes_a_fresh_bank(home: DataHome, clock: Clock) -> None:
    home.bank_db.touch()  # an empty file is filled, as before
    with Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT, create=True) as bank:
        assert len(bank.customers()) == len(DEMO_CUSTOMERS)


# --- register id ---------------------------------------------------------------------------


def test_the_register_id_is_made_with_the_file_and_kept(
    reopen: OpenBank, home: DataHome, tmp_path: Path, clock: Clock
) -> None:
    bank = reopen()
    register_id = bank.register_id
    assert re.fullmatch(r"[0-9a-f]{32}", register_id)
    assert query(home.bank_db, "SELECT value FROM meta WHERE key = 'register_id'") == [
        (register_id,)
    ]
    bank.close()
    assert reopen().register_id == register_id
    with Bank.open(tmp_path / "other" / "bank.db", clock, kdf_cost=FAST_SCRYPT) as other:
        assert other.register_id != register_id
