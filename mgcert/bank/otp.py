"""OTP: TOTP (RFC 6238 via pyotp), 6 digits, 30-second steps, ±1 step accepted.

Every customer has one simulated device; its seed lives in ``otp_devices`` (the
bank's OTP server knows it in real life too), sealed under the server secret's field
key and bound to the customer (``secret_enc``, vault.py). Time is the simulated clock, never the
real one, so moving the clock moves the device.

- A right code whose time step is not newer than the last accepted step is refused as
  :class:`OtpReplayed` (RFC 6238 §5.2) and is not counted as a wrong entry.
- :data:`OTP_ATTEMPTS` wrong codes in a row lock the device; a success resets the count.
"""

from __future__ import annotations

import base64
import hmac
import re
import secrets
import sqlite3
from datetime import datetime

import pyotp

from mgcert.bank.customers import customer_row
from mgcert.bank.db import Database
from mgcert.bank.errors import BankError, InvalidOtpFormat, OtpLocked, OtpReplayed, WrongOtp
from mgcert.bank.limits import OTP_ATTEMPTS, OTP_DIGITS, OTP_PERIOD_SECONDS, OTP_VALID_WINDOW
from mgcert.bank.models import OtpReading
from mgcert.bank.vault import Vault, otp_seed_aad
from mgcert.clock import Clock

_CODE = re.compile(rf"[0-9]{{{OTP_DIGITS}}}")


def issue_device(conn: sqlite3.Connection, vault: Vault, customer_id: int) -> None:
    """Give a customer an OTP device with a fresh 160-bit secret (caller's transaction)."""
    secret = base64.b32encode(secrets.token_bytes(20))
    serial = "MG" + "".join(secrets.choice("0123456789") for _ in range(8))
    conn.execute(
        "INSERT INTO otp_devices (customer_id, serial, secret_enc) VALUES (?, ?, ?)",
        (customer_id, serial, vault.seal(secret, otp_seed_aad(customer_id))),
    )


def _seed(vault: Vault, device: sqlite3.Row) -> str:
    customer_id = device["customer_id"]
    return vault.unseal(device["secret_enc"], otp_seed_aad(customer_id)).decode("ascii")


def _step(moment: datetime) -> tuple[int, int]:
    """(time step, seconds elapsed in it) of an instant."""
    return divmod(int(moment.timestamp()), OTP_PERIOD_SECONDS)


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=OTP_DIGITS, interval=OTP_PERIOD_SECONDS)


def _device(conn: sqlite3.Connection, customer_id: int) -> sqlite3.Row:
    customer_row(conn, customer_id)
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM otp_devices WHERE customer_id = ?", (customer_id,)
    ).fetchone()
    if row is None:
        raise RuntimeError(f"customer {customer_id} has no OTP device")
    return row


class Otp:
    """The simulated OTP devices and the bank's verification of their codes."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def reading(self, customer_id: int) -> OtpReading:
        """What the device shows at the simulated now, and seconds until it changes."""
        step, elapsed = _step(self._clock.now())
        with self._db.read() as conn:
            secret = _seed(self._db.vault, _device(conn, customer_id))
        return OtpReading(_totp(secret).generate_otp(step), OTP_PERIOD_SECONDS - elapsed)

    def verify(self, customer_id: int, code: str) -> None:
        """Pass, or raise WrongOtp(remaining) / OtpReplayed / OtpLocked / InvalidOtpFormat."""
        if not _CODE.fullmatch(code):
            raise InvalidOtpFormat
        step, _ = _step(self._clock.now())
        with self._db.write() as conn:
            device = _device(conn, customer_id)
            outcome = _check(conn, device, _seed(self._db.vault, device), step, code)
        if outcome is not None:
            raise outcome


def _check(
    conn: sqlite3.Connection, device: sqlite3.Row, secret: str, step: int, code: str
) -> BankError | None:
    if device["locked"]:
        return OtpLocked()
    totp = _totp(secret)
    window = range(step - OTP_VALID_WINDOW, step + OTP_VALID_WINDOW + 1)
    # Compare against every step in the window (no early exit) and keep the newest match.
    matched = [s for s in window if hmac.compare_digest(code, totp.generate_otp(s))]
    last_used = device["last_used_step"]
    fresh = [s for s in matched if last_used is None or s > last_used]
    customer_id = device["customer_id"]
    if fresh:
        conn.execute(
            "UPDATE otp_devices SET failures = 0, last_used_step = ? WHERE customer_id = ?",
            (max(fresh), customer_id),
        )
        return None
    if matched:
        return OtpReplayed()
    failures = device["failures"] + 1
    locked = failures >= OTP_ATTEMPTS
    conn.execute(
        "UPDATE otp_devices SET failures = ?, locked = ? WHERE customer_id = ?",
        (failures, int(locked), customer_id),
    )
    if locked:
        return OtpLocked()
    return WrongOtp(OTP_ATTEMPTS - failures)
