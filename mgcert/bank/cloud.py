"""금융인증서 cloud: the certificate and key kept by the bank, opened with a 6-digit PIN.

Encryption of a stored payload (the center's serialized certificate + key):

    pin_key = scrypt(PIN, salt)                                   (random 16-byte salt)
    key     = HKDF-SHA256(pin_key, salt=server_secret,
                          info="mgcert cloud certificate v1|customer=<id>")
    row     = AES-256-GCM(key, random 12-byte nonce, payload,
                          associated data = "mgcert cloud|customer=<id>")

``server_secret`` is 32 random bytes in a 0600 file next to the database
(``<db dir>/bank-secret.key``, vault.py), made with the database. It never enters the
database, so a copy of ``bank.db`` alone allows no offline PIN search (6 digits are
only 10^6 guesses). Each row records a fingerprint of the secret it was made with; a
row made under another secret (a data home from before schema v3 whose secret file
was lost) says so (:class:`CloudKeyUnavailable`) instead of counting wrong PINs. The
associated data binds a row to its customer, so rows cannot be swapped between
customers.

PIN rules: 6 digits (:class:`InvalidPinFormat`); all-same digits and straight runs
up or down without wrap-around (``123456``, ``654321``, ``012345``, ``000000``) are
refused (:class:`TrivialPin`). :data:`PIN_ATTEMPTS` wrong PINs in a row lock the
certificate; storing a new one (재발급) replaces it and clears the count and the lock.

Two phases for a certificate job (so the new key is kept durably before the CA
issues the certificate that goes with it):

1. :meth:`Cloud.park` encrypts the job's key payload exactly as :meth:`Cloud.store`
   does and keeps it in ``cloud_jobs`` (status ``parked``). The customer's current
   금융인증서 is untouched: a crash here leaves it working.
2. :meth:`Cloud.commit` replaces the customer's 금융인증서 with the parked payload in
   one transaction, stores the issued certificate beside it in clear
   (``cert_der``; certificates are public), clears the PIN count and lock, and marks
   the job ``committed`` (its encrypted columns cleared: the payload now lives only
   in ``cloud_certificates``). :meth:`Cloud.discard` drops a parked job.

Each step is idempotent per job id: parking a parked or committed job again, and
committing a committed job again with the same serial, do nothing; discarding an
unknown or committed job does nothing.
"""

from __future__ import annotations

import itertools
import re
import secrets
import sqlite3
from datetime import datetime

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mgcert.bank import kdf
from mgcert.bank.customers import customer_row
from mgcert.bank.db import Database, from_db, to_db
from mgcert.bank.errors import (
    BankError,
    CloudJobNotParked,
    CloudKeyUnavailable,
    InvalidPinFormat,
    JobIdConflict,
    NoCloudCertificate,
    PinLocked,
    TrivialPin,
    WrongPin,
)
from mgcert.bank.jobs import check_job_id
from mgcert.bank.limits import PIN_ATTEMPTS
from mgcert.bank.models import CloudCertificateInfo
from mgcert.bank.registrations import serial_text
from mgcert.bank.vault import secret_id
from mgcert.clock import Clock

NONCE_BYTES = 12
_PIN = re.compile(r"[0-9]{6}")

# (kdf, salt, nonce, ciphertext, secret_id) of one encrypted payload.
_Sealed = tuple[str, bytes, bytes, bytes, bytes]


def check_pin_format(pin: str) -> None:
    """Exactly six ASCII digits, else InvalidPinFormat."""
    if not _PIN.fullmatch(pin):
        raise InvalidPinFormat


def is_trivial_pin(pin: str) -> bool:
    """All one digit, or each digit one more (or one less) than the one before."""
    digits = [int(ch) for ch in pin]
    steps = {b - a for a, b in itertools.pairwise(digits)}
    return steps in ({0}, {1}, {-1})


def check_new_pin(pin: str) -> None:
    """The rules for choosing a PIN: InvalidPinFormat, then TrivialPin."""
    check_pin_format(pin)
    if is_trivial_pin(pin):
        raise TrivialPin


def _key(pin: str, salt: bytes, cost: kdf.ScryptCost, secret: bytes, customer_id: int) -> bytes:
    pin_key = kdf.derive(pin, salt, cost)
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=secret,
        info=f"mgcert cloud certificate v1|customer={customer_id}".encode(),
    ).derive(pin_key)


def _aad(customer_id: int) -> bytes:
    return f"mgcert cloud|customer={customer_id}".encode()


