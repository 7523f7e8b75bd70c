"""Shared data and helpers of the bank tests (imported by conftest.py and the tests)."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from mgcert.bank import DEMO_CUSTOMERS, Bank, DemoScenario, ScryptCost, demo_customer
from mgcert.bank.vault import Vault
from mgcert.home import DataHome

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


# --- certificate jobs and the checked-in bank files of older versions -------------------

JOB = "0123456789abcdef0123456789abcdef"
OTHER_JOB = "fedcba9876543210fedcba9876543210"

DATA = Path(__file__).parent / "data"


def _load_fixture_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_bank_fixture", DATA / "make_bank_fixture.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The script that made data/bank-v*.db; its constants say what the files hold.
FIXTURE = _load_fixture_module()


def install_fixture(version: int, home: DataHome) -> None:
    """Put data/bank-v<version>.db and its server secret into ``home``."""
    shutil.copyfile(DATA / f"bank-v{version}.db", home.bank_db)
    shutil.copyfile(DATA / f"bank-v{version}.bank-secret.key", home.root / "bank-secret.key")
    home.bank_db.chmod(0o600)
    (home.root / "bank-secret.key").chmod(0o600)


def query(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a read-only query straight on the file (not through the bank)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.execute(sql, params).fetchall())
    finally:
        conn.close()


def vault_of(home: DataHome) -> Vault:
    """The keys of the bank in ``home``, from its secret file (as an attacker who has
    both files would have them)."""
    return Vault((home.root / "bank-secret.key").read_bytes())
