"""Make a bank.db fixture with rows in every table, for the migration tests.

    python tests/bank/data/make_bank_fixture.py tests/bank/data/bank-v1

writes ``<stem>.db`` (checkpointed and vacuumed: one self-contained file) and
``<stem>.bank-secret.key`` (the server secret the file's cloud row was made with).

The checked-in ``bank-v1.*`` were made by this script with the schema-v1 code
(commit 1948eb1, before schema v2), so the migration tests open a file exactly as
users of that version have one. Only names that version offered are used here.
Every value is fake demo data.
"""

from __future__ import annotations

import contextlib
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
    clock.advance(timedelta(minutes=1))


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


if __name__ == "__main__":
    main(Path(sys.argv[1]))
