"""Demo customers, created once in a fresh bank database.

Every value is fake. The 주민등록번호 have a real birth date, a correct 7th digit and
a valid check digit, but an obviously made-up serial (``1000010``); the phone numbers
use the unassigned ``010-0000`` block. The plain account passwords exist only as
constants here (the simulator panel shows them); the database holds peppered scrypt
hashes, and the 주민등록번호 sealed (vault.py).

| 이름 | 주민등록번호 | 휴대폰 | 계좌번호 | 비밀번호 | 잔액 | 시나리오 |
|---|---|---|---|---|---|---|
| 김민준 | 850315-1000010 | 010-0000-1001 | 9002-0000-0001-1 | 1234 | 1,250,000원 | 일반 |
| | | | 9003-0000-0001-5 | 9876 | 30,000원 | (2번째 계좌) |
| 이서연 | 920728-2000001 | 010-0000-1002 | 9002-0000-0002-2 | 4321 | 1,000원 | 잔액 부족 |
| 박지훈 | 780512-1000008 | 010-0000-1003 | 9002-0000-0003-3 | 2580 | 530,000원 | 만료 20일 전 |
| NGUYEN VAN AN | 880204-5000003 | 010-0000-1004 | 9002-0000-0004-4 | 1357 | 320,000원 | 외국인 |

고객번호 are 10000001–10000004 in table order. 잔액 부족: 1,000원 is less than the
범용 fee (4,400원). 만료 20일 전: renewal (갱신) is open. 외국인: 7th digit 5.

The bank only marks 박지훈 (:attr:`DemoScenario.EXPIRING_SOON`,
``certificate_days_left``); the center layer issues his certificate. Each customer
also gets a 보안카드 and an OTP device, random per data home (shown in the simulator).
"""

from __future__ import annotations

import enum
import sqlite3
from dataclasses import dataclass

from mgcert.bank import kdf
from mgcert.bank.models import format_rrn
from mgcert.bank.onboarding import NewAccount, open_customer
from mgcert.bank.vault import Vault
from mgcert.messages import bank as msg

EXPIRING_CERTIFICATE_DAYS = 20


class DemoScenario(enum.Enum):
    """What each demo customer is for."""

    ORDINARY = "ordinary"
    LOW_BALANCE = "low_balance"
    EXPIRING_SOON = "expiring_soon"
    FOREIGNER = "foreigner"


@dataclass(frozen=True)
class DemoAccount:
    """A demo account as created (initial balance, plain password constant)."""

    number: str
    password: str
    balance_won: int


@dataclass(frozen=True)
class DemoCustomer:
    """A fixed demo customer (constants; the db id equals ``customer_id``)."""

    customer_id: int
    name: str
    rrn: str  # 13 digits
    phone: str
    number: int
    accounts: tuple[DemoAccount, ...]
    scenario: DemoScenario
    certificate_days_left: int | None = None


DEMO_CUSTOMERS: tuple[DemoCustomer, ...] = (
    DemoCustomer(
        customer_id=1,
        name="김민준",
        rrn="8503151000010",
        phone="010-0000-1001",
        number=10000001,
        accounts=(
            DemoAccount("9002-0000-0001-1", "1234", 1_250_000),
            DemoAccount("9003-0000-0001-5", "9876", 30_000),
        ),
        scenario=DemoScenario.ORDINARY,
    ),
    DemoCustomer(
        customer_id=2,
        name="이서연",
        rrn="9207282000001",
        phone="010-0000-1002",
        number=10000002,
        accounts=(DemoAccount("9002-0000-0002-2", "4321", 1_000),),
        scenario=DemoScenario.LOW_BALANCE,
    ),
    DemoCustomer(
        customer_id=3,
        name="박지훈",
        rrn="7805121000008",
        phone="010-0000-1003",
        number=10000003,
        accounts=(DemoAccount("9002-0000-0003-3", "2580", 530_000),),
        scenario=DemoScenario.EXPIRING_SOON,
        certificate_days_left=EXPIRING_CERTIFICATE_DAYS,
    ),
    DemoCustomer(
        customer_id=4,
        name="NGUYEN VAN AN",
        rrn="8802045000003",
        phone="010-0000-1004",
        number=10000004,
        accounts=(DemoAccount("9002-0000-0004-4", "1357", 320_000),),
        scenario=DemoScenario.FOREIGNER,
    ),
)


@dataclass(frozen=True)
class DemoAccountSheet:
    """One account line of a data sheet."""

    number: str
    password: str
    balance_won: int  # current balance (fees change it)


@dataclass(frozen=True)
class DemoCustomerSheet:
    """The unmasked data sheet the simulator panel shows for one demo customer."""

    customer_id: int
    name: str
    rrn: str  # formatted 900101-1234567
    phone: str
    customer_number: int
    accounts: tuple[DemoAccountSheet, ...]
    scenario: DemoScenario
    note: str  # what the customer is for, shown under the panel's 고객 table
    certificate_days_left: int | None


def demo_customer(scenario: DemoScenario) -> DemoCustomer:
    """The demo customer playing ``scenario``."""
    return next(c for c in DEMO_CUSTOMERS if c.scenario is scenario)


def note(customer: DemoCustomer) -> str:
    """The panel's 메모 text for a demo customer."""
    if customer.scenario is DemoScenario.LOW_BALANCE:
        return msg.DEMO_NOTE_LOW_BALANCE
    if customer.scenario is DemoScenario.EXPIRING_SOON:
        return msg.DEMO_NOTE_EXPIRING.format(days=customer.certificate_days_left)
    if customer.scenario is DemoScenario.FOREIGNER:
        return msg.DEMO_NOTE_FOREIGNER
    return msg.DEMO_NOTE_ORDINARY


def install(conn: sqlite3.Connection, vault: Vault, cost: kdf.ScryptCost) -> None:
    """Create the demo customers (inside the transaction that creates the file)."""
    for customer in DEMO_CUSTOMERS:
        open_customer(
            conn,
            vault,
            customer_id=customer.customer_id,
            name=customer.name,
            rrn=customer.rrn,
            phone=customer.phone,
            number=customer.number,
            accounts=tuple(
                NewAccount(a.number, a.balance_won, a.password) for a in customer.accounts
            ),
            cost=cost,
        )


def sheets(conn: sqlite3.Connection) -> list[DemoCustomerSheet]:
    """Sheets for the demo customers still present, with current balances."""
    result = []
    for customer in DEMO_CUSTOMERS:
        if conn.execute("SELECT 1 FROM customers WHERE id = ?", (customer.customer_id,)).fetchone():
            accounts = []
            for account in customer.accounts:
                row = conn.execute(
                    "SELECT balance_won FROM accounts WHERE number = ?", (account.number,)
                ).fetchone()
                balance = account.balance_won if row is None else row["balance_won"]
                accounts.append(DemoAccountSheet(account.number, account.password, balance))
            result.append(
                DemoCustomerSheet(
                    customer_id=customer.customer_id,
                    name=customer.name,
                    rrn=format_rrn(customer.rrn),
                    phone=customer.phone,
                    customer_number=customer.number,
                    accounts=tuple(accounts),
                    scenario=customer.scenario,
                    note=note(customer),
                    certificate_days_left=customer.certificate_days_left,
                )
            )
    return result