class Cloud:
    """Store, open, describe and remove a customer's 금융인증서."""

    def __init__(self, db: Database, clock: Clock, cost: kdf.ScryptCost) -> None:
        self._db = db
        self._clock = clock
        self._cost = cost

    def store(
        self,
        customer_id: int,
        pin: str,
        payload: bytes,
        *,
        serial: int | None = None,
        not_after: datetime | None = None,
    ) -> None:
        """Encrypt and keep ``payload`` under ``pin``, replacing any earlier one."""
        check_new_pin(pin)
        sealed = self._seal(customer_id, pin, payload)
        with self._db.write() as conn:
            customer_row(conn, customer_id)
            _replace(
                conn,
                customer_id,
                sealed,
                cert_der=None,
                serial_hex=None if serial is None else serial_text(serial),
                not_after=None if not_after is None else to_db(not_after),
                stored_at=to_db(self._clock.now()),
                job_id=None,
            )

    def park(self, customer_id: int, pin: str, key_payload: bytes, job_id: str) -> None:
        """Keep the job's payload encrypted under ``pin``, beside the current one."""
        check_job_id(job_id)
        check_new_pin(pin)
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            if _job_row(conn, job_id, customer_id) is not None:
                return  # already parked (or committed): nothing to do, no scrypt
        sealed = self._seal(customer_id, pin, key_payload)
        with self._db.write() as conn:
            if _job_row(conn, job_id, customer_id) is not None:
                return  # another caller parked it meanwhile
            conn.execute(
                "INSERT INTO cloud_jobs (job_id, customer_id, status, kdf, salt, nonce,"
                " ciphertext, secret_id, parked_at) VALUES (?, ?, 'parked', ?, ?, ?, ?, ?, ?)",
                (job_id, customer_id, *sealed, to_db(self._clock.now())),
            )

    def commit(self, job_id: str, cert_der: bytes, *, serial: int, not_after: datetime) -> None:
        """Make the parked payload the customer's 금융인증서 (see module doc)."""
        check_job_id(job_id)
        serial_hex = serial_text(serial)
        now = to_db(self._clock.now())
        with self._db.write() as conn:
            job = conn.execute("SELECT * FROM cloud_jobs WHERE job_id = ?", (job_id,)).fetchone()
            if job is None:
                raise CloudJobNotParked
            if job["status"] == "committed":
                if job["serial_hex"] != serial_hex:
                    raise JobIdConflict
                return
            sealed = (job["kdf"], job["salt"], job["nonce"], job["ciphertext"], job["secret_id"])
            _replace(
                conn,
                job["customer_id"],
                sealed,
                cert_der=bytes(cert_der),
                serial_hex=serial_hex,
                not_after=to_db(not_after),
                stored_at=now,
                job_id=job_id,
            )
            conn.execute(
                "UPDATE cloud_jobs SET status = 'committed', kdf = NULL, salt = NULL,"
                " nonce = NULL, ciphertext = NULL, secret_id = NULL, serial_hex = ?,"
                " closed_at = ? WHERE job_id = ?",
                (serial_hex, now, job_id),
            )

    def discard(self, job_id: str) -> None:
        """Drop a parked payload; an unknown or committed job is left as it is."""
        check_job_id(job_id)
        with self._db.write() as conn:
            conn.execute("DELETE FROM cloud_jobs WHERE job_id = ? AND status = 'parked'", (job_id,))

    def pending(self, job_id: str) -> bool:
        """Whether the job has a parked payload not yet committed or discarded."""
        check_job_id(job_id)
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT 1 FROM cloud_jobs WHERE job_id = ? AND status = 'parked'", (job_id,)
            ).fetchone()
        return row is not None

    def certificate_der(self, customer_id: int) -> bytes | None:
        """The certificate stored in clear by :meth:`commit`; None for rows made by
        :meth:`store` (their payload holds the certificate) or when there is none."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            row = _find(conn, customer_id)
        if row is None or row["cert_der"] is None:
            return None
        return bytes(row["cert_der"])

    def _seal(self, customer_id: int, pin: str, payload: bytes) -> _Sealed:
        secret = self._db.vault.secret
        salt = kdf.new_salt()
        nonce = secrets.token_bytes(NONCE_BYTES)
        key = _key(pin, salt, self._cost, secret, customer_id)
        ciphertext = AESGCM(key).encrypt(nonce, payload, _aad(customer_id))
        return (self._cost.encode(), salt, nonce, ciphertext, secret_id(secret))

    def open(self, customer_id: int, pin: str) -> bytes:
        """Decrypt with ``pin``: WrongPin(remaining), PinLocked, NoCloudCertificate."""
        check_pin_format(pin)
        # The whole check runs in one write transaction (scrypt included) so the
        # decision and the counter update see the same row even if it is replaced.
        with self._db.write() as conn:
            outcome = self._check(conn, customer_id, pin)
        if isinstance(outcome, BankError):
            raise outcome
        return outcome

    def _check(self, conn: sqlite3.Connection, customer_id: int, pin: str) -> bytes | BankError:
        customer_row(conn, customer_id)
        row = _row(conn, customer_id)
        if row["pin_locked"]:
            return PinLocked()
        secret = self._db.vault.secret
        if secret_id(secret) != row["secret_id"]:
            return CloudKeyUnavailable()
        key = _key(pin, row["salt"], kdf.ScryptCost.decode(row["kdf"]), secret, customer_id)
        try:
            payload = AESGCM(key).decrypt(row["nonce"], row["ciphertext"], _aad(customer_id))
        except InvalidTag:
            failures = row["pin_failures"] + 1
            locked = failures >= PIN_ATTEMPTS
            conn.execute(
                "UPDATE cloud_certificates SET pin_failures = ?, pin_locked = ?"
                " WHERE customer_id = ?",
                (failures, int(locked), customer_id),
            )
            return PinLocked() if locked else WrongPin(PIN_ATTEMPTS - failures)
        conn.execute(
            "UPDATE cloud_certificates SET pin_failures = 0 WHERE customer_id = ?", (customer_id,)
        )
        return payload

    def has(self, customer_id: int) -> bool:
        """Whether a 금융인증서 is stored for the customer."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            return _find(conn, customer_id) is not None

    def info(self, customer_id: int) -> CloudCertificateInfo | None:
        """Listing data (serial, expiry, lock) of the stored certificate, if any."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            row = _find(conn, customer_id)
        if row is None:
            return None
        return CloudCertificateInfo(
            customer_id=customer_id,
            serial=None if row["serial_hex"] is None else int(row["serial_hex"], 16),
            not_after=None if row["not_after"] is None else from_db(row["not_after"]),
            stored_at=from_db(row["stored_at"]),
            pin_locked=bool(row["pin_locked"]),
            pin_failures=row["pin_failures"],
        )

    def remove(self, customer_id: int) -> None:
        """Delete the stored certificate (e.g. after 폐기); NoCloudCertificate if none."""
        with self._db.write() as conn:
            customer_row(conn, customer_id)
            cursor = conn.execute(
                "DELETE FROM cloud_certificates WHERE customer_id = ?", (customer_id,)
            )
            if cursor.rowcount == 0:
                raise NoCloudCertificate


def _replace(
    conn: sqlite3.Connection,
    customer_id: int,
    sealed: _Sealed,
    *,
    cert_der: bytes | None,
    serial_hex: str | None,
    not_after: str | None,
    stored_at: str,
    job_id: str | None,
) -> None:
    """Insert or replace the customer's 금융인증서, clearing the PIN count and lock."""
    conn.execute(
        "INSERT INTO cloud_certificates (customer_id, kdf, salt, nonce, ciphertext,"
        " secret_id, serial_hex, not_after, stored_at, pin_failures, pin_locked, cert_der,"
        " job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)"
        " ON CONFLICT (customer_id) DO UPDATE SET kdf = excluded.kdf,"
        " salt = excluded.salt, nonce = excluded.nonce,"
        " ciphertext = excluded.ciphertext, secret_id = excluded.secret_id,"
        " serial_hex = excluded.serial_hex, not_after = excluded.not_after,"
        " stored_at = excluded.stored_at, pin_failures = 0, pin_locked = 0,"
        " cert_der = excluded.cert_der, job_id = excluded.job_id",
        (customer_id, *sealed, serial_hex, not_after, stored_at, cert_der, job_id),
    )


def _job_row(conn: sqlite3.Connection, job_id: str, customer_id: int) -> sqlite3.Row | None:
    """The job's row if any; JobIdConflict if the job belongs to another customer."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM cloud_jobs WHERE job_id = ?", (job_id,)
    ).fetchone()
    if row is not None and row["customer_id"] != customer_id:
        raise JobIdConflict
    return row


def _find(conn: sqlite3.Connection, customer_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM cloud_certificates WHERE customer_id = ?", (customer_id,)
    ).fetchone()
    return row


def _row(conn: sqlite3.Connection, customer_id: int) -> sqlite3.Row:
    row = _find(conn, customer_id)
    if row is None:
        raise NoCloudCertificate
    return row
