"""The server secret file: made with the bank, never silently remade over sealed data."""

from __future__ import annotations

import secrets
import sqlite3
import stat
from pathlib import Path

import pytest
from bank_support import FAST_SCRYPT, KIM, KIM_ACCOUNT, KIM_PASSWORD, LEE, PIN, OpenBank, query

from mgcert.bank import Bank
from mgcert.bank.errors import (
    BankDataUnreadable,
    BankSecretMismatch,
    BankSecretMissing,
    BankSecretUnavailable,
)
from mgcert.bank.vault import secret_id
from mgcert.clock import Clock
from mgcert.home import DataHome


def _secret_file(home: DataHome) -> Path:
    return home.root / "bank-secret.key"


def test_the_secret_is_made_with_the_bank(bank: Bank, home: DataHome) -> None:
    secret_file = _secret_file(home)
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    secret = secret_file.read_bytes()
    assert len(secret) == 32
    # The file records which secret it needs, by fingerprint only.
    assert query(home.bank_db, "SELECT value FROM meta WHERE key = 'secret_id'") == [
        (secret_id(secret),)
    ]


def test_a_missing_secret_is_refused_and_not_remade(reopen: OpenBank, home: DataHome) -> None:
    reopen().cloud_store(KIM.customer_id, PIN, b"payload")
    secret_file = _secret_file(home)
    saved = secret_file.read_bytes()
    secret_file.unlink()
    with pytest.raises(BankSecretMissing) as caught:
        reopen()
    assert isinstance(caught.value, BankSecretUnavailable)
    assert caught.value.path == secret_file
    assert f"({secret_file})" in str(caught.value)
    assert not secret_file.exists()
    secret_file.write_bytes(saved)
    bank = reopen()
    bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    assert bank.cloud_open(KIM.customer_id, PIN) == b"payload"


def test_a_replaced_secret_is_refused(reopen: OpenBank, home: DataHome) -> None:
    reopen().close()
    other = secrets.token_bytes(32)
    _secret_file(home).write_bytes(other)
    with pytest.raises(BankSecretMismatch) as caught:
        reopen()
    assert str(_secret_file(home)) in str(caught.value)
    assert _secret_file(home).read_bytes() == other


def test_a_damaged_secret_is_refused_and_not_overwritten(reopen: OpenBank, home: DataHome) -> None:
    reopen().close()
    _secret_file(home).write_bytes(b"short")
    with pytest.raises(BankSecretMissing):
        reopen()
    assert _secret_file(home).read_bytes() == b"short"


def test_a_damaged_secret_is_not_overwritten_by_a_new_bank(home: DataHome, clock: Clock) -> None:
    _secret_file(home).write_bytes(b"short")
    with pytest.raises(BankSecretMissing):
        Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT)
    assert _secret_file(home).read_bytes() == b"short"


def test_the_secret_path_can_be_chosen(home: DataHome, tmp_path: Path, clock: Clock) -> None:
    chosen = tmp_path / "keys" / "bank.key"
    chosen.parent.mkdir()
    with Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT, secret_path=chosen) as bank:
        bank.verify_account_password(KIM_ACCOUNT, KIM_PASSWORD)
    assert len(chosen.read_bytes()) == 32
    assert not _secret_file(home).exists()
    with pytest.raises(BankSecretMissing):
        Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT)  # the default path has none


def test_no_secret_is_made_for_a_missing_register(home: DataHome, clock: Clock) -> None:
    with pytest.raises(Exception, match="없거나 비어"):
        Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT, create=False)
    assert not _secret_file(home).exists()


@pytest.mark.parametrize(
    ("table", "column", "key"),
    [("customers", "rrn_enc", "id"), ("otp_devices", "secret_enc", "customer_id")],
)
def test_sealed_values_are_bound_to_their_row(
    bank: Bank, home: DataHome, table: str, column: str, key: str
) -> None:
    """Kim's sealed value copied onto Lee's row does not open there."""
    conn = sqlite3.connect(home.bank_db, isolation_level=None)
    try:
        conn.execute(
            f"UPDATE {table} SET {column} = (SELECT {column} FROM {table} WHERE {key} = ?)"  # noqa: S608
            f" WHERE {key} = ?",
            (KIM.customer_id, LEE.customer_id),
        )
    finally:
        conn.close()
    read = bank.customer if table == "customers" else bank.otp_code
    with pytest.raises(BankDataUnreadable):
        read(LEE.customer_id)
    assert bank.customer(KIM.customer_id).rrn == KIM.rrn
