"""The CA register's schema and its versions (``PRAGMA user_version``).

Version 1: certificates, audit log, CRL number. Version 2 (certificate jobs, issue 12):
each certificate may carry the center's **job id** (UNIQUE: issuing twice for one job
returns the first certificate), CNs are unique for every certificate issued from then
on, the CN tail comes from a counter kept in the register (never wrapping), and a
``meta`` table holds the register's own id, which the data home's manifest records.
Version 3 (a real PKI, issue 13): ``list_state`` keeps, for the CRL and for the root's
ARL, the last number and thisUpdate published (a new list never goes back in time);
the CRL number moves there from ``crl_state``. A register *created* at version 3 or
later also holds ``meta.pki_url``, the data home's PKI base URL; registers migrated from
version 1 or 2 have none and keep their ``.invalid`` URLs. Version 4 (key-management
certificates, issue 16): each certificate has a ``purpose`` (``signing``, the default
for every older row, or ``key_management``) and a KM certificate the serial of its
signing certificate (``sign_serial``). A KM certificate has its signing certificate's
CN, so the CN is unique per purpose: no two *signing* certificates share a CN (from
version 2's first new row on, as before), and no two KM certificates do, so a signing
certificate has at most one KM certificate.
"""

from __future__ import annotations

import re
import secrets
import sqlite3

SCHEMA_VERSION = 4
PKI_URL_KEY = "pki_url"

_V1 = (
    """
    CREATE TABLE IF NOT EXISTS certificates (
        id          INTEGER PRIMARY KEY,
        serial      TEXT NOT NULL UNIQUE,
        cn          TEXT NOT NULL,
        kind        TEXT NOT NULL,
        not_before  TEXT NOT NULL,
        not_after   TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'good' CHECK (status IN ('good', 'revoked')),
        revoked_at  TEXT,
        reason      TEXT,
        der         BLOB NOT NULL
    )
    """,
    # The CRL is built from this one query; a partial index keeps it off the full table.
    """
    CREATE INDEX IF NOT EXISTS certificates_revoked
        ON certificates (id, serial, revoked_at, reason) WHERE status = 'revoked'
    """,
    """
    CREATE TABLE IF NOT EXISTS audit_log (
        id      INTEGER PRIMARY KEY,
        time    TEXT NOT NULL,
        action  TEXT NOT NULL,
        serial  TEXT,
        detail  TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX IF NOT EXISTS audit_log_serial ON audit_log (serial)",
    """
    CREATE TABLE IF NOT EXISTS crl_state (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        number  INTEGER NOT NULL
    )
    """,
)


class RegisterTooNew(Exception):  # an internal signal, turned into a CA error by the store
    """The file was written by a newer mgcert."""


def migrate(db: sqlite3.Connection, *, pki_url: str | None = None) -> None:
    """Bring the register to :data:`SCHEMA_VERSION`; runs inside a write transaction.

    ``pki_url`` is recorded only when the register is created here (version 0).
    """
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise RegisterTooNew(version)
    if version < 1:
        for statement in _V1:
            db.execute(statement)
    if version < 2:
        _to_v2(db)
    if version < 3:
        _to_v3(db)
    if version < 4:
        _to_v4(db)
    if version == 0 and pki_url is not None:
        db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (PKI_URL_KEY, pki_url))
    if version != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _to_v2(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE certificates ADD COLUMN job_id TEXT")
    db.execute(
        "CREATE UNIQUE INDEX certificates_job ON certificates (job_id) WHERE job_id IS NOT NULL"
    )
    # Registers made before version 2 may already hold a CN twice (the old per-day
    # counter wrapped at 100); uniqueness holds for every certificate from now on.
    last_id = int(db.execute("SELECT coalesce(max(id), 0) FROM certificates").fetchone()[0])
    db.execute(f"CREATE UNIQUE INDEX certificates_cn ON certificates (cn) WHERE id > {last_id}")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO meta (key, value) VALUES ('register_id', ?)", (secrets.token_hex(16),))
    db.execute(
        "CREATE TABLE cn_sequence (id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL)"
    )


def _to_v3(db: sqlite3.Connection) -> None:
    db.execute(
        """
        CREATE TABLE list_state (
            name        TEXT PRIMARY KEY CHECK (name IN ('crl', 'arl')),
            number      INTEGER NOT NULL,
            this_update TEXT
        )
        """
    )
    # The last thisUpdate of a CRL published before version 3 is the time of its audit
    # line (both are the publishing instant without microseconds, stored alike).
    db.execute(
        "INSERT INTO list_state (name, number, this_update)"
        " SELECT 'crl', coalesce(number, 0),"
        " (SELECT max(time) FROM audit_log WHERE action = 'publish_crl') FROM crl_state"
    )
    db.execute("DROP TABLE crl_state")


# Version 2's CN index covers the rows after those already there when it was made.
_CN_INDEX_FLOOR = re.compile(r"WHERE\s+id\s*>\s*(\d+)", re.IGNORECASE)


def _to_v4(db: sqlite3.Connection) -> None:
    db.execute(
        "ALTER TABLE certificates ADD COLUMN purpose TEXT NOT NULL DEFAULT 'signing'"
        " CHECK (purpose IN ('signing', 'key_management'))"
    )
    db.execute("ALTER TABLE certificates ADD COLUMN sign_serial TEXT")
    # The CN is unique per purpose now, over the same rows as before.
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'certificates_cn'"
    ).fetchone()
    found = _CN_INDEX_FLOOR.search(str(row[0])) if row is not None else None
    if found is not None:
        floor = int(found.group(1))
    else:  # not made by _to_v2: uniqueness holds for the rows from now on
        floor = int(db.execute("SELECT coalesce(max(id), 0) FROM certificates").fetchone()[0])
    db.execute("DROP INDEX IF EXISTS certificates_cn")
    db.execute(
        f"CREATE UNIQUE INDEX certificates_cn ON certificates (cn, purpose) WHERE id > {floor}"
    )
    db.execute(
        "CREATE UNIQUE INDEX certificates_sign_serial ON certificates (sign_serial)"
        " WHERE sign_serial IS NOT NULL"
    )
