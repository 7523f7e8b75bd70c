"""Customers and their accounts: lookups and input parsing.

Account numbers are stored formatted (``9002-1234-5678-9``, 13 digits); input may
come with or without hyphens. A 주민등록번호 is stored sealed (``rrn_enc``) with a keyed
hash for lookups (``rrn_hmac``, UNIQUE); see vault.py. Records carry it in clear.
"""

from __future__ import annotations

import re
import sqlite3

from mgcert.bank.db import Database
from mgcert.bank.errors import (
    AccountMismatch,
    InvalidAccountNumberFormat,
    InvalidAccountPasswordFormat,
    InvalidResidentNumberFormat,
    UnknownAccount,
    UnknownCustomer,
)
from mgcert.bank.models import Account, Customer
from mgcert.bank.vault import Vault, rrn_aad

# [0-9], not \d: \d also matches other scripts' digits (e.g. Arabic-Indic).
_RRN = re.compile(r"([0-9]{6})-?([0-9]{7})")
_ACCOUNT = re.compile(r"[0-9]{13}")
_ACCOUNT_PASSWORD = re.compile(r"[0-9]{4}")


def parse_rrn(text: str) -> str:
    """``9001011234567`` or ``900101-1234567`` → 13 digits; else InvalidResidentNumberFormat."""
    match = _RRN.fullmatch(text.strip())
    if match is None:
        raise InvalidResidentNumberFormat
    return match.group(1) + match.group(2)


def parse_account_number(text: str) -> str:
    """Any hyphenation of 13 digits → ``dddd-dddd-dddd-d``; else InvalidAccountNumberFormat."""
    digits = text.strip().replace("-", "")
    if not _ACCOUNT.fullmatch(digits):
        raise InvalidAccountNumberFormat
    return format_account_number(digits)


def format_account_number(digits: str) -> str:
    """13 digits → ``dddd-dddd-dddd-d``."""
    return f"{digits[:4]}-{digits[4:8]}-{digits[8:12]}-{digits[12:]}"


def check_account_password_format(password: str) -> None:
    """Exactly four ASCII digits, else InvalidAccountPasswordFormat."""
    if not _ACCOUNT_PASSWORD.fullmatch(password):
        raise InvalidAccountPasswordFormat


def customer_row(conn: sqlite3.Connection, customer_id: int) -> sqlite3.Row:
    """The customer's row, or UnknownCustomer."""
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM customers WHERE id = ?", (customer_id,)
    ).fetchone()
    if row is None:
        raise UnknownCustomer
    return row


def account_row(conn: sqlite3.Connection, account_number: str) -> sqlite3.Row:
    """The account's row by any hyphenation of its number; format and existence checked."""
    number = parse_account_number(account_number)
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM accounts WHERE number = ?", (number,)
    ).fetchone()
    if row is None:
        raise UnknownAccount
    return row


def to_customer(vault: Vault, row: sqlite3.Row) -> Customer:
    """A ``customers`` row as a record (the 주민등록번호 unsealed)."""
    rrn = vault.unseal(row["rrn_enc"], rrn_aad(row["id"])).decode("ascii")
    return Customer(
        id=row["id"], name=row["name"], rrn=rrn, phone=row["phone"], number=row["number"]
    )


def to_account(row: sqlite3.Row) -> Account:
    """An ``accounts`` row as a record (no password columns)."""
    return Account(
        number=row["number"],
        customer_id=row["customer_id"],
        balance_won=row["balance_won"],
        ebanking_locked=bool(row["ebanking_locked"]),
    )


class Customers:
    """Read side of customers and accounts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Customer]:
        """Every customer, by id."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT * FROM customers ORDER BY id").fetchall()
        return [to_customer(self._db.vault, row) for row in rows]

    def get(self, customer_id: int) -> Customer:
        """One customer, or UnknownCustomer."""
        with self._db.read() as conn:
            return to_customer(self._db.vault, customer_row(conn, customer_id))

    def find(self, rrn: str, account_number: str) -> Customer:
        """The customer owning ``account_number`` whose 주민등록번호 is ``rrn``."""
        rrn13 = parse_rrn(rrn)
        number = parse_account_number(account_number)
        vault = self._db.vault
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT * FROM customers WHERE rrn_hmac = ?", (vault.rrn_index(rrn13),)
            ).fetchone()
            if row is None:
                raise UnknownCustomer
            account = account_row(conn, number)
        if account["customer_id"] != row["id"]:
            raise AccountMismatch
        return to_customer(vault, row)

    def accounts(self, customer_id: int) -> list[Account]:
        """The customer's accounts in opening order."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            rows = conn.execute(
                "SELECT * FROM accounts WHERE customer_id = ? ORDER BY id", (customer_id,)
            ).fetchall()
        return [to_account(row) for row in rows]

    def account(self, account_number: str) -> Account:
        """One account by number, or UnknownAccount."""
        with self._db.read() as conn:
            return to_account(account_row(conn, account_number))
