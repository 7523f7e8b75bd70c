"""Which certificates a customer may use at this bank (MG-issued or 타기관 registered).

A certificate is identified by its issuer organisation (the CA's ``O``, e.g. ``MGSIM``)
and its x509 serial number. The serial is given and returned as ``int``; it is stored
as **lowercase hexadecimal text without leading zeros or ``0x``** (``format(serial,
"x")``), because NPKI serials are up to 159 bits and do not fit SQLite's 64-bit
INTEGER. One certificate belongs to at most one customer (UNIQUE issuer + serial).

Registering is idempotent for a certificate job's retries: registering a certificate
the same customer already has returns the existing registration unchanged (its kind,
account and job stay as first recorded); another customer's certificate is
:class:`CertificateAlreadyRegistered`.
"""

from __future__ import annotations

import sqlite3

from mgcert.bank.customers import account_row, customer_row
from mgcert.bank.db import Database, from_db, to_db
from mgcert.bank.errors import (
    AccountMismatch,
    CertificateAlreadyRegistered,
    CertificateNotRegistered,
)
from mgcert.bank.jobs import check_optional_job_id
from mgcert.bank.models import CertificateOrigin, Registration
from mgcert.clock import Clock
from mgcert.npki.profile import CertificateKind


def serial_text(serial: int) -> str:
    """How a serial is stored (see the module docstring)."""
    if isinstance(serial, bool) or serial < 0:
        raise ValueError("certificate serial must be a non-negative integer")
    return format(serial, "x")


_SELECT = (
    "SELECT r.*, a.number AS account_number FROM registrations r"
    " LEFT JOIN accounts a ON a.id = r.account_id"
)


def _to_registration(row: sqlite3.Row) -> Registration:
    return Registration(
        customer_id=row["customer_id"],
        issuer_org=row["issuer_org"],
        serial=int(row["serial_hex"], 16),
        kind=CertificateKind(row["kind"]),
        origin=CertificateOrigin(row["origin"]),
        account_number=row["account_number"],
        registered_at=from_db(row["registered_at"]),
        job_id=row["job_id"],
    )


class Registrations:
    """Register, unregister and look up certificates."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def register(
        self,
        customer_id: int,
        issuer_org: str,
        serial: int,
        kind: CertificateKind,
        origin: CertificateOrigin | str = CertificateOrigin.MG,
        account_number: str | None = None,
        *,
        job_id: str | None = None,
    ) -> Registration:
        """Record that the customer may use this certificate here (see module doc)."""
        origin = CertificateOrigin(origin)
        job_id = check_optional_job_id(job_id)
        if not issuer_org:
            raise ValueError("issuer_org must not be empty")
        serial_hex = serial_text(serial)
        with self._db.write() as conn:
            customer_row(conn, customer_id)
            account_id = None
            if account_number is not None:
                account = account_row(conn, account_number)
                if account["customer_id"] != customer_id:
                    raise AccountMismatch
                account_id = account["id"]
            exists = conn.execute(
                _SELECT + " WHERE r.issuer_org = ? AND r.serial_hex = ?",
                (issuer_org, serial_hex),
            ).fetchone()
            if exists:
                if exists["customer_id"] != customer_id:
                    raise CertificateAlreadyRegistered
                return _to_registration(exists)
            conn.execute(
                "INSERT INTO registrations (customer_id, issuer_org, serial_hex, kind, origin,"
                " account_id, registered_at, job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    customer_id,
                    issuer_org,
                    serial_hex,
                    kind.value,
                    origin.value,
                    account_id,
                    to_db(self._clock.now()),
                    job_id,
                ),
            )
            row = conn.execute(
                _SELECT + " WHERE r.issuer_org = ? AND r.serial_hex = ?", (issuer_org, serial_hex)
            ).fetchone()
        return _to_registration(row)

    def unregister(self, issuer_org: str, serial: int) -> None:
        """Remove a registration; CertificateNotRegistered if there is none."""
        with self._db.write() as conn:
            cursor = conn.execute(
                "DELETE FROM registrations WHERE issuer_org = ? AND serial_hex = ?",
                (issuer_org, serial_text(serial)),
            )
            if cursor.rowcount == 0:
                raise CertificateNotRegistered

    def get(self, issuer_org: str, serial: int) -> Registration | None:
        """The registration of one certificate, or None."""
        with self._db.read() as conn:
            row = conn.execute(
                _SELECT + " WHERE r.issuer_org = ? AND r.serial_hex = ?",
                (issuer_org, serial_text(serial)),
            ).fetchone()
        return None if row is None else _to_registration(row)

    def of_customer(self, customer_id: int) -> list[Registration]:
        """The customer's registrations, oldest first."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            rows = conn.execute(
                _SELECT + " WHERE r.customer_id = ? ORDER BY r.id", (customer_id,)
            ).fetchall()
        return [_to_registration(row) for row in rows]
