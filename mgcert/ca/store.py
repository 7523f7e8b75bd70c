"""The CA's register (SQLite, WAL): issued certificates, revocations, list numbers, audit log.

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

from mgcert.ca.errors import CaDatabaseUnavailable, CaRegisterMissing, CaRegisterTooNew
from mgcert.ca.records import AuditEntry
from mgcert.ca.schema import PKI_URL_KEY, RegisterTooNew, migrate
from mgcert.sqlite_files import has_schema

BUSY_TIMEOUT_SECONDS = 30.0


class DuplicateSerial(Exception):  # an internal signal, never shown to a user
    """The serial is already in the register (the caller draws another one)."""


class DuplicateCn(Exception):  # becomes InvalidIssueRequest at the authority
    """Another certificate of the same purpose already has this CN (its NPKI folder
    would be the same; for a KM certificate: its signing certificate has one already)."""


SIGNING = "signing"
KEY_MANAGEMENT = "key_management"


@dataclass(frozen=True)
class NewCertificate:
    """A certificate to record at issuance."""

    serial: int
    cn: str
    kind: str
    not_before: datetime
    not_after: datetime
    der: bytes
    job_id: str | None = None
    purpose: str = SIGNING
    sign_serial: int | None = None  # a KM certificate's signing certificate


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
    job_id: str | None = None
    purpose: str = SIGNING
    sign_serial: int | None = None


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


_ROW_COLUMNS = (
    "serial, cn, kind, not_before, not_after, status, revoked_at, reason, der, job_id,"
    " purpose, sign_serial"
)


def _row(values: tuple[Any, ...]) -> CertificateRow:
    (
        serial,
        cn,
        kind,
        not_before,
        not_after,
        status,
        revoked_at,
        reason,
        der,
        job_id,
        purpose,
        sign_serial,
    ) = values
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
        job_id=None if job_id is None else str(job_id),
        purpose=str(purpose),
        sign_serial=None if sign_serial is None else int(str(sign_serial), 16),
    )


class StoreWriter:
    """The operations allowed inside one write transaction."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    def add_certificate(self, certificate: NewCertificate) -> None:
        """Record an issued certificate; :class:`DuplicateSerial` if the serial exists."""
        try:
            self._db.execute(
                "INSERT INTO certificates (serial, cn, kind, not_before, not_after, der, job_id,"
                " purpose, sign_serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    serial_text(certificate.serial),
                    certificate.cn,
                    certificate.kind,
                    _time_text(certificate.not_before),
                    _time_text(certificate.not_after),
                    certificate.der,
                    certificate.job_id,
                    certificate.purpose,
                    None
                    if certificate.sign_serial is None
                    else serial_text(certificate.sign_serial),
                ),
            )
        except sqlite3.IntegrityError as exc:
            if _find(self._db, certificate.serial) is not None:
                raise DuplicateSerial(certificate.serial) from exc
            raise DuplicateCn(certificate.cn) from exc

    def find(self, serial: int) -> CertificateRow | None:
        """The row of ``serial`` as this transaction sees it."""
        return _find(self._db, serial)

    def find_by_job(self, job_id: str) -> CertificateRow | None:
        """The certificate issued for the center's job ``job_id``, if any."""
        return _find_by_job(self._db, job_id)

    def find_key_management(self, sign_serial: int) -> CertificateRow | None:
        """The KM certificate of the signing certificate ``sign_serial``, if any."""
        return _find_key_management(self._db, sign_serial)

    def next_cn_number(self) -> int:
        """The next CN tail number (1, 2, 3, ...; never reused, never wrapping)."""
        row = self._db.execute(
            "INSERT INTO cn_sequence (id, last) VALUES (1, 1)"
            " ON CONFLICT (id) DO UPDATE SET last = last + 1 RETURNING last"
        ).fetchone()
        return int(row[0])

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

    def last_this_update(self, name: str) -> datetime | None:
        """The thisUpdate of the last list ``name`` (``crl`` / ``arl``) published, if known."""
        row = self._db.execute(
            "SELECT this_update FROM list_state WHERE name = ?", (name,)
        ).fetchone()
        return None if row is None or row[0] is None else _parse_time(str(row[0]))

    def next_list_number(self, name: str, this_update: datetime) -> int:
        """Increment and return the number of list ``name`` (1 for the first), recording
        ``this_update`` as its last thisUpdate."""
        row = self._db.execute(
            "INSERT INTO list_state (name, number, this_update) VALUES (?, 1, ?)"
            " ON CONFLICT (name) DO UPDATE SET number = number + 1,"
            " this_update = excluded.this_update RETURNING number",
            (name, _time_text(this_update)),
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


def _find_key_management(db: sqlite3.Connection, sign_serial: int) -> CertificateRow | None:
    values = db.execute(
        f"SELECT {_ROW_COLUMNS} FROM certificates WHERE sign_serial = ?",  # noqa: S608 — constant
        (serial_text(sign_serial),),
    ).fetchone()
    return None if values is None else _row(values)


def _find_by_job(db: sqlite3.Connection, job_id: str) -> CertificateRow | None:
    values = db.execute(
        f"SELECT {_ROW_COLUMNS} FROM certificates WHERE job_id = ?",  # noqa: S608 — constant
        (job_id,),
    ).fetchone()
    return None if values is None else _row(values)


class CertificateStore:
    """One connection to ``ca.db``, usable from several threads (one at a time)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.RLock()

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, pki_url: str | None = None, durable: bool = True
    ) -> CertificateStore:
        """Open the register at ``path`` in WAL mode, migrating it to the current schema.

        With ``create=False`` (the data home says this CA exists), a missing or emptied
        file is :class:`CaRegisterMissing` and nothing is created. ``pki_url`` is stored
        (in the creating transaction) only when the register is created now.
        ``durable=False`` (test fixtures) commits without fsync: safe against a killed
        process in WAL mode, not against a power cut.
        """
        if not create and not has_schema(path, timeout=BUSY_TIMEOUT_SECONDS):
            raise CaRegisterMissing(path)
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
            db.execute(f"PRAGMA synchronous = {'FULL' if durable else 'OFF'}")
        except (sqlite3.Error, OSError) as exc:
            raise CaDatabaseUnavailable from exc
        store = cls(db)
        try:
            with store.write() as writer:
                migrate(writer._db, pki_url=pki_url)
        except RegisterTooNew as exc:
            store.close()
            raise CaRegisterTooNew(path) from exc
        except BaseException:
            store.close()
            raise
        return store

    def register_id(self) -> str:
        """The id this register was given when it was created (see :mod:`mgcert.ca.schema`)."""
        value = self._meta("register_id")
        if value is None:
            raise CaDatabaseUnavailable
        return value

    def pki_url(self) -> str | None:
        """The PKI base URL recorded when the register was created (``None`` before v3)."""
        return self._meta(PKI_URL_KEY)

    def _meta(self, key: str) -> str | None:
        with self._lock:
            try:
                row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error as exc:
                raise CaDatabaseUnavailable from exc
        return None if row is None else str(row[0])

    def find_by_job(self, job_id: str) -> CertificateRow | None:
        """The certificate issued for the center's job ``job_id``, or ``None``."""
        with self._lock:
            try:
                return _find_by_job(self._db, job_id)
            except sqlite3.Error as exc:
                raise CaDatabaseUnavailable from exc

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

    def find_key_management(self, sign_serial: int) -> CertificateRow | None:
        """The KM certificate of the signing certificate ``sign_serial``, or ``None``."""
        with self._lock:
            try:
                return _find_key_management(self._db, sign_serial)
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
