"""Schema v3: the secrets of a v1/v2 file sealed in place (see vault.py for the scheme).

One function, run by :mod:`mgcert.bank.db` inside the opening transaction, so a file
is either fully converted or untouched:

- ``customers.rrn`` (clear) becomes ``rrn_enc`` (sealed) + ``rrn_hmac`` (UNIQUE keyed
  hash for lookups); the table is rebuilt, because a UNIQUE/CHECK column cannot be
  dropped in SQLite;
- ``otp_devices.secret`` (clear base32) becomes ``secret_enc`` (sealed); rebuilt too;
- ``meta.security_card_seed`` (clear) becomes ``meta.security_card_seed_enc``; the
  보안카드 cells derived from it stay exactly the same;
- every ``accounts.password_hash`` is peppered (the hash of the same password, so the
  demo customers keep their documented passwords);
- ``meta.secret_id`` records the secret.

On a brand-new file the tables are still empty and only the schema changes. Afterwards
the database layer rewrites the file (secure delete, checkpoint, VACUUM) so no page of
the old clear values survives in the file or its WAL.
"""

from __future__ import annotations

import sqlite3

from mgcert.bank.vault import (
    SECURITY_CARD_SEED_AAD,
    Vault,
    otp_seed_aad,
    record_secret,
    rrn_aad,
)

SEED_KEY = "security_card_seed_enc"
_OLD_SEED_KEY = "security_card_seed"

CUSTOMERS_V3 = """
CREATE TABLE customers_v3 (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    rrn_hmac BLOB NOT NULL UNIQUE CHECK (length(rrn_hmac) = 32),
    rrn_enc  BLOB NOT NULL,
    phone    TEXT NOT NULL,
    number   INTEGER NOT NULL UNIQUE
)
"""

OTP_DEVICES_V3 = """
CREATE TABLE otp_devices_v3 (
    customer_id    INTEGER PRIMARY KEY REFERENCES customers(id),
    serial         TEXT NOT NULL,
    secret_enc     BLOB NOT NULL,
    failures       INTEGER NOT NULL DEFAULT 0,
    locked         INTEGER NOT NULL DEFAULT 0,
    last_used_step INTEGER
)
"""


def seal_secrets(conn: sqlite3.Connection, vault: Vault) -> None:
    """Migration v2 → v3 (the caller's transaction; foreign keys are off meanwhile)."""
    conn.execute(CUSTOMERS_V3)
    for row in conn.execute("SELECT * FROM customers ORDER BY id").fetchall():
        conn.execute(
            "INSERT INTO customers_v3 (id, name, rrn_hmac, rrn_enc, phone, number)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                row["id"],
                row["name"],
                vault.rrn_index(row["rrn"]),
                vault.seal(row["rrn"].encode("ascii"), rrn_aad(row["id"])),
                row["phone"],
                row["number"],
            ),
        )
    conn.execute("DROP TABLE customers")
    conn.execute("ALTER TABLE customers_v3 RENAME TO customers")

    conn.execute(OTP_DEVICES_V3)
    for row in conn.execute("SELECT * FROM otp_devices ORDER BY customer_id").fetchall():
        conn.execute(
            "INSERT INTO otp_devices_v3 (customer_id, serial, secret_enc, failures, locked,"
            " last_used_step) VALUES (?, ?, ?, ?, ?, ?)",
            (
                row["customer_id"],
                row["serial"],
                vault.seal(row["secret"].encode("ascii"), otp_seed_aad(row["customer_id"])),
                row["failures"],
                row["locked"],
                row["last_used_step"],
            ),
        )
    conn.execute("DROP TABLE otp_devices")
    conn.execute("ALTER TABLE otp_devices_v3 RENAME TO otp_devices")

    seed = conn.execute("SELECT value FROM meta WHERE key = ?", (_OLD_SEED_KEY,)).fetchone()
    if seed is not None:
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            (SEED_KEY, vault.seal(bytes(seed[0]), SECURITY_CARD_SEED_AAD)),
        )
        conn.execute("DELETE FROM meta WHERE key = ?", (_OLD_SEED_KEY,))

    for row in conn.execute("SELECT id, number, password_hash FROM accounts").fetchall():
        conn.execute(
            "UPDATE accounts SET password_hash = ? WHERE id = ?",
            (vault.pepper(row["number"], row["password_hash"]), row["id"]),
        )
    record_secret(conn, vault)
