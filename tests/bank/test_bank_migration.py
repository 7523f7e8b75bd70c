"""Migrations: a bank.db made by an older version opens with every row kept and working,
and from schema v3 on with no secret left in clear anywhere in the file.

data/bank-v1.db and data/bank-v2.db were made by data/make_bank_fixture.py with the
schema-v1 and schema-v2 code, so these tests open files exactly as users of those
versions have them; data/bank-v*.expected.json is what those versions showed for them.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from bank_support import (
    DATA,
    FAST_SCRYPT,
    FIXTURE,
    JOB,
    KIM,
    KIM_ACCOUNT,
    NGUYEN,
    OpenBank,
    install_fixture,
    query,
    vault_of,
)

from mgcert.bank import (
    DEMO_CUSTOMERS,
    Bank,
    CloudKeyUnavailable,
    LedgerKind,
    NewAccount,
    ScryptCost,
)
from mgcert.bank.db import SCHEMA_VERSION
from mgcert.clock import Clock
from mgcert.home import DataHome

Snapshot = dict[str, tuple[list[str], list[tuple[Any, ...]]]]

# Columns whose clear values schema v3 replaces (checked one by one below).
SEALED_IN_V3 = {("customers", "rrn"), ("otp_devices", "secret"), ("accounts", "password_hash")}


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


@dataclass(frozen=True)
class OldFile:
    """A fixture file as the older version left it, read before the new code opens it."""

    version: int
    snapshot: Snapshot
    expected: dict[str, Any]

    def column(self, table: str, column: str) -> list[Any]:
        columns, rows = self.snapshot[table]
        index = columns.index(column)
        return [row[index] for row in rows]

    def rrns(self) -> list[str]:
        return self.column("customers", "rrn")

    def otp_seeds(self) -> list[str]:
        return self.column("otp_devices", "secret")

    def card_seed(self) -> bytes:
        return bytes(dict(self.snapshot["meta"][1])["security_card_seed"])

    def password_hashes(self) -> list[bytes]:
        return [bytes(h) for h in self.column("accounts", "password_hash")]


@pytest.fixture(params=[1, 2], ids=lambda v: f"v{v}")
def old(request: pytest.FixtureRequest, home: DataHome) -> OldFile:
    version = int(request.param)
    install_fixture(version, home)
    assert query(home.bank_db, "PRAGMA user_version") == [(version,)]
    expected = json.loads((DATA / f"bank-v{version}.expected.json").read_text(encoding="utf-8"))
    return OldFile(version, _snapshot(home.bank_db), expected)


def _raw(db: Path) -> bytes:
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _clear_secrets(old: OldFile) -> dict[str, bytes]:
    """Every secret the old file held in clear, in each form it could appear in."""
    found = {f"rrn {r}": r.encode() for r in old.rrns()}
    for seed in old.otp_seeds():
        found[f"otp seed {seed}"] = seed.encode()
        found[f"otp seed bytes {seed}"] = base64.b32decode(seed)
    found["security card seed"] = old.card_seed()
    for index, digest in enumerate(old.password_hashes()):
        found[f"unpeppered password hash {index}"] = digest
    return found


def test_every_row_is_kept(old: OldFile, reopen: OpenBank, home: DataHome) -> None:
    assert all(rows for _, rows in old.snapshot.values()), "the fixture should fill every table"
    reopen().close()
    assert query(home.bank_db, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    for table, (columns, rows) in old.snapshot.items():
        if table == "meta":
            continue  # checked below
        kept = [c for c in columns if (table, c) not in SEALED_IN_V3]
        old_rows = [tuple(row[columns.index(c)] for c in kept) for row in rows]
        select = ", ".join(f'"{c}"' for c in kept)
        order = "customer_id" if table == "otp_devices" else "rowid"
        now = query(home.bank_db, f'SELECT {select} FROM "{table}" ORDER BY {order}')  # noqa: S608
        assert now == old_rows, table
    meta = dict(query(home.bank_db, "SELECT key, value FROM meta"))
    old_meta = dict(old.snapshot["meta"][1])
    assert set(meta) == (set(old_meta) - {"security_card_seed"}) | {
        "register_id",
        "secret_id",
        "security_card_seed_enc",
    }
    if "register_id" in old_meta:
        assert meta["register_id"] == old_meta["register_id"]


def test_the_sealed_values_are_the_old_ones(old: OldFile, bank: Bank, home: DataHome) -> None:
    vault = vault_of(home)
    assert [c.rrn for c in bank.customers()] == old.rrns()
    seeds = query(home.bank_db, "SELECT customer_id, secret_enc FROM otp_devices ORDER BY 1")
    assert [vault.unseal(s, f"mgcert otp seed|customer={c}".encode()) for c, s in seeds] == [
        s.encode() for s in old.otp_seeds()
    ]
    numbers = old.column("accounts", "number")
    peppered = [bytes(h) for (h,) in query(home.bank_db, "SELECT password_hash FROM accounts")]
    assert peppered == [
        vault.pepper(n, h) for n, h in zip(numbers, old.password_hashes(), strict=True)
    ]


def test_no_clear_secret_is_left_in_the_file(
    old: OldFile, reopen: OpenBank, home: DataHome
) -> None:
    clear = _clear_secrets(old)
    missing = [name for name, value in clear.items() if value not in _raw(home.bank_db)]
    # Sanity: the old file held them (the seeds as base32 text, not as raw bytes).
    assert all(name.startswith("otp seed bytes") for name in missing), missing
    # Another connection writes while the new code migrates, so the WAL holds pages
    # with the old clear values too (the old version's WAL left behind).
    other = sqlite3.connect(home.bank_db, isolation_level=None)
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("UPDATE customers SET phone = phone || ' '")
        other.execute("UPDATE otp_devices SET serial = serial || ' '")
        assert home.bank_db.with_name("bank.db-wal").stat().st_size > 0
        bank = reopen()
        for stage in ("open", "closed"):
            if stage == "closed":
                bank.close()
            data = _raw(home.bank_db)
            assert KIM.name.encode() in data, stage  # sanity: we read the live file
            leaked = [name for name, value in clear.items() if value in data]
            assert leaked == [], stage
    finally:
        other.close()
    assert query(home.bank_db, "SELECT count(*) FROM meta WHERE key = 'scrub_pending'") == [(0,)]
    # And by SQL: the clear columns are gone, no value anywhere equals an old RRN.
    assert "rrn" not in [r[1] for r in query(home.bank_db, "PRAGMA table_info(customers)")]
    assert "secret" not in [r[1] for r in query(home.bank_db, "PRAGMA table_info(otp_devices)")]
    for table, (columns, _) in _snapshot(home.bank_db).items():
        for column in columns:
            values = {v for (v,) in query(home.bank_db, f'SELECT "{column}" FROM "{table}"')}  # noqa: S608
            assert not values & set(old.rrns()), (table, column)
            assert not values & set(old.otp_seeds()), (table, column)


def test_everything_works_as_before(old: OldFile, home: DataHome) -> None:
    at = FIXTURE.EXPECTED_AT
    with Bank.open(home.bank_db, Clock(pinned=at), kdf_cost=FAST_SCRYPT) as bank:
        for sheet in bank.demo_sheets():
            for account in sheet.accounts:
                bank.verify_account_password(account.number, account.password)
        bank.verify_account_password(FIXTURE.EXTRA_ACCOUNT, FIXTURE.EXTRA_PASSWORD)
        for customer in DEMO_CUSTOMERS:
            found = bank.find_customer(customer.rrn, customer.accounts[0].number)
            assert found.id == customer.customer_id
        assert (
            bank.find_customer(FIXTURE.EXTRA_CUSTOMER_RRN, FIXTURE.EXTRA_ACCOUNT).name == "추가고객"
        )
        for customer in bank.customers():
            cid = str(customer.id)
            cells = {str(n): v for n, v in bank.security_card(customer.id).cells.items()}
            assert cells == old.expected["security_cards"][cid], cid
            assert bank.otp_code(customer.id).code == old.expected["otp_codes"][cid], cid
            bank.verify_otp(customer.id, old.expected["otp_codes"][cid])
        challenge = bank.security_card_challenge(KIM.customer_id)
        card = old.expected["security_cards"][str(KIM.customer_id)]
        bank.verify_security_card(
            challenge.id, card[str(challenge.first_cell)][:2], card[str(challenge.second_cell)][2:]
        )
        assert bank.cloud_open(KIM.customer_id, FIXTURE.FIXTURE_PIN) == FIXTURE.FIXTURE_PAYLOAD
        refunded, refund, unrefunded = bank.ledger(KIM_ACCOUNT)
        assert (refunded.refunded, refund.kind, unrefunded.refunded) == (
            True,
            LedgerKind.REFUND,
            False,
        )
        (registration,) = bank.registrations(KIM.customer_id)
        assert registration.serial == FIXTURE.FIXTURE_REGISTERED_SERIAL
        debit = bank.charge_fee(KIM_ACCOUNT, 4_400, "범용", job_id=JOB)
        assert bank.charge_fee(KIM_ACCOUNT, 4_400, "범용", job_id=JOB) == debit
        assert bank.refund_job(JOB, "환불") is True


def test_the_jobs_of_a_v2_file_carry_on(home: DataHome, reopen: OpenBank) -> None:
    install_fixture(2, home)
    bank = reopen()
    charge = bank.job_charge(FIXTURE.FIXTURE_JOB)
    assert charge is not None
    assert not charge.refunded
    assert bank.cloud_open(NGUYEN.customer_id, FIXTURE.FIXTURE_PIN) == (
        FIXTURE.FIXTURE_COMMITTED_PAYLOAD
    )
    assert bank.cloud_certificate_der(NGUYEN.customer_id) == FIXTURE.FIXTURE_CERT_DER
    assert bank.cloud_pending(FIXTURE.FIXTURE_PARKED_JOB)
    bank.cloud_commit(FIXTURE.FIXTURE_PARKED_JOB, b"cert", serial=5, not_after=charge.at)
    assert bank.cloud_open(2, FIXTURE.FIXTURE_PIN) == FIXTURE.FIXTURE_PARKED_PAYLOAD


def test_a_v1_file_gets_a_register_id_once(home: DataHome, reopen: OpenBank) -> None:
    install_fixture(1, home)
    assert query(home.bank_db, "SELECT count(*) FROM meta WHERE key = 'register_id'") == [(0,)]
    first = reopen()
    register_id = first.register_id
    assert len(register_id) == 32
    first.close()
    assert reopen().register_id == register_id


def test_an_old_file_whose_secret_was_lost(home: DataHome, reopen: OpenBank) -> None:
    """Before v3 only 금융인증서 rows needed the secret: such a file still opens (with a
    new secret) and only those rows say their key is gone, counting no wrong PIN."""
    install_fixture(1, home)
    (home.root / "bank-secret.key").unlink()
    bank = reopen()
    assert len((home.root / "bank-secret.key").read_bytes()) == 32
    with pytest.raises(CloudKeyUnavailable):
        bank.cloud_open(KIM.customer_id, FIXTURE.FIXTURE_PIN)
    assert bank.lock_state(KIM.customer_id).pin_failures == 0
    assert bank.customer(KIM.customer_id).rrn == KIM.rrn


def test_an_interrupted_scrub_is_finished_at_the_next_open(
    home: DataHome, reopen: OpenBank
) -> None:
    install_fixture(1, home)
    reader = sqlite3.connect(home.bank_db, isolation_level=None)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM ledger").fetchone()  # holds a WAL snapshot
        reopen().close()
        pending = query(home.bank_db, "SELECT count(*) FROM meta WHERE key = 'scrub_pending'")
        reader.execute("COMMIT")
    finally:
        reader.close()
    assert pending == [(1,)]
    reopen().close()
    assert query(home.bank_db, "SELECT count(*) FROM meta WHERE key = 'scrub_pending'") == [(0,)]


# --- the 4-digit account passwords against an offline search ------------------------------


def _offline_search(db: Path, account: str) -> list[str]:
    """What someone with bank.db alone finds: every password whose scrypt is stored."""
    ((kdf_text, salt, stored),) = query(
        db,
        "SELECT password_kdf, password_salt, password_hash FROM accounts WHERE number = ?",
        (account,),
    )
    cost = ScryptCost.decode(kdf_text)
    assert cost == FAST_SCRYPT  # the fixture's cheap cost keeps the search fast here
    found = []
    for n in range(10_000):
        guess = f"{n:04d}"
        digest = hashlib.scrypt(guess.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, dklen=32)
        if digest == stored:
            found.append(guess)
    return found


NEW_ACCOUNT = NewAccount("9002-0000-0098-8", 10_000, "6173")


def test_bank_db_alone_gives_no_password(home: DataHome, reopen: OpenBank) -> None:
    install_fixture(1, home)
    # Sanity: on the old file the search finds the documented password.
    assert _offline_search(home.bank_db, FIXTURE.EXTRA_ACCOUNT) == [FIXTURE.EXTRA_PASSWORD]
    bank = reopen()
    bank.add_customer(
        name="새고객",
        rrn="9001011000011",
        phone="010-0000-1098",
        number=10000098,
        accounts=(NEW_ACCOUNT,),
    )
    bank.close()
    assert _offline_search(home.bank_db, FIXTURE.EXTRA_ACCOUNT) == []
    assert _offline_search(home.bank_db, NEW_ACCOUNT.number) == []
    with reopen() as again:
        again.verify_account_password(FIXTURE.EXTRA_ACCOUNT, FIXTURE.EXTRA_PASSWORD)
        again.verify_account_password(NEW_ACCOUNT.number, NEW_ACCOUNT.password)
