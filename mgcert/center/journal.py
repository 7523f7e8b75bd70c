"""The journal of certificate jobs: ``<home>/jobs.db`` (SQLite, WAL, ``BEGIN IMMEDIATE``).

A job is one issuance (발급, 재발급, 갱신 or 금융인증서). It is recorded *before* its first
side effect with its plan (who, which kind, which medium, the certificate it replaces,
the fee), and its id travels with every step: the bank's ledger row and registration,
the CA's record and the cloud's pending slot carry it, so a step done twice does
nothing. A partial UNIQUE index allows **one active job per customer and kind**: a
second concurrent request fails at the insert, not at a check before it.

States (docs/architecture.md, "Certificate jobs")::

    planned ──CA issued──▶ issued ──medium written + registered──▶ done
       │                     │
       └─nothing issued─▶ cancelled (fee refunded)     └─medium failed─▶ parked ──recover──▶ done
"""

from __future__ import annotations

import enum
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from mgcert.center.errors import JobAlreadyFinished, JournalMissing, JournalUnavailable
from mgcert.npki.profile import CertificateKind
from mgcert.sqlite_files import has_schema

JOURNAL_VERSION = 1
BUSY_TIMEOUT_SECONDS = 30.0

_SCHEMA = (
    """
    CREATE TABLE jobs (
        id          TEXT PRIMARY KEY,
        customer_id INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        state       TEXT NOT NULL
                    CHECK (state IN ('planned', 'issued', 'parked', 'done', 'cancelled')),
        plan        TEXT NOT NULL,
        serial      TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    )
    """,
    """
    CREATE UNIQUE INDEX one_active_job ON jobs (customer_id, kind)
        WHERE state IN ('planned', 'issued', 'parked')
    """,
    "CREATE INDEX jobs_by_state ON jobs (state)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)


class JobState(enum.Enum):
    PLANNED = "planned"  # recorded; the CA may or may not have issued yet
    ISSUED = "issued"  # the CA issued; the files are being written / registered
    PARKED = "parked"  # issued, the medium failed: waits in the recovery area
    DONE = "done"
    CANCELLED = "cancelled"  # nothing was issued; any fee was refunded

    @property
    def active(self) -> bool:
        return self in (JobState.PLANNED, JobState.ISSUED, JobState.PARKED)


@dataclass(frozen=True)
class Job:
    """One row of the journal."""

    id: str
    customer_id: int
    kind: CertificateKind
    state: JobState
    plan: dict[str, Any]
    serial: int | None
    created_at: datetime


class JobConflict(Exception):  # turned into a Korean error by the caller
    """Another job of this customer and kind is active."""

    def __init__(self, existing: Job | None) -> None:
        super().__init__(existing.id if existing else "")
        self.existing = existing


def _now_text() -> str:
    # Bookkeeping time (real, not the simulated clock): when the row was written.
    return datetime.now(UTC).isoformat(timespec="seconds")


def _job(row: sqlite3.Row) -> Job:
    return Job(
        id=str(row["id"]),
        customer_id=int(row["customer_id"]),
        kind=CertificateKind(row["kind"]),
        state=JobState(row["state"]),
        plan=dict(json.loads(row["plan"])),
        serial=None if row["serial"] is None else int(row["serial"], 16),
        created_at=datetime.fromisoformat(row["created_at"]),
    )


def journal_exists(path: Path) -> bool:
    """True when ``path`` holds a journal (not missing, not emptied)."""
    return has_schema(path, timeout=BUSY_TIMEOUT_SECONDS)


class Journal:
    """One connection to ``jobs.db``, shared by the center's threads under a lock."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self._db = db
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, *, create: bool = True) -> Journal:
        """Open (with ``create``: creating) the journal; :class:`JournalMissing` if the
        data home says it exists but the file is gone or emptied."""
        if not create and not journal_exists(path):
            raise JournalMissing(path)
        try:
            db = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
            )
            db.row_factory = sqlite3.Row
            db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
        except (sqlite3.Error, OSError) as exc:
            raise JournalUnavailable(path) from exc
        journal = cls(path, db)
        try:
            with journal._write() as conn:
                version = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if version > JOURNAL_VERSION:
                    raise JournalUnavailable(path)
                if version == 0:
                    for statement in _SCHEMA:
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO meta (key, value) VALUES ('register_id', ?)",
                        (secrets.token_hex(16),),
                    )
                    conn.execute(f"PRAGMA user_version = {JOURNAL_VERSION}")
        except BaseException:
            db.close()
            raise
        return journal

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise JournalUnavailable(self.path) from exc
            try:
                yield self._db
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.IntegrityError):
                    raise JournalUnavailable(self.path) from exc
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise JournalUnavailable(self.path) from exc

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return list(self._db.execute(sql, params).fetchall())
            except sqlite3.Error as exc:
                raise JournalUnavailable(self.path) from exc

    # --- writing ---------------------------------------------------------------------
    def begin(
        self, job_id: str, customer_id: int, kind: CertificateKind, plan: dict[str, Any]
    ) -> Job:
        """Record a new job (state ``planned``); :class:`JobConflict` when the customer
        already has an active job of ``kind``."""
        now = _now_text()
        try:
            with self._write() as conn:
                conn.execute(
                    "INSERT INTO jobs (id, customer_id, kind, state, plan, created_at, updated_at)"
                    " VALUES (?, ?, ?, 'planned', ?, ?, ?)",
                    (
                        job_id,
                        customer_id,
                        kind.value,
                        json.dumps(plan, ensure_ascii=False),
                        now,
                        now,
                    ),
                )
        except sqlite3.IntegrityError:
            raise JobConflict(self.active_for(customer_id, kind)) from None
        job = self.get(job_id)
        assert job is not None
        return job

    def advance(
        self,
        job_id: str,
        state: JobState,
        *,
        serial: int | None = None,
        plan: dict[str, Any] | None = None,
    ) -> None:
        """Move an active job to ``state`` (optionally recording its serial / a new plan).

        A job that is already done or cancelled never moves again:
        :class:`JobAlreadyFinished` (another process finished it meanwhile).
        """
        with self._write() as conn:
            moved = conn.execute(
                "UPDATE jobs SET state = ?, serial = coalesce(?, serial),"
                " plan = coalesce(?, plan), updated_at = ?"
                " WHERE id = ? AND state IN ('planned', 'issued', 'parked')",
                (
                    state.value,
                    None if serial is None else format(serial, "x"),
                    None if plan is None else json.dumps(plan, ensure_ascii=False),
                    _now_text(),
                    job_id,
                ),
            ).rowcount
        if moved != 1:
            raise JobAlreadyFinished

    # --- reading ---------------------------------------------------------------------
    def get(self, job_id: str) -> Job | None:
        rows = self._query("SELECT * FROM jobs WHERE id = ?", (job_id,))
        return _job(rows[0]) if rows else None

    def active(self) -> list[Job]:
        """Every job not yet done or cancelled, oldest first."""
        rows = self._query(
            "SELECT * FROM jobs WHERE state IN ('planned', 'issued', 'parked')"
            " ORDER BY created_at, id"
        )
        return [_job(row) for row in rows]

    def active_for(self, customer_id: int, kind: CertificateKind) -> Job | None:
        rows = self._query(
            "SELECT * FROM jobs WHERE customer_id = ? AND kind = ?"
            " AND state IN ('planned', 'issued', 'parked')",
            (customer_id, kind.value),
        )
        return _job(rows[0]) if rows else None

    def issued_serials(self, customer_id: int, kind: CertificateKind) -> list[int]:
        """Serials of the customer's finished jobs of ``kind`` (registered or not)."""
        rows = self._query(
            "SELECT serial FROM jobs WHERE customer_id = ? AND kind = ? AND state = 'done'"
            " AND serial IS NOT NULL",
            (customer_id, kind.value),
        )
        return [int(row["serial"], 16) for row in rows]

    def all(self) -> list[Job]:
        """Every job ever recorded (tests and audits)."""
        return [_job(row) for row in self._query("SELECT * FROM jobs ORDER BY created_at, id")]

    @property
    def register_id(self) -> str:
        """The journal's own id (the data home's manifest records it)."""
        rows = self._query("SELECT value FROM meta WHERE key = 'register_id'")
        return str(rows[0]["value"])

    def integrity_ok(self) -> bool:
        rows = self._query("PRAGMA integrity_check")
        return [tuple(row) for row in rows] == [("ok",)]
