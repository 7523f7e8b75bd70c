"""ARS 전화인증: a 2-digit 승인번호 keyed on the customer's registered phone.

The life of a call:

1. :meth:`Ars.start` — the screen shows the code; the phone "rings" (``ringing``).
   A new call for the same customer supersedes any earlier open call.
2. :meth:`Ars.key_in` — the phone's keypad. Right digits → ``keyed`` and ``True``.
   Wrong digits → ``False`` and the call keeps ringing so the user can key again, as a
   real ARS says "다시 입력해 주세요"; the :data:`ARS_KEY_ATTEMPTS`-th wrong entry ends the
   call (``failed``) and the screen must start a new one.
3. :meth:`Ars.confirm` — the screen's 확인. Expired (3 minutes after the start, checked
   first), not yet keyed, failed, superseded or already confirmed are distinct errors;
   a success is single use (``confirmed``).
"""

from __future__ import annotations

import hmac
import re
import secrets
import sqlite3
from datetime import datetime

from mgcert.bank.customers import customer_row
from mgcert.bank.db import Database, from_db, to_db
from mgcert.bank.errors import (
    ArsAlreadyUsed,
    ArsError,
    ArsExpired,
    ArsFailed,
    ArsNotConfirmed,
    ArsSuperseded,
    InvalidArsDigits,
    UnknownArsCall,
)
from mgcert.bank.limits import ARS_KEY_ATTEMPTS, ARS_LIFETIME, TIMERS_RUN, CodeTimers
from mgcert.bank.models import ArsCall
from mgcert.clock import Clock

_DIGITS = re.compile(r"[0-9]{2}")


class Ars:
    """ARS calls, both the screen side (start, confirm) and the phone side (key_in)."""

    def __init__(self, db: Database, clock: Clock, timers: CodeTimers = TIMERS_RUN) -> None:
        self._db = db
        self._clock = clock
        self._timers = timers  # paused: a call does not run out (practice 시간 제한 없음)

    def start(self, customer_id: int) -> ArsCall:
        """Place a call to the customer's registered phone with a fresh 2-digit code."""
        now = self._clock.now()
        call_id = secrets.token_hex(8)
        code = f"{secrets.randbelow(100):02d}"
        with self._db.write() as conn:
            customer = customer_row(conn, customer_id)
            conn.execute(
                "UPDATE ars_calls SET status = 'superseded'"
                " WHERE customer_id = ? AND status IN ('ringing', 'keyed')",
                (customer_id,),
            )
            conn.execute(
                "INSERT INTO ars_calls (id, customer_id, phone, code, created_at, expires_at,"
                " status) VALUES (?, ?, ?, ?, ?, ?, 'ringing')",
                (
                    call_id,
                    customer_id,
                    customer["phone"],
                    code,
                    to_db(now),
                    to_db(now + ARS_LIFETIME),
                ),
            )
        return ArsCall(call_id, customer_id, code, customer["phone"], now + ARS_LIFETIME)

    def pending(self, customer_id: int) -> ArsCall | None:
        """The call ringing on the customer's phone now, if any (the simulator's phone)."""
        now = self._clock.now()
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            rows = conn.execute(
                "SELECT * FROM ars_calls WHERE customer_id = ? AND status = 'ringing'"
                " ORDER BY created_at DESC",
                (customer_id,),
            ).fetchall()
        for row in rows:
            if not self._timers.running() or now < from_db(row["expires_at"]):
                return _to_call(row)
        return None

    def key_in(self, call_id: str, digits: str) -> bool:
        """The phone's keypad: True when ``digits`` match the code shown on screen.

        Raises InvalidArsDigits (not two digits; no attempt used), ArsExpired,
        ArsSuperseded, ArsFailed or ArsAlreadyUsed for a call that cannot take digits.
        """
        if not _DIGITS.fullmatch(digits):
            raise InvalidArsDigits
        now = self._clock.now()
        with self._db.write() as conn:
            row = _call_row(conn, call_id)
            problem = _closed(row, now, self._timers)
            if problem is not None:
                outcome: bool | ArsError = problem
            elif hmac.compare_digest(digits, row["code"]):
                conn.execute("UPDATE ars_calls SET status = 'keyed' WHERE id = ?", (call_id,))
                outcome = True
            elif row["status"] == "keyed":
                # Already keyed right; a stray later key press does not undo it.
                outcome = False
            else:
                failures = row["key_failures"] + 1
                status = "failed" if failures >= ARS_KEY_ATTEMPTS else "ringing"
                conn.execute(
                    "UPDATE ars_calls SET key_failures = ?, status = ? WHERE id = ?",
                    (failures, status, call_id),
                )
                outcome = False
        if isinstance(outcome, ArsError):
            raise outcome
        return outcome

    def confirm(self, call_id: str) -> None:
        """The screen's 확인: passes once after the code was keyed in time."""
        now = self._clock.now()
        with self._db.write() as conn:
            row = _call_row(conn, call_id)
            problem = _closed(row, now, self._timers)
            if problem is None and row["status"] == "ringing":
                problem = ArsNotConfirmed()
            if problem is None:
                conn.execute("UPDATE ars_calls SET status = 'confirmed' WHERE id = ?", (call_id,))
        if problem is not None:
            raise problem


def _call_row(conn: sqlite3.Connection, call_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM ars_calls WHERE id = ?", (call_id,)
    ).fetchone()
    if row is None:
        raise UnknownArsCall
    return row


def _closed(row: sqlite3.Row, now: datetime, timers: CodeTimers) -> ArsError | None:
    """Why this call can no longer be keyed or confirmed, or None if it still can."""
    status = row["status"]
    if status == "confirmed":
        return ArsAlreadyUsed()
    if status == "superseded":
        return ArsSuperseded()
    if status == "failed":
        return ArsFailed()
    if timers.running() and now >= from_db(row["expires_at"]):
        return ArsExpired()
    return None


def _to_call(row: sqlite3.Row) -> ArsCall:
    return ArsCall(
        id=row["id"],
        customer_id=row["customer_id"],
        code=row["code"],
        phone=row["phone"],
        expires_at=from_db(row["expires_at"]),
    )
