"""Shared data and helpers of the bank tests (imported by conftest.py and the tests)."""

from __future__ import annotations

from collections.abc import Callable

from mgcert.bank import DEMO_CUSTOMERS, Bank, DemoScenario, ScryptCost, demo_customer

# Cheap scrypt for tests; rows record their cost, and test_bank_open.py proves that a
# bank opened without ``kdf_cost`` writes the default (n=2**14, r=8, p=1).
FAST_SCRYPT = ScryptCost(n=2**4, r=1, p=1)

KIM = demo_customer(DemoScenario.ORDINARY)  # 1,250,000원
LEE = demo_customer(DemoScenario.LOW_BALANCE)  # 1,000원
PARK = demo_customer(DemoScenario.EXPIRING_SOON)
NGUYEN = demo_customer(DemoScenario.FOREIGNER)

DEMO_PASSWORDS = tuple(a.password for c in DEMO_CUSTOMERS for a in c.accounts)
KIM_ACCOUNT = KIM.accounts[0].number
KIM_PASSWORD = KIM.accounts[0].password
LEE_ACCOUNT = LEE.accounts[0].number

# A PIN that is not trivial; used where any valid PIN will do.
PIN = "739184"
OTHER_PIN = "582047"

OpenBank = Callable[[], Bank]


def wrong_password(right: str) -> str:
    """A 4-digit password that is not ``right``."""
    return "0000" if right != "0000" else "1111"


def wrong_code(*right: str, digits: int = 6) -> str:
    """A code of ``digits`` digits that is none of ``right``."""
    for n in range(10**digits):
        candidate = f"{n:0{digits}d}"
        if candidate not in right:
            return candidate
    raise AssertionError("no wrong code left")
