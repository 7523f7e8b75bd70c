"""Make a bank.db fixture with rows in every table, for the migration tests.

    python tests/bank/data/make_bank_fixture.py tests/bank/data/bank-v1

writes ``<stem>.db`` (checkpointed and vacuumed: one self-contained file),
``<stem>.bank-secret.key`` (the server secret the file's cloud row was made with) and
``<stem>.expected.json``: what that version showed for the file (every customer's
보안카드 and OTP code at :data:`EXPECTED_AT`), so a migration can be checked against it.

The checked-in ``bank-v1.*`` were made by this script with the schema-v1 code
(commit 1948eb1, before schema v2; its ``.expected.json`` with the code of d599981,
whose 보안카드 and OTP code are v1's), ``bank-v2.*`` with the schema-v2 code (d599981),
so the migration tests open files exactly as users of those versions have them. Only
names schema v1 offered are used here.
Every value is fake demo data.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from mgcert.bank import Bank, NewAccount, ScryptCost, WrongAccountPassword
from mgcert.clock import KST, Clock
from mgcert.npki.profile import CertificateKind

FIXTURE_NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)
FIXTURE_SCRYPT = ScryptCost(n=2**4, r=1, p=1)
FIXTURE_PIN = "739184"
FIXTURE_PAYLOAD = b"fixture cloud payload (certificate and key)"
FIXTURE_CLOUD_SERIAL = 0xC10D
FIXTURE_REGISTERED_SERIAL = 0x7F3A_0000_0000_0000_0000_0000_0000_0000_0000_1234
EXTRA_CUSTOMER_RRN = "9501011000018"
EXTRA_ACCOUNT = "9002-0000-0099-9"
EXTRA_PASSWORD = "4826"
EXPECTED_AT = FIXTURE_NOW + timedelta(minutes=10)
# Schema v2 and later: certificate jobs.
FIXTURE_JOB = "1111111111111111aaaaaaaaaaaaaaaa"
FIXTURE_PARKED_JOB = "2222222222222222bbbbbbbbbbbbbbbb"
FIXTURE_COMMITTED_JOB = "3333333333333333cccccccccccccccc"
FIXTURE_PARKED_PAYLOAD = b"fixture parked key payload"
FIXTURE_COMMITTED_PAYLOAD = b"fixture committed key payload"
FIXTURE_CERT_DER = b"0\x82 fixture certificate DER"


def populate(bank: Bank, clock: Clock) -> None:
    """Use every part of the bank once, so every table has rows."""
    kim = 1
    kim_account, lee_account = "9002-0000-0001-1", "9002-0000-0002-2"
    debit = bank.charge_fee(kim_account, 4_400, "범용 인증서 발급")
    bank.refund_fee(debit, "발급 실패 환불")
    bank.charge_fee(kim_account, 4_400, "범용 인증서 발급")
    bank.register_certificate(
        kim, "MGSIM", FIXTURE_REGISTERED_SERIAL, CertificateKind.UNIVERSAL, "mg", kim_account
    )
    bank.cloud_store(
        kim,
        FIXTURE_PIN,
        FIXTURE_PAYLOAD,
        serial=FIXTURE_CLOUD_SERIAL,
        not_after=datetime(2029, 11, 24, 14, 59, 59, tzinfo=UTC),
    )
    challenge = bank.send_sms(kim)
    bank.verify_sms(challenge.id, bank.sms_inbox(kim)[0].code)
    call = bank.start_ars(kim)
    bank.key_in_ars(call.id, call.code)
    bank.confirm_ars(call.id)
    bank.security_card_challenge(kim)
    bank.verify_otp(kim, bank.otp_code(kim).code)
    with contextlib.suppress(WrongAccountPassword):
        bank.verify_account_password(lee_account, "0000")
    bank.add_customer(
        name="추가고객",
        rrn=EXTRA_CUSTOMER_RRN,
        phone="010-0000-1099",
        number=10000099,
        accounts=(NewAccount(EXTRA_ACCOUNT, 50_000, EXTRA_PASSWORD),),
    )
    if hasattr(bank, "cloud_park"):
        populate_jobs(bank)
    clock.advance(timedelta(minutes=1))


def populate_jobs(bank: Bank) -> None:
    """Schema v2's rows: a job's debit and registration, a parked and a committed job."""
    bank.charge_fee("9002-0000-0003-3", 4_400, "범용 인증서 발급", job_id=FIXTURE_JOB)
    bank.register_certificate(3, "MGSIM", 0x3333, CertificateKind.UNIVERSAL, job_id=FIXTURE_JOB)
    bank.cloud_park(2, FIXTURE_PIN, FIXTURE_PARKED_PAYLOAD, FIXTURE_PARKED_JOB)
    bank.cloud_park(4, FIXTURE_PIN, FIXTURE_COMMITTED_PAYLOAD, FIXTURE_COMMITTED_JOB)
    bank.cloud_commit(
        FIXTURE_COMMITTED_JOB,
        FIXTURE_CERT_DER,
        serial=0x4444,
        not_after=datetime(2029, 11, 24, 14, 59, 59, tzinfo=UTC),
    )


def main(stem: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "bank.db"
        clock = Clock(pinned=FIXTURE_NOW)
        with Bank.open(db, clock, kdf_cost=FIXTURE_SCRYPT) as bank:
            populate(bank, clock)
        conn = sqlite3.connect(db, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("VACUUM")
            conn.execute("PRAGMA journal_mode = WAL")  # as users' files are
        finally:
            conn.close()
        shutil.copyfile(db, stem.with_name(stem.name + ".db"))
        shutil.copyfile(
            db.parent / "bank-secret.key", stem.with_name(stem.name + ".bank-secret.key")
        )
    write_expected(stem)


def write_expected(stem: Path) -> None:
    """Record what this version shows for the fixture (opened on a copy)."""
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "bank.db"
        shutil.copyfile(stem.with_name(stem.name + ".db"), db)
        shutil.copyfile(
            stem.with_name(stem.name + ".bank-secret.key"), db.parent / "bank-secret.key"
        )
        with Bank.open(db, Clock(pinned=EXPECTED_AT), kdf_cost=FIXTURE_SCRYPT) as bank:
            expected = {
                "security_cards": {
                    str(c.id): bank.security_card(c.id).cells for c in bank.customers()
                },
                "otp_codes": {str(c.id): bank.otp_code(c.id).code for c in bank.customers()},
            }
    text = json.dumps(expected, ensure_ascii=False, indent=1, sort_keys=True)
    stem.with_name(stem.name + ".expected.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[2:] == ["--expected-only"]:
        write_expected(Path(sys.argv[1]))
    else:
        main(Path(sys.argv[1]))
