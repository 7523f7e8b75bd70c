"""Opening a customer: the customer row, their accounts, a 보안카드 and an OTP device."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from mgcert.bank import kdf
from mgcert.bank.account_password import new_password_columns
from mgcert.bank.customers import parse_account_number, parse_rrn
from mgcert.bank.otp import issue_device
from mgcert.bank.security_card import issue_card


@dataclass(frozen=True)
class NewAccount:
    """An account to open; the plain password is hashed at once and never stored."""

    number: str
    balance_won: int
    password: str = field(repr=False)  # never in a log line or traceback


def open_customer(
    conn: sqlite3.Connection,
    *,
    name: str,
    rrn: str,
    phone: str,
    number: int,
    accounts: tuple[NewAccount, ...],
    cost: kdf.ScryptCost,
    customer_id: int | None = None,
) -> int:
    """Insert everything a customer needs in the caller's transaction; returns the id."""
    if not accounts:
        raise ValueError("a customer needs at least one account")
    cursor = conn.execute(
        "INSERT INTO customers (id, name, rrn, phone, number) VALUES (?, ?, ?, ?, ?)",
        (customer_id, name, parse_rrn(rrn), phone, number),
    )
    new_id = cursor.lastrowid
    assert new_id is not None
    for account in accounts:
        if account.balance_won < 0:
            raise ValueError("balance must not be negative")
        kdf_text, salt, password_hash = new_password_columns(account.password, cost)
        conn.execute(
            "INSERT INTO accounts (number, customer_id, balance_won, password_kdf,"
            " password_salt, password_hash) VALUES (?, ?, ?, ?, ?, ?)",
            (
                parse_account_number(account.number),
                new_id,
                account.balance_won,
                kdf_text,
                salt,
                password_hash,
            ),
        )
    issue_card(conn, new_id)
    issue_device(conn, new_id)
    return new_id
