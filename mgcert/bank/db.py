"""The bank's SQLite file: connection settings, versioned schema, transactions.

- WAL journal, a busy timeout, secure delete and foreign keys on every connection.
- ``PRAGMA user_version`` is the schema version; :data:`MIGRATIONS` brings any older
  file up to :data:`SCHEMA_VERSION`, all steps in one transaction (foreign keys are
  checked once at its end, as SQLite's table-rebuild procedure needs). A newer file is
  refused instead of damaged.
- The keys to the sealed columns (:class:`~mgcert.bank.vault.Vault`) are unlocked in
  that same transaction and kept as :attr:`Database.vault`. After a migration that
  sealed values which were in clear, the file is rewritten (checkpoint, ``VACUUM``,
  checkpoint with WAL truncation) so no old page keeps them; a ``scrub_pending`` mark
  in ``meta`` makes the next open finish that if it was interrupted.
- Every state change runs in one ``BEGIN IMMEDIATE`` transaction (:meth:`Database.write`),
  so two processes (the TUI and the CLI) never interleave half-done changes and a
  counter increment can never be lost between a read and a write.
- Times are stored as ISO 8601 text in UTC (:func:`to_db` / :func:`from_db`).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from mgcert.bank.at_rest import seal_secrets
from mgcert.bank.errors import BankDatabaseError, BankDatabaseTooNew, BankRegisterMissing
from mgcert.bank.vault import Vault

BUSY_TIMEOUT_MS = 5_000
SCRUB_WAIT_MS = 250

_SCHEMA_V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
CREATE TABLE customers (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL,
    rrn    TEXT NOT NULL UNIQUE CHECK (length(rrn) = 13),
    phone  TEXT NOT NULL,
    number INTEGER NOT NULL UNIQUE
);
CREATE TABLE accounts (
    id                INTEGER PRIMARY KEY,
    number            TEXT NOT NULL UNIQUE,
    customer_id       INTEGER NOT NULL REFERENCES customers(id),
    balance_won       INTEGER NOT NULL CHECK (balance_won >= 0),
    password_kdf      TEXT NOT NULL,
    password_salt     BLOB NOT NULL,
    password_hash     BLOB NOT NULL,
    password_failures INTEGER NOT NULL DEFAULT 0,
    ebanking_locked   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX accounts_by_customer ON accounts(customer_id);
CREATE TABLE ars_calls (
    id           TEXT PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id),
    phone        TEXT NOT NULL,
    code         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    status       TEXT NOT NULL
                 CHECK (status IN ('ringing', 'keyed', 'confirmed', 'failed', 'superseded')),
    key_failures INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ars_calls_by_customer ON ars_calls(customer_id, status);
CREATE TABLE sms_challenges (
    id          TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    phone       TEXT NOT NULL,
    code        TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'used', 'voided', 'superseded')),
    failures    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sms_challenges_by_customer ON sms_challenges(customer_id, status);
CREATE TABLE phone_messages (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    phone       TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    text        TEXT NOT NULL,
    code        TEXT NOT NULL
);
CREATE TABLE security_cards (
    customer_id INTEGER PRIMARY KEY REFERENCES customers(id),
    serial      TEXT NOT NULL,
    failures    INTEGER NOT NULL DEFAULT 0,
    locked      INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE security_card_challenges (
    id          TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    first_cell  INTEGER NOT NULL,
    second_cell INTEGER NOT NULL CHECK (second_cell <> first_cell),
    created_at  TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'used', 'superseded'))
);
CREATE TABLE otp_devices (
    customer_id    INTEGER PRIMARY KEY REFERENCES customers(id),
    serial         TEXT NOT NULL,
    secret         TEXT NOT NULL,
    failures       INTEGER NOT NULL DEFAULT 0,
    locked         INTEGER NOT NULL DEFAULT 0,
    last_used_step INTEGER
);
CREATE TABLE ledger (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts(id),
    at            TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('debit', 'refund')),
    amount_won    INTEGER NOT NULL CHECK (amount_won > 0),
    reason        TEXT NOT NULL,
    balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
    refund_of     INTEGER UNIQUE REFERENCES ledger(id)
);
CREATE INDEX ledger_by_account ON ledger(account_id);
CREATE TABLE registrations (
    id            INTEGER PRIMARY KEY,
    customer_id   INTEGER NOT NULL REFERENCES customers(id),
    issuer_org    TEXT NOT NULL,
    serial_hex    TEXT NOT NULL,
    kind          TEXT NOT NULL,
    origin        TEXT NOT NULL CHECK (origin IN ('mg', 'other')),
    account_id    INTEGER REFERENCES accounts(id),
    registered_at TEXT NOT NULL,
    UNIQUE (issuer_org, serial_hex)
);
CREATE INDEX registrations_by_customer ON registrations(customer_id);
CREATE TABLE cloud_certificates (
    customer_id  INTEGER PRIMARY KEY REFERENCES customers(id),
    kdf          TEXT NOT NULL,
    salt         BLOB NOT NULL,
    nonce        BLOB NOT NULL,
    ciphertext   BLOB NOT NULL,
    secret_id    BLOB NOT NULL,
    serial_hex   TEXT,
    not_after    TEXT,
    stored_at    TEXT NOT NULL,
    pin_failures INTEGER NOT NULL DEFAULT 0,
    pin_locked   INTEGER NOT NULL DEFAULT 0
);
"""

