"""The database files never hold a secret in clear: account passwords, PINs, 금융인증서
payloads, 주민등록번호, OTP seeds or the 보안카드 seed.

Grepping raw bytes for a 4-digit password is only meaningful if no harmless value
(a random 보안카드 serial, an id, a time) happens to contain the same digits. So the
test picks a password and a PIN that no public column value contains, then proves
that the raw file bytes (main file and WAL) do not contain them either.
"""

from __future__ import annotations

import base64
import contextlib
import random
import secrets
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from bank_support import DEMO_PASSWORDS, KIM, OpenBank

from mgcert.bank import DEMO_CUSTOMERS, Bank, NewAccount, WrongAccountPassword, otp, security_card
from mgcert.bank.cloud import is_trivial_pin
from mgcert.bank.models import format_rrn
from mgcert.home import DataHome

# Columns that would hold the secrets if they were stored in clear; everything else
# is "public" for this test.
SECRET_COLUMNS = {
    ("accounts", "password_salt"),
    ("accounts", "password_hash"),
    ("cloud_certificates", "salt"),
    ("cloud_certificates", "nonce"),
    ("cloud_certificates", "ciphertext"),
}


def _public_text(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        parts: list[str] = []
        tables = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        for kind, name, sql in tables:
            parts.append(sql or "")
            if kind != "table":
                continue
            for column in [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]:
                if (name, column) in SECRET_COLUMNS:
                    continue
                # Names come from sqlite_master of our own test file, not from input.
                query = f'SELECT "{column}" FROM "{name}"'  # noqa: S608
                for (value,) in conn.execute(query):
                    if not isinstance(value, bytes):
                        parts.append(str(value))
        return "\n".join(parts)
    finally:
        conn.close()


def _raw(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _customer_with_unshared_password(bank: Bank, db: Path) -> tuple[str, str]:
    """Open customers until one's password appears in no public value; (account, pw)."""
    rng = random.Random(4)  # fixed candidates: a failure reproduces
    for attempt in range(20):
        public = _public_text(db)
        password = f"{rng.randrange(10_000):04d}"
        if password in public:
            continue
        account = f"9002-0000-9{attempt:03d}-7"
        bank.add_customer(
            name=f"평문검사{attempt}",
            rrn=f"9501011{attempt:05d}8",
            phone=f"010-0000-9{attempt:03d}",
            number=20_000_000 + attempt,
            accounts=(NewAccount(account, 10_000, password),),
        )
        # The new customer's random serials may contain it; then try the next one.
        if password not in _public_text(db):
            return account, password
    raise AssertionError("no password candidate free of public values")


def _unshared_pin(db: Path) -> str:
    public = _public_text(db)
    rng = random.Random(6)
    while True:
        pin = f"{rng.randrange(10**6):06d}"
        if pin not in public and not is_trivial_pin(pin):
            return pin


def _hash_of(db: Path, account: str) -> bytes:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT password_hash FROM accounts WHERE number = ?", (account,)
        ).fetchone()
    finally:
        conn.close()
    return bytes(row[0])


def test_no_password_pin_or_payload_in_the_files(reopen: OpenBank, home: DataHome) -> None:
    db = home.bank_db
    bank = reopen()
    account, password = _customer_with_unshared_password(bank, db)
    bank.verify_account_password(account, password)
    with contextlib.suppress(WrongAccountPassword):
        bank.verify_account_password(account, "0000" if password != "0000" else "1111")
    customer = bank.customer(bank.account(account).customer_id)
    pin = _unshared_pin(db)
    payload = b"MGCERT-CLOUD-PAYLOAD-" + secrets.token_hex(24).encode()
    bank.cloud_store(customer.id, pin, payload)
    assert bank.cloud_open(customer.id, pin) == payload
    server_secret = (db.parent / "bank-secret.key").read_bytes()

    wal = db.with_name(db.name + "-wal")
    assert wal.exists()
    assert wal.stat().st_size > 0
    for stage in ("open (main file + WAL)", "closed (checkpointed)"):
        if stage.startswith("closed"):
            bank.close()
        data = _raw(db)
        # Sanity: we are reading the live data, including this test's rows.
        assert customer.name.encode() in data, stage
        assert _hash_of(db, account) in data, stage
        assert password.encode() not in data, stage
        assert pin.encode() not in data, stage
        assert b"MGCERT-CLOUD-PAYLOAD" not in data, stage
        assert server_secret not in data, stage
        # The demo passwords too, wherever the check is conclusive.
        public = _public_text(db)
        for demo_password in DEMO_PASSWORDS:
            if demo_password not in public:
                assert demo_password.encode() not in data, (stage, demo_password)


# --- the bank's own secrets: 주민등록번호, OTP seeds, the 보안카드 seed --------------------


class _RecordingSecrets:
    """Stands in for a bank module's ``secrets``: same values, but keeps the bytes."""

    def __init__(self) -> None:
        self.made: list[bytes] = []

    def token_bytes(self, n: int) -> bytes:
        value = secrets.token_bytes(n)
        self.made.append(value)
        return value

    def __getattr__(self, name: str) -> Any:
        return getattr(secrets, name)


def test_no_rrn_otp_seed_or_card_seed_in_the_files(
    reopen: OpenBank, home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    otp_seeds, card_seeds = _RecordingSecrets(), _RecordingSecrets()
    monkeypatch.setattr(otp, "secrets", otp_seeds)
    monkeypatch.setattr(security_card, "secrets", card_seeds)
    bank = reopen()
    extra = bank.add_customer(
        name="평문검사",
        rrn="9501011000018",
        phone="010-0000-9999",
        number=29_999_999,
        accounts=(NewAccount("9002-0000-9999-7", 10_000, "5831"),),
    )
    # Use every secret once, so the live rows and the WAL have been written.
    for customer in bank.customers():
        bank.verify_otp(customer.id, bank.otp_code(customer.id).code)
    challenge = bank.security_card_challenge(KIM.customer_id)
    card = bank.security_card(KIM.customer_id).cells
    bank.verify_security_card(
        challenge.id, card[challenge.first_cell][:2], card[challenge.second_cell][2:]
    )
    assert bank.find_customer("950101-1000018", "9002-0000-9999-7") == extra
    rrns = [c.rrn for c in DEMO_CUSTOMERS] + [extra.rrn]
    assert [c.rrn for c in bank.customers()] == rrns
    assert len(otp_seeds.made) == len(rrns)
    assert [len(seed) for seed in card_seeds.made] == [32]
    forbidden = {f"rrn {r}": r.encode() for r in rrns}
    forbidden |= {f"rrn {r}": format_rrn(r).encode() for r in rrns}
    for seed in otp_seeds.made:
        forbidden[f"otp {seed.hex()}"] = seed
        forbidden[f"otp base32 {seed.hex()}"] = base64.b32encode(seed)
    forbidden["card seed"] = card_seeds.made[0]

    db = home.bank_db
    for stage in ("open (main file + WAL)", "closed (checkpointed)"):
        if stage.startswith("closed"):
            bank.close()
        data = _raw(db)
        assert extra.name.encode() in data, stage  # sanity: the live data
        assert [name for name, value in forbidden.items() if value in data] == [], stage
    # No value in any column is a 주민등록번호 either (as text, with or without hyphen).
    public = _public_text(db)
    assert not [r for r in rrns if r in public or format_rrn(r) in public]
