"""The result of 발급/재발급/갱신 carries the fee debited and the balance after it (issue 14
point 12: the 범용 completion screen confirms "수수료 4,400원 출금, 잔액 …원"); both are None
when the certificate was free."""

from __future__ import annotations

from datetime import timedelta

import pytest
from center_support import KIM, PARK, PASSWORD, demo_entry, entry, harddisk, issue, pass_identity

from mgcert.center import CertificateCenter, IssuanceResult, IssueMode
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.clock import Clock
from mgcert.npki.profile import CertificateKind

FEE = CertificateKind.UNIVERSAL.fee_won


def _assert_charged(center: CertificateCenter, result: IssuanceResult, before: int) -> None:
    assert result.fee_won == FEE
    assert result.balance_after_won == before - FEE
    assert result.balance_after_won == center.bank.balance(KIM.account)  # the bank's own


def test_universal_issue_says_the_fee_and_the_balance_after_it(center: CertificateCenter) -> None:
    before = center.bank.balance(KIM.account)
    result = issue(center, KIM, CertificateKind.UNIVERSAL)
    assert result.mode is IssueMode.NEW
    _assert_charged(center, result, before)


def test_the_balance_is_read_after_the_debit_not_at_step_one(center: CertificateCenter) -> None:
    flow = center.start_issuance(CertificateKind.UNIVERSAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    center.bank.charge_fee(KIM.account, 1_000, "다른 출금")  # meanwhile, elsewhere
    result = flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert result.balance_after_won == check.balance_won - 1_000 - FEE
    assert result.balance_after_won == center.bank.balance(KIM.account)


def test_universal_reissue_after_expiry_says_the_fee(
    center: CertificateCenter, clock: Clock
) -> None:
    issue(center, KIM, CertificateKind.UNIVERSAL)
    clock.advance(timedelta(days=366))
    before = center.bank.balance(KIM.account)
    result = issue(center, KIM, CertificateKind.UNIVERSAL)
    assert result.mode is IssueMode.REISSUE
    _assert_charged(center, result, before)


def test_universal_renewal_says_the_fee(center: CertificateCenter, clock: Clock) -> None:
    first = issue(center, KIM, CertificateKind.UNIVERSAL)
    clock.advance(timedelta(days=350))
    flow = center.start_renewal()
    flow.select(entry(center, first.serial_hex), PASSWORD)
    pass_identity(center, flow, KIM.customer_id)
    before = center.bank.balance(KIM.account)
    result = flow.renew()
    assert result.mode is IssueMode.RENEWAL
    _assert_charged(center, result, before)


@pytest.mark.parametrize("kind", [CertificateKind.GENERAL, CertificateKind.UNIVERSAL])
def test_a_free_certificate_has_no_fee_and_no_balance(
    center: CertificateCenter, kind: CertificateKind
) -> None:
    if kind is CertificateKind.UNIVERSAL:
        issue(center, KIM, kind)  # then 재발급 of the valid one is free
    before = center.bank.balance(KIM.account)
    result = issue(center, KIM, kind)
    assert (result.fee_won, result.balance_after_won) == (None, None)
    assert center.bank.balance(KIM.account) == before


def test_free_renewal_has_no_fee(center: CertificateCenter) -> None:
    flow = center.start_renewal()
    flow.select(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    pass_identity(center, flow, PARK.customer_id)
    result = flow.renew()
    assert (result.fee_won, result.balance_after_won) == (None, None)
