"""Customers and accounts: lookups by 주민등록번호 + account, and garbage input."""

from __future__ import annotations

import sqlite3

import pytest
from bank_support import KIM, KIM_ACCOUNT, LEE, LEE_ACCOUNT

from mgcert.bank import (
    DEMO_CUSTOMERS,
    AccountMismatch,
    Bank,
    InvalidAccountNumberFormat,
    InvalidResidentNumberFormat,
    NewAccount,
    UnknownAccount,
    UnknownCustomer,
)


def test_find_customer_by_rrn_and_account(bank: Bank) -> None:
    customer = bank.find_customer(KIM.rrn, KIM_ACCOUNT)
    assert (customer.id, customer.name, customer.rrn) == (KIM.customer_id, "김민준", KIM.rrn)
    assert customer.masked_rrn == "850315-1******"
    # Hyphenated 주민등록번호 and an unhyphenated account number are accepted too.
    hyphenated = f"{KIM.rrn[:6]}-{KIM.rrn[6:]}"
    assert bank.find_customer(hyphenated, KIM_ACCOUNT.replace("-", "")) == customer


def test_unknown_rrn(bank: Bank) -> None:
    with pytest.raises(UnknownCustomer):
        bank.find_customer("9001011234568", KIM_ACCOUNT)


def test_someone_elses_account(bank: Bank) -> None:
    with pytest.raises(AccountMismatch) as caught:
        bank.find_customer(KIM.rrn, LEE_ACCOUNT)
    assert "본인 명의" in str(caught.value)


def test_account_that_does_not_exist(bank: Bank) -> None:
    with pytest.raises(UnknownAccount):
        bank.find_customer(KIM.rrn, "9002-9999-9999-9")


@pytest.mark.parametrize(
    "rrn",
    ["", "850315", "85031510000101", "850315-100001", "85031５1000010", "8503151OOOO10", "abc"],
)
def test_malformed_rrn(bank: Bank, rrn: str) -> None:
    with pytest.raises(InvalidResidentNumberFormat):
        bank.find_customer(rrn, KIM_ACCOUNT)


@pytest.mark.parametrize(
    "account", ["", "9002-0000-0001", "90020000000111", "9002 0000 0001 1x", "٩٠٠٢٠٠٠٠٠٠٠١١"]
)
def test_malformed_account_number(bank: Bank, account: str) -> None:
    with pytest.raises(InvalidAccountNumberFormat):
        bank.find_customer(KIM.rrn, account)


def test_accounts_and_balances(bank: Bank) -> None:
    accounts = bank.accounts(KIM.customer_id)
    assert [(a.number, a.balance_won) for a in accounts] == [
        (a.number, a.balance_won) for a in KIM.accounts
    ]
    assert bank.balance(LEE_ACCOUNT) == 1_000
    assert bank.account(LEE_ACCOUNT).customer_id == LEE.customer_id


def test_unknown_customer_id_everywhere(bank: Bank) -> None:
    for call in (
        lambda: bank.customer(999),
        lambda: bank.accounts(999),
        lambda: bank.start_ars(999),
        lambda: bank.send_sms(999),
        lambda: bank.security_card(999),
        lambda: bank.otp_code(999),
        lambda: bank.lock_state(999),
        lambda: bank.unlock(999),
        lambda: bank.cloud_has(999),
        lambda: bank.registrations(999),
    ):
        with pytest.raises(UnknownCustomer):
            call()


def test_add_customer_gets_card_and_otp(bank: Bank) -> None:
    customer = bank.add_customer(
        name="최유나",
        rrn="0109154000001",
        phone="010-0000-1005",
        number=10000005,
        accounts=(NewAccount("9002-0000-0005-5", 50_000, "8642"),),
    )
    assert bank.find_customer("010915-4000001", "9002000000055") == customer
    bank.verify_account_password("9002-0000-0005-5", "8642")
    assert len(bank.security_card(customer.id).cells) == 35
    assert len(bank.otp_code(customer.id).code) == 6
    assert customer in bank.customers()


def test_a_customer_record_does_not_show_the_rrn_when_printed(bank: Bank) -> None:
    customer = bank.customer(KIM.customer_id)
    assert customer.rrn == KIM.rrn
    assert KIM.rrn not in repr(customer)
    assert KIM.rrn not in str([customer])
    assert customer.masked_rrn == "850315-1******"


def test_added_customers_take_the_next_id_and_keep_their_rrn(bank: Bank) -> None:
    first = bank.add_customer(
        name="추가일",
        rrn="9501011000018",
        phone="010-0000-2001",
        number=30_000_001,
        accounts=(NewAccount("9002-0000-2001-1", 1_000, "2468"),),
    )
    second = bank.add_customer(
        name="추가이",
        rrn="950102-2000019",
        phone="010-0000-2002",
        number=30_000_002,
        accounts=(NewAccount("9002-0000-2002-2", 1_000, "1357"),),
    )
    assert (first.id, second.id) == (len(DEMO_CUSTOMERS) + 1, len(DEMO_CUSTOMERS) + 2)
    assert bank.customer(second.id).rrn == "9501022000019"
    assert bank.find_customer("9501022000019", "9002-0000-2002-2") == second
    with pytest.raises(sqlite3.IntegrityError):  # one customer per 주민등록번호
        bank.add_customer(
            name="중복",
            rrn="9501011000018",
            phone="010-0000-2003",
            number=30_000_003,
            accounts=(NewAccount("9002-0000-2003-3", 1_000, "1111"),),
        )
