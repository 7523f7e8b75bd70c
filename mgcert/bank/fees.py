"""Fees (범용 4,400원): debit, refund once, and the account's ledger.

The balance check and the debit happen in one ``BEGIN IMMEDIATE`` transaction, so two
concurrent charges can never overdraw; an insufficient balance raises before anything
changes. A refund credits a debit back exactly once (``ledger.refund_of`` is UNIQUE):
the center refunds when issuance fails after the debit, and the ledger shows both.

Certificate jobs: a charge may carry the job's id. The ledger holds at most one debit
per job (a UNIQUE index, so the database itself refuses a second one); a repeated
charge for the job finds the first debit inside the same ``BEGIN IMMEDIATE``
transaction and returns its id without changing anything, even if the balance has
since dropped or the account got locked. The same job id with another account or
amount is :class:`JobIdConflict`. :meth:`Fees.refund_job` credits a job's debit back
at most once (``refund_of`` is UNIQUE too) and says whether it did so now.
"""

from __future__ import annotations

import sqlite3

from mgcert.bank.customers import account_row, parse_account_number
from mgcert.bank.db import Database, from_db, to_db
from mgcert.bank.errors import (
    EBankingLocked,
    FeeAlreadyRefunded,
    InsufficientBalance,
    JobIdConflict,
    NotRefundable,
    UnknownLedgerEntry,
)
from mgcert.bank.jobs import check_job_id, check_optional_job_id
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

    def charge(
        self, account_number: str, amount_won: int, reason: str, *, job_id: str | None = None
    ) -> int:
        """Debit ``amount_won``; returns the ledger id. InsufficientBalance changes nothing.

        With ``job_id``, a repeated call returns the job's first debit unchanged.
        """
        _check_amount(amount_won)
        job_id = check_optional_job_id(job_id)
        with self._db.write() as conn:
            if job_id is not None:
                earlier = _job_debit(conn, job_id)
                if earlier is not None:
                    if (earlier["account_number"], earlier["amount_won"]) != (
                        parse_account_number(account_number),
                        amount_won,
                    ):
                        raise JobIdConflict
                    return int(earlier["id"])
            account = account_row(conn, account_number)
            if account["ebanking_locked"]:
                raise EBankingLocked
            if account["balance_won"] < amount_won:
                raise InsufficientBalance(amount_won, account["balance_won"])
            return _post(
                conn,
                account["id"],
                LedgerKind.DEBIT,
                amount_won,
                reason,
                self._now(),
                job_id=job_id,
            )

    def refund(self, ledger_id: int, reason: str) -> int:
        """Credit a debit back (once); returns the refund's ledger id."""
        with self._db.write() as conn:
            debit = conn.execute("SELECT * FROM ledger WHERE id = ?", (ledger_id,)).fetchone()
            if debit is None:
                raise UnknownLedgerEntry
            if debit["kind"] != LedgerKind.DEBIT.value:
                raise NotRefundable
            if _refund_of(conn, ledger_id) is not None:
                raise FeeAlreadyRefunded
            return self._post_refund(conn, debit, reason)

    def refund_job(self, job_id: str, reason: str) -> bool:
        """Credit the job's debit back if it has one not yet refunded; True if done now."""
        check_job_id(job_id)
        with self._db.write() as conn:
            debit = _job_debit(conn, job_id)
            if debit is None or _refund_of(conn, debit["id"]) is not None:
                return False
            self._post_refund(conn, debit, reason)
            return True

    def job_charge(self, job_id: str) -> LedgerEntry | None:
        """The debit charged for the job (with ``refunded``), or None."""
        check_job_id(job_id)
        with self._db.read() as conn:
            row = conn.execute(_SELECT_ENTRIES + " WHERE l.job_id = ?", (job_id,)).fetchone()
        return None if row is None else _to_entry(row)

    def _post_refund(self, conn: sqlite3.Connection, debit: sqlite3.Row, reason: str) -> int:
        return _post(
            conn,
            debit["account_id"],
            LedgerKind.REFUND,
            debit["amount_won"],
            reason,
            self._now(),
            refund_of=debit["id"],
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
                _SELECT_ENTRIES + " WHERE l.account_id = ? ORDER BY l.id", (account["id"],)
            ).fetchall()
        return [_to_entry(row) for row in rows]

    def _now(self) -> str:
        return to_db(self._clock.now())


_SELECT_ENTRIES = (
    "SELECT l.*, a.number AS account_number, r.id AS refunded_by FROM ledger l"
    " JOIN accounts a ON a.id = l.account_id LEFT JOIN ledger r ON r.refund_of = l.id"
)


def _to_entry(row: sqlite3.Row) -> LedgerEntry:
    return LedgerEntry(
        id=row["id"],
        account_number=row["account_number"],
        at=from_db(row["at"]),
        kind=LedgerKind(row["kind"]),
        amount_won=row["amount_won"],
        reason=row["reason"],
        balance_after=row["balance_after"],
        refund_of=row["refund_of"],
        job_id=row["job_id"],
        refunded_by=row["refunded_by"],
    )


def _job_debit(conn: sqlite3.Connection, job_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT l.*, a.number AS account_number FROM ledger l"
        " JOIN accounts a ON a.id = l.account_id WHERE l.job_id = ?",
        (job_id,),
    ).fetchone()
    return row


def _refund_of(conn: sqlite3.Connection, ledger_id: int) -> int | None:
    row = conn.execute("SELECT id FROM ledger WHERE refund_of = ?", (ledger_id,)).fetchone()
    return None if row is None else int(row[0])


def _post(
    conn: sqlite3.Connection,
    account_id: int,
    kind: LedgerKind,
    amount_won: int,
    reason: str,
    at: str,
    *,
    refund_of: int | None = None,
    job_id: str | None = None,
) -> int:
    delta = -amount_won if kind is LedgerKind.DEBIT else amount_won
    conn.execute(
        "UPDATE accounts SET balance_won = balance_won + ? WHERE id = ?", (delta, account_id)
    )
    balance = conn.execute(
        "SELECT balance_won FROM accounts WHERE id = ?", (account_id,)
    ).fetchone()[0]
    cursor = conn.execute(
        "INSERT INTO ledger (account_id, at, kind, amount_won, reason, balance_after,"
        " refund_of, job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (account_id, at, kind.value, amount_won, reason, balance, refund_of, job_id),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid
