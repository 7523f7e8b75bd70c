"""Fees: debit with a ledger row, refund once, insufficient balance changes nothing."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from bank_support import KIM_ACCOUNT, KIM_PASSWORD, LEE_ACCOUNT, OpenBank, wrong_password

from mgcert.bank import (
    Bank,
    EBankingLocked,
    FeeAlreadyRefunded,
    InsufficientBalance,
    LedgerKind,
    NotRefundable,
    UnknownAccount,
    UnknownLedgerEntry,
    WrongAccountPassword,
)
from mgcert.clock import Clock
from mgcert.npki.profile import UNIVERSAL_FEE_WON


def test_debit_then_refund_shows_both_in_the_ledger(bank: Bank, clock: Clock) -> None:
    debit_id = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용 인증서 발급")
    assert bank.balance(KIM_ACCOUNT) == 1_245_600
    clock.advance(timedelta(seconds=5))
    refund_id = bank.refund_fee(debit_id, "발급 실패 환불")
    assert bank.balance(KIM_ACCOUNT) == 1_250_000
    debit, refund = bank.ledger(KIM_ACCOUNT)
    assert (debit.id, debit.kind, debit.amount_won, debit.balance_after, debit.reason) == (
        debit_id,
        LedgerKind.DEBIT,
        4_400,
        1_245_600,
        "범용 인증서 발급",
    )
    assert (refund.id, refund.kind, refund.amount_won, refund.balance_after) == (
        refund_id,
        LedgerKind.REFUND,
        4_400,
        1_250_000,
    )
    assert refund.refund_of == debit_id
    assert refund.at - debit.at == timedelta(seconds=5)


def test_double_refund_is_refused(bank: Bank) -> None:
    debit_id = bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용")
    refund_id = bank.refund_fee(debit_id, "환불")
    with pytest.raises(FeeAlreadyRefunded):
        bank.refund_fee(debit_id, "환불")
    with pytest.raises(NotRefundable):
        bank.refund_fee(refund_id, "환불의 환불")
    with pytest.raises(UnknownLedgerEntry):
        bank.refund_fee(9999, "없음")
    assert bank.balance(KIM_ACCOUNT) == 1_250_000
    assert len(bank.ledger(KIM_ACCOUNT)) == 2


def test_insufficient_balance_changes_nothing(bank: Bank) -> None:
    with pytest.raises(InsufficientBalance) as caught:
        bank.charge_fee(LEE_ACCOUNT, UNIVERSAL_FEE_WON, "범용")
    assert (caught.value.needed, caught.value.available) == (4_400, 1_000)
    assert str(caught.value) == "잔액이 부족합니다 (수수료 4,400원, 잔액 1,000원)"
    assert bank.balance(LEE_ACCOUNT) == 1_000
    assert bank.ledger(LEE_ACCOUNT) == []


def test_exact_balance_can_be_spent(bank: Bank) -> None:
    bank.charge_fee(LEE_ACCOUNT, 1_000, "전액")
    assert bank.balance(LEE_ACCOUNT) == 0


def test_locked_account_cannot_pay(bank: Bank) -> None:
    for _ in range(5):
        with pytest.raises((WrongAccountPassword, EBankingLocked)):
            bank.verify_account_password(KIM_ACCOUNT, wrong_password(KIM_PASSWORD))
    with pytest.raises(EBankingLocked):
        bank.charge_fee(KIM_ACCOUNT, UNIVERSAL_FEE_WON, "범용")
    assert bank.balance(KIM_ACCOUNT) == 1_250_000


@pytest.mark.parametrize("amount", [0, -4_400])
def test_non_positive_fee_is_a_programming_error(bank: Bank, amount: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        bank.charge_fee(KIM_ACCOUNT, amount, "?")


def test_unknown_account(bank: Bank) -> None:
    with pytest.raises(UnknownAccount):
        bank.charge_fee("9002-9999-9999-9", 100, "?")
    with pytest.raises(UnknownAccount):
        bank.ledger("9002-9999-9999-9")


def test_concurrent_charges_never_overdraw(reopen: OpenBank) -> None:
    """Two connections race for 1,000원 with 600원 each: exactly one wins."""
    banks = [reopen(), reopen()]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def pay(bank: Bank) -> None:
        barrier.wait()
        try:
            bank.charge_fee(LEE_ACCOUNT, 600, "경합")
            outcomes.append("paid")
        except InsufficientBalance:
            outcomes.append("refused")

    threads = [threading.Thread(target=pay, args=(b,)) for b in banks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["paid", "refused"]
    assert banks[0].balance(LEE_ACCOUNT) == 400
    assert [e.balance_after for e in banks[1].ledger(LEE_ACCOUNT)] == [400]
