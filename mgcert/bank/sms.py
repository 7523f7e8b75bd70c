"""SMS 인증번호: 6 digits to the registered phone, valid 3 minutes, single use.

At most :data:`SMS_SENDS_PER_WINDOW` codes go to one customer in any
:data:`SMS_SEND_WINDOW` (counted from the codes sent, inside the sending transaction,
so concurrent requests cannot slip past it); a request over the limit sends nothing
and raises :class:`SmsSendLimited` with the time the next code may be sent. Sending a
new code supersedes the customer's earlier open code. Each code takes at
most :data:`SMS_ATTEMPTS` wrong entries; the last one voids it. Entries after the
code expired are refused as expired and not counted. The text also lands in the
simulated phone's inbox (``phone_messages``), which the simulator panel shows.
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
    BankError,
    InvalidSmsCodeFormat,
    SmsAlreadyUsed,
    SmsExpired,
    SmsSendLimited,
    SmsSuperseded,
    SmsVoided,
    UnknownSmsChallenge,
    WrongSmsCode,
)
from mgcert.bank.limits import (
    SMS_ATTEMPTS,
    SMS_LIFETIME,
    SMS_SEND_WINDOW,
    SMS_SENDS_PER_WINDOW,
    TIMERS_RUN,
    CodeTimers,
)
from mgcert.bank.models import SmsChallenge, SmsMessage
from mgcert.clock import Clock
from mgcert.messages import bank as msg

_CODE = re.compile(r"[0-9]{6}")


def sms_text(code: str) -> str:
    """The message as the phone shows it."""
    return msg.SMS_TEXT.format(code=code, minutes=int(SMS_LIFETIME.total_seconds() // 60))


class Sms:
    """One-time SMS codes and the simulated phone's inbox."""

    def __init__(self, db: Database, clock: Clock, timers: CodeTimers = TIMERS_RUN) -> None:
        self._db = db
        self._clock = clock
        self._timers = timers  # paused: a code does not run out (practice 시간 제한 없음)

    def send(self, customer_id: int) -> SmsChallenge:
        """Send a fresh code to the customer's registered phone."""
        now = self._clock.now()
        challenge_id = secrets.token_hex(8)
        code = f"{secrets.randbelow(10**6):06d}"
        with self._db.write() as conn:
            phone = customer_row(conn, customer_id)["phone"]
            _check_send_limit(conn, customer_id, now)
            conn.execute(
                "UPDATE sms_challenges SET status = 'superseded'"
                " WHERE customer_id = ? AND status = 'pending'",
                (customer_id,),
            )
            conn.execute(
                "INSERT INTO sms_challenges (id, customer_id, phone, code, sent_at, expires_at,"
                " status) VALUES (?, ?, ?, ?, ?, ?, 'pending')",
                (challenge_id, customer_id, phone, code, to_db(now), to_db(now + SMS_LIFETIME)),
            )
            conn.execute(
                "INSERT INTO phone_messages (customer_id, phone, sent_at, text, code)"
                " VALUES (?, ?, ?, ?, ?)",
                (customer_id, phone, to_db(now), sms_text(code), code),
            )
        return SmsChallenge(challenge_id, customer_id, phone, now + SMS_LIFETIME)

    def inbox(self, customer_id: int) -> list[SmsMessage]:
        """The phone's messages, newest first."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            rows = conn.execute(
                "SELECT * FROM phone_messages WHERE customer_id = ? ORDER BY id DESC",
                (customer_id,),
            ).fetchall()
        return [SmsMessage(from_db(r["sent_at"]), r["text"], r["code"]) for r in rows]

    def verify(self, challenge_id: str, code: str) -> None:
        """Pass once for the right code in time; else a specific error (see module doc)."""
        if not _CODE.fullmatch(code):
            raise InvalidSmsCodeFormat
        now = self._clock.now()
        with self._db.write() as conn:
            outcome = _check(conn, challenge_id, code, now, self._timers.running())
        if outcome is not None:
            raise outcome


def _check_send_limit(conn: sqlite3.Connection, customer_id: int, now: datetime) -> None:
    """SmsSendLimited if the customer already got the maximum within the window."""
    recent = conn.execute(
        "SELECT sent_at FROM sms_challenges WHERE customer_id = ? AND sent_at > ?"
        " ORDER BY sent_at DESC LIMIT ?",
        (customer_id, to_db(now - SMS_SEND_WINDOW), SMS_SENDS_PER_WINDOW),
    ).fetchall()
    if len(recent) >= SMS_SENDS_PER_WINDOW:
        # The window frees a place when the oldest of these leaves it.
        raise SmsSendLimited(from_db(recent[-1]["sent_at"]) + SMS_SEND_WINDOW, now)


def _check(
    conn: sqlite3.Connection, challenge_id: str, code: str, now: datetime, timed: bool
) -> BankError | None:
    row = conn.execute("SELECT * FROM sms_challenges WHERE id = ?", (challenge_id,)).fetchone()
    if row is None:
        return UnknownSmsChallenge()
    status = row["status"]
    if status == "used":
        return SmsAlreadyUsed()
    if status == "voided":
        return SmsVoided()
    if status == "superseded":
        return SmsSuperseded()
    if timed and now >= from_db(row["expires_at"]):
        return SmsExpired()
    if hmac.compare_digest(code, row["code"]):
        conn.execute("UPDATE sms_challenges SET status = 'used' WHERE id = ?", (challenge_id,))
        return None
    failures = row["failures"] + 1
    voided = failures >= SMS_ATTEMPTS
    conn.execute(
        "UPDATE sms_challenges SET failures = ?, status = ? WHERE id = ?",
        (failures, "voided" if voided else "pending", challenge_id),
    )
    if voided:
        return SmsVoided()
    return WrongSmsCode(SMS_ATTEMPTS - failures)
