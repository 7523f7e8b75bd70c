"""The CA's register (SQLite, WAL): issued certificates, revocations, CRL number, audit log.

Every change runs in one ``BEGIN IMMEDIATE`` transaction, so several processes sharing a
data home serialize their writes; readers never block in WAL mode. Serials are kept as
lower-case hex without leading zeros (``format(serial, "x")``) in a UNIQUE column, whose
index keeps lookups flat as the table grows and makes a duplicate serial impossible.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mgcert.ca.errors import CaDatabaseUnavailable
from mgcert.ca.records import AuditEntry

SCHEMA_VERSION = 1
BUSY_TIMEOUT_SECONDS = 30.0

_SCHEMA = (
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
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)


class DuplicateSerial(Exception):  # an internal signal, never shown to a user
    """The serial is already in the register (the caller draws another one)."""


@dataclass(frozen=True)
class NewCertificate:
    """A certificate to record at issuance."""

    serial: int
    cn: str
    kind: str
    not_before: datetime
    not_after: datetime
    der: bytes


@dataclass(frozen=True)
class CertificateRow:
    """A certificate as stored (status is ``good`` or ``revoked``; expiry is computed)."""

    serial: int
    cn: str
    kind: str
    not_before: datetime
    not_after: datetime
    revoked: bool
    revoked_at: datetime | None
    reason: str | None
    der: bytes


@dataclass(frozen=True)
class RevokedRow:
    """One CRL entry."""

    serial: int
    revoked_at: datetime
    reason: str


def serial_text(serial: int) -> str:
    """The stored form of a serial."""
    return format(serial, "x")


def _time_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


_ROW_COLUMNS = "serial, cn, kind, not_before, not_after, status, revoked_at, reason, der"


def _row(values: tuple[Any, ...]) -> CertificateRow:
    serial, cn, kind, not_before, not_after, status, revoked_at, reason, der = values
    return CertificateRow(
        serial=int(str(serial), 16),
        cn=str(cn),
        kind=str(kind),
        not_before=_parse_time(str(not_before)),
        not_after=_parse_time(str(not_after)),
        revoked=status == "revoked",
        revoked_at=_parse_time(str(revoked_at)) if revoked_at is not None else None,
        reason=str(reason) if reason is not None else None,
        der=bytes(der),
    )


class StoreWriter:
    """The operations allowed inside one write transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def add_certificate(self, certificate: NewCertificate) -> None:
        """Record an issued certificate; :class:`DuplicateSerial` if the serial exists."""
        try:
            self._db.execute(
                "INSERT INTO certificates (serial, cn, kind, not_before, not_after, der)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    serial_text(certificate.serial),
                    certificate.cn,
                    certificate.kind,
                    _time_text(certificate.not_before),
                    _time_text(certificate.not_after),
                    certificate.der,
                ),
            )
        except sqlite3.IntegrityError as exc:
            raise DuplicateSerial(certificate.serial) from exc

    def find(self, serial: int) -> CertificateRow | None:
        """The row of ``serial`` as this transaction sees it."""
        return _find(self._db, serial)

    def mark_revoked(self, serial: int, at: datetime, reason: str) -> None:
        """Set a good certificate's status to revoked."""
        self._db.execute(
            "UPDATE certificates SET status = 'revoked', revoked_at = ?, reason = ?"
            " WHERE serial = ? AND status = 'good'",
            (_time_text(at), reason, serial_text(serial)),
        )

    def add_audit(self, at: datetime, action: str, serial: int | None, detail: str) -> None:
        """Append one audit log line."""
        self._db.execute(
            "INSERT INTO audit_log (time, action, serial, detail) VALUES (?, ?, ?, ?)",
            (_time_text(at), action, None if serial is None else serial_text(serial), detail),
        )

    def next_crl_number(self) -> int:
        """Increment and return the CRL number (1 for the first CRL)."""
        row = self._db.execute(
            "INSERT INTO crl_state (id, number) VALUES (1, 1)"
            " ON CONFLICT (id) DO UPDATE SET number = number + 1 RETURNING number"
        ).fetchone()
        return int(row[0])

    def revoked(self) -> list[RevokedRow]:
        """Every revoked certificate, in revocation order, from a single query."""
        rows = self._db.execute(
            "SELECT serial, revoked_at, reason FROM certificates"
            " WHERE status = 'revoked' ORDER BY id"
        ).fetchall()
        return [
            RevokedRow(int(serial, 16), _parse_time(revoked_at), reason)
            for serial, revoked_at, reason in rows
        ]


def _find(db: sqlite3.Connection, serial: int) -> CertificateRow | None:
    values = db.execute(
        f"SELECT {_ROW_COLUMNS} FROM certificates WHERE serial = ?",  # noqa: S608 — constant
        (serial_text(serial),),
    ).fetchone()
    return None if values is None else _row(values)


class CertificateStore:
    """One connection to ``ca.db``, usable from several threads (one at a time)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path) -> CertificateStore:
        """Open (creating if needed) the register at ``path`` in WAL mode."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                path,
                timeout=BUSY_TIMEOUT_SECONDS,
                isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE ... COMMIT
                check_same_thread=False,  # TUI workers call from threads; self._lock serializes
            )
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            db.execute("PRAGMA journal_mode = WAL")
            # A recorded issuance must survive a power cut: fsync the WAL on every commit.
            db.execute("PRAGMA synchronous = FULL")
        except (sqlite3.Error, OSError) as exc:
            raise CaDatabaseUnavailable from exc
        store = cls(db)
        with store.write() as writer:
            for statement in _SCHEMA:
                writer._db.execute(statement)
        return store

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._db.close()

    @contextmanager
    def write(self) -> Iterator[StoreWriter]:
        """One ``BEGIN IMMEDIATE`` transaction: committed on success, rolled back on error.

        SQLite failures become :class:`CaDatabaseUnavailable`; other exceptions pass
        through after the rollback.
        """
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise CaDatabaseUnavailable from exc
            try:
                yield StoreWriter(self._db)
            except BaseException as exc:
                self._rollback()
                if isinstance(exc, sqlite3.Error):
                    raise CaDatabaseUnavailable from exc
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._rollback()
                raise CaDatabaseUnavailable from exc

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (disk full, I/O error).
        if self._db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def find(self, serial: int) -> CertificateRow | None:
        """The stored row of ``serial``, or ``None``."""
        with self._lock:
            try:
                return _find(self._db, serial)
            except sqlite3.Error as exc:
                raise CaDatabaseUnavailable from exc

    def audit_entries(self, serial: int | None = None) -> list[AuditEntry]:
        """The audit log, oldest first; only one serial's lines when ``serial`` is given."""
        query = "SELECT time, action, serial, detail FROM audit_log"
        params: tuple[str, ...] = ()
        if serial is not None:
            query += " WHERE serial = ?"
            params = (serial_text(serial),)
        with self._lock:
            try:
                rows = self._db.execute(query + " ORDER BY id", params).fetchall()
            except sqlite3.Error as exc:
                raise CaDatabaseUnavailable from exc
        return [
            AuditEntry(_parse_time(time), action, None if text is None else int(text, 16), detail)
            for time, action, text, detail in rows
        ]
