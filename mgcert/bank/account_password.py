"""계좌비밀번호: 4 digits; 5 wrong in a row lock the account's e-banking.

Stored as ``pepper(account number, scrypt(password, salt))`` (vault.py): salted scrypt
with its own cost per row, then an HMAC under a key derived from the server secret, so
the database file alone allows no offline search of the 10^4 passwords.

A success resets the count. The lock lasts until :meth:`mgcert.bank.Bank.unlock`
(the simulator's 지점 방문). A typing mistake (not 4 digits) costs no attempt.
"""

from __future__ import annotations

import hmac
import sqlite3

from mgcert.bank import kdf
from mgcert.bank.customers import account_row, check_account_password_format
from mgcert.bank.db import Database
from mgcert.bank.errors import BankError, EBankingLocked, WrongAccountPassword
from mgcert.bank.limits import ACCOUNT_PASSWORD_ATTEMPTS
from mgcert.bank.vault import Vault


def new_password_columns(
    vault: Vault, account_number: str, password: str, cost: kdf.ScryptCost
) -> tuple[str, bytes, bytes]:
    """``(password_kdf, password_salt, password_hash)`` for a new account row."""
    check_account_password_format(password)
    salt = kdf.new_salt()
    return cost.encode(), salt, vault.pepper(account_number, kdf.derive(password, salt, cost))


class AccountPasswords:
    """Checks account passwords and keeps the wrong-entry counter per account."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def verify(self, account_number: str, password: str) -> None:
        """Pass silently, or raise WrongAccountPassword(remaining) / EBankingLocked."""
        check_account_password_format(password)
        with self._db.read() as conn:
            row = account_row(conn, account_number)
        if row["ebanking_locked"]:
            raise EBankingLocked
        # The slow hash runs outside the write lock; the decision below re-reads the
        # counter inside the transaction, so concurrent attempts are all counted.
        derived = kdf.derive(
            password, row["password_salt"], kdf.ScryptCost.decode(row["password_kdf"])
        )
        correct = hmac.compare_digest(
            self._db.vault.pepper(row["number"], derived), bytes(row["password_hash"])
        )
        with self._db.write() as conn:
            outcome = _record(conn, row["id"], correct)
        if outcome is not None:
            raise outcome


def _record(conn: sqlite3.Connection, account_id: int, correct: bool) -> BankError | None:
    current = conn.execute(
        "SELECT password_failures, ebanking_locked FROM accounts WHERE id = ?", (account_id,)
    ).fetchone()
    if current["ebanking_locked"]:
        return EBankingLocked()
    if correct:
        conn.execute("UPDATE accounts SET password_failures = 0 WHERE id = ?", (account_id,))
        return None
    failures = current["password_failures"] + 1
    locked = failures >= ACCOUNT_PASSWORD_ATTEMPTS
    conn.execute(
        "UPDATE accounts SET password_failures = ?, ebanking_locked = ? WHERE id = ?",
        (failures, int(locked), account_id),
    )
    if locked:
        return EBankingLocked()
    return WrongAccountPassword(ACCOUNT_PASSWORD_ATTEMPTS - failures)
