"""Opening a customer: the customer row, their accounts, a 보안카드 and an OTP device."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from mgcert.bank import kdf
from mgcert.bank.account_password import new_password_columns
from mgcert.bank.customers import parse_account_number, parse_rrn
from mgcert.bank.otp import issue_device
from mgcert.bank.security_card import issue_card
from mgcert.bank.vault import Vault, rrn_aad


@dataclass(frozen=True)
class NewAccount:
    """An account to open; the plain password is hashed at once and never stored."""

    number: str
    balance_won: int
    password: str = field(repr=False)  # never in a log line or traceback


def open_customer(
    conn: sqlite3.Connection,
    vault: Vault,
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
    rrn13 = parse_rrn(rrn)
    if customer_id is None:
        # The id is sealed into the RRN's associated data, so it is chosen first
        # (inside the caller's write transaction: no other writer can take it).
        customer_id = int(
            conn.execute("SELECT coalesce(max(id), 0) + 1 FROM customers").fetchone()[0]
        )
    conn.execute(
        "INSERT INTO customers (id, name, rrn_hmac, rrn_enc, phone, number)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            customer_id,
            name,
            vault.rrn_index(rrn13),
            vault.seal(rrn13.encode("ascii"), rrn_aad(customer_id)),
            phone,
            number,
        ),
    )
    for account in accounts:
        if account.balance_won < 0:
            raise ValueError("balance must not be negative")
        account_number = parse_account_number(account.number)
        kdf_text, salt, password_hash = new_password_columns(
            vault, account_number, account.password, cost
        )
        conn.execute(
            "INSERT INTO accounts (number, customer_id, balance_won, password_kdf,"
            " password_salt, password_hash) VALUES (?, ?, ?, ?, ?, ?)",
            (account_number, customer_id, account.balance_won, kdf_text, salt, password_hash),
        )
    issue_card(conn, customer_id)
    issue_device(conn, vault, customer_id)
    return customer_id
