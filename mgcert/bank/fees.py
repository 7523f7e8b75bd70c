"""Fees (범용 4,400원): debit, refund once, and the account's ledger.

The balance check and the debit happen in one ``BEGIN IMMEDIATE`` transaction, so two
concurrent charges can never overdraw; an insufficient balance raises before anything
changes. A refund credits a debit back exactly once (``ledger.refund_of`` is UNIQUE):
the center refunds when issuance fails after the debit, and the ledger shows both.
"""

from __future__ import annotations

import sqlite3

from mgcert.bank.customers import account_row
from mgcert.bank.db import Database, from_db, to_db
from mgcert.bank.errors import (
    EBankingLocked,
    FeeAlreadyRefunded,
    InsufficientBalance,
    NotRefundable,
    UnknownLedgerEntry,
)
from mgcert.bank.models import LedgerEntry, LedgerKind
from mgcert.clock import Clock


def _check_amount(amount_won: int) -> None:
    # A programming error, not user input: the center passes CertificateKind.fee_won.
    if isinstance(amount_won, bool) or amount_won <= 0:
        raise ValueError("fee must be a positive number of won")


class Fees:
    """Debits and refunds with a ledger row each."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def charge(self, account_number: str, amount_won: int, reason: str) -> int:
        """Debit ``amount_won``; returns the ledger id. InsufficientBalance changes nothing."""
        _check_amount(amount_won)
        with self._db.write() as conn:
            account = account_row(conn, account_number)
            if account["ebanking_locked"]:
                raise EBankingLocked
            if account["balance_won"] < amount_won:
                raise InsufficientBalance(amount_won, account["balance_won"])
            return _post(conn, account["id"], LedgerKind.DEBIT, amount_won, reason, self._now())

    def refund(self, ledger_id: int, reason: str) -> int:
        """Credit a debit back (once); returns the refund's ledger id."""
        with self._db.write() as conn:
            debit = conn.execute("SELECT * FROM ledger WHERE id = ?", (ledger_id,)).fetchone()
            if debit is None:
                raise UnknownLedgerEntry
            if debit["kind"] != LedgerKind.DEBIT.value:
                raise NotRefundable
            if conn.execute("SELECT 1 FROM ledger WHERE refund_of = ?", (ledger_id,)).fetchone():
                raise FeeAlreadyRefunded
            return _post(
                conn,
                debit["account_id"],
                LedgerKind.REFUND,
                debit["amount_won"],
                reason,
                self._now(),
                refund_of=ledger_id,
            )

    def balance(self, account_number: str) -> int:
        """The balance in 원, or UnknownAccount."""
        with self._db.read() as conn:
            return int(account_row(conn, account_number)["balance_won"])

    def ledger(self, account_number: str) -> list[LedgerEntry]:
        """The account's fee ledger, oldest first."""
        with self._db.read() as conn:
            account = account_row(conn, account_number)
            rows = conn.execute(
                "SELECT * FROM ledger WHERE account_id = ? ORDER BY id", (account["id"],)
            ).fetchall()
        return [
            LedgerEntry(
                id=row["id"],
                account_number=account["number"],
                at=from_db(row["at"]),
                kind=LedgerKind(row["kind"]),
                amount_won=row["amount_won"],
                reason=row["reason"],
                balance_after=row["balance_after"],
                refund_of=row["refund_of"],
            )
            for row in rows
        ]

    def _now(self) -> str:
        return to_db(self._clock.now())


def _post(
    conn: sqlite3.Connection,
    account_id: int,
    kind: LedgerKind,
    amount_won: int,
    reason: str,
    at: str,
    *,
    refund_of: int | None = None,
) -> int:
    delta = -amount_won if kind is LedgerKind.DEBIT else amount_won
    conn.execute(
        "UPDATE accounts SET balance_won = balance_won + ? WHERE id = ?", (delta, account_id)
    )
    balance = conn.execute(
        "SELECT balance_won FROM accounts WHERE id = ?", (account_id,)
    ).fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO ledger (account_id, at, kind, amount_won, reason, balance_after, refund_of)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (account_id, at, kind.value, amount_won, reason, balance, refund_of),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid
