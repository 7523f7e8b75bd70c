"""Fixtures for the bank tests: a bank on the per-test data home with a cheap scrypt.

``reopen`` gives a fresh :class:`Bank` (new connection, new objects) on the same file,
which is how the tests prove that counters and locks live in the database.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bank_support import FAST_SCRYPT, OpenBank

from mgcert.bank import Bank
from mgcert.clock import Clock
from mgcert.home import DataHome


@pytest.fixture
def reopen(home: DataHome, clock: Clock) -> Iterator[OpenBank]:
    opened: list[Bank] = []

    def open_bank() -> Bank:
        bank = Bank.open(home.bank_db, clock, kdf_cost=FAST_SCRYPT)
        opened.append(bank)
        return bank

    yield open_bank
    for bank in opened:
        bank.close()


@pytest.fixture
def bank(reopen: OpenBank) -> Bank:
    return reopen()