# v2: certificate jobs. Each bank step of an issuance carries the job's id so that
# doing it twice does nothing: one debit per job (UNIQUE; NULLs are distinct, so
# charges without a job and refund rows are unaffected), the registration and the
# 금융인증서 remember their job, and the 금융인증서 is parked (kept encrypted) in
# ``cloud_jobs`` before the CA issues, then committed. ``register_id`` names this
# file for the data home's manifest (every file gets one, old ones here).
_SCHEMA_V2 = """
ALTER TABLE ledger ADD COLUMN job_id TEXT;
CREATE UNIQUE INDEX ledger_by_job ON ledger(job_id);
ALTER TABLE registrations ADD COLUMN job_id TEXT;
ALTER TABLE cloud_certificates ADD COLUMN cert_der BLOB;
ALTER TABLE cloud_certificates ADD COLUMN job_id TEXT;
CREATE TABLE cloud_jobs (
    job_id      TEXT PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers(id),
    status      TEXT NOT NULL CHECK (status IN ('parked', 'committed')),
    kdf         TEXT,
    salt        BLOB,
    nonce       BLOB,
    ciphertext  BLOB,
    secret_id   BLOB,
    serial_hex  TEXT,
    parked_at   TEXT NOT NULL,
    closed_at   TEXT,
    CHECK ((status = 'parked') = (ciphertext IS NOT NULL))
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('register_id', lower(hex(randomblob(16))));
"""

# A step is SQL, or Python for what SQL cannot do (encryption).
Migration = str | Callable[[sqlite3.Connection, Vault], None]

# MIGRATIONS[i] brings a file from version i to version i + 1.
# v3: secrets at rest (mgcert/bank/at_rest.py).
MIGRATIONS: tuple[Migration, ...] = (_SCHEMA_V1, _SCHEMA_V2, seal_secrets)
SCHEMA_VERSION = len(MIGRATIONS)
# Steps that replace clear values: a file that had data is rewritten after them.
_SCRUBBING_STEPS = frozenset({2})
REGISTER_ID_KEY = "register_id"
SCRUB_PENDING_KEY = "scrub_pending"

Unlock = Callable[[sqlite3.Connection, bool], Vault]
Fill = Callable[[sqlite3.Connection, Vault], None]


def to_db(moment: datetime) -> str:
    """Store an aware instant as ISO 8601 UTC text (fixed width, so text order = time order)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_db(text: str) -> datetime:
    """Read back an instant written by :func:`to_db` (aware, UTC)."""
    return datetime.fromisoformat(text).astimezone(UTC)


class Database:
    """One connection to the bank file, shared by the bank's parts under a lock.

    The lock makes the connection safe for the TUI's worker threads; the
    ``BEGIN IMMEDIATE`` write lock makes it safe against other processes.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._conn = connection
        self._lock = threading.RLock()
        self._vault: Vault | None = None

    @property
    def vault(self) -> Vault:
        """The keys to this file's sealed columns (unlocked at open)."""
        assert self._vault is not None, "the database was not opened with Database.open"
        return self._vault

    @classmethod
    def open(cls, path: Path, on_create: Fill, *, unlock: Unlock, create: bool = True) -> Database:
        """Open and migrate; with ``create`` a missing file is made and filled.

        ``unlock(conn, has_tables)`` returns the vault inside the opening transaction
        (it may refuse: a missing or replaced secret). ``on_create`` runs inside the
        transaction that creates the schema, so a fresh file is either fully set up
        (schema + demo data) or untouched. Without ``create``, a missing or empty
        file, or one without a schema, raises :class:`BankRegisterMissing` and nothing
        is created.
        """
        conn = _connect_creating(path) if create else _connect_existing(path)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if not create and _user_version(conn) == 0:
                # Checked before the WAL pragma, which would write to the file.
                raise BankRegisterMissing(path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            # Deleted and overwritten content is zeroed, not left in free pages.
            conn.execute("PRAGMA secure_delete = ON")
            database = cls(path, conn)
            # Off while migrating (tables are rebuilt); checked at the end instead.
            conn.execute("PRAGMA foreign_keys = OFF")
            scrub = database._migrate(on_create, unlock, create=create)
            conn.execute("PRAGMA foreign_keys = ON")
            if scrub:
                database._scrub()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise BankDatabaseError(path) from exc
        except BaseException:
            conn.close()
            raise
        return database

    def _migrate(self, on_create: Fill, unlock: Unlock, *, create: bool) -> bool:
        """Bring the file to :data:`SCHEMA_VERSION`; True if it must be scrubbed."""
        with self.write() as conn:
            # Read inside the write lock: another process may have just migrated.
            version = _user_version(conn)
            if version == 0 and not create:
                raise BankRegisterMissing(self.path)
            if version > SCHEMA_VERSION:
                raise BankDatabaseTooNew(version, SCHEMA_VERSION)
            self._vault = unlock(conn, version > 0)
            for step in range(version, SCHEMA_VERSION):
                migration = MIGRATIONS[step]
                if isinstance(migration, str):
                    for statement in _statements(migration):
                        conn.execute(statement)
                else:
                    migration(conn, self._vault)
            if version == 0:
                on_create(conn, self._vault)
            if version != SCHEMA_VERSION:
                if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                    raise sqlite3.IntegrityError("foreign key violation after migration")
                if version > 0 and _SCRUBBING_STEPS & set(range(version, SCHEMA_VERSION)):
                    conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, 1)",
                        (SCRUB_PENDING_KEY,),
                    )
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            pending = conn.execute(
                "SELECT 1 FROM meta WHERE key = ?", (SCRUB_PENDING_KEY,)
            ).fetchone()
        return pending is not None

    def _scrub(self) -> None:
        """Rewrite the file so no page of replaced clear values is left in it or its WAL.

        VACUUM rewrites every page (through the WAL); the checkpoint copies them over
        the old ones and truncates the WAL. A reader in another process can hold the
        checkpoint back; then the mark stays and the next open tries again (waiting
        only briefly: this runs while the bank opens).
        """
        with self._lock:
            self._conn.execute(f"PRAGMA busy_timeout = {SCRUB_WAIT_MS}")
            try:
                self._conn.execute("VACUUM")
                busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            except sqlite3.OperationalError:
                busy = 1  # another process writes right now: not a reason to fail the open
            finally:
                self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if busy:
                return
            with self.write() as conn:
                conn.execute("DELETE FROM meta WHERE key = ?", (SCRUB_PENDING_KEY,))
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; rolled back if the block raises."""
        with self._lock:
            if self._conn.in_transaction:
                raise RuntimeError("nested bank transaction")
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: one consistent snapshot for several queries."""
        with self._lock:
            if self._conn.in_transaction:
                raise RuntimeError("nested bank transaction")
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("COMMIT")

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()


def _connect_creating(path: Path) -> sqlite3.Connection:
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Create the file 0600 ourselves: SQLite gives the -wal/-shm files the
        # database file's mode, and the file holds password hashes.
        os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    except OSError as exc:
        raise BankDatabaseError(path) from exc
    try:
        # isolation_level=None: we issue BEGIN/COMMIT ourselves.
        return sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as exc:
        raise BankDatabaseError(path) from exc


def _connect_existing(path: Path) -> sqlite3.Connection:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise BankRegisterMissing(path) from None
    except OSError as exc:
        raise BankDatabaseError(path) from exc
    if size == 0:
        raise BankRegisterMissing(path)
    try:
        # mode=rw: SQLite must not create the file if it vanished meanwhile.
        return sqlite3.connect(
            path.absolute().as_uri() + "?mode=rw",
            uri=True,
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as exc:
        raise BankDatabaseError(path) from exc


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def register_id(conn: sqlite3.Connection) -> str:
    """The random id naming this file (``meta.register_id``, made by migration v2)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (REGISTER_ID_KEY,)).fetchone()
    return str(row[0])


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our transaction first; run statement by statement.
    return [part.strip() for part in script.split(";") if part.strip()]
