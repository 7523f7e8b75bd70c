"""발급 / 재발급: the center decides the mode; steps cannot be skipped; fees and refunds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from center_support import KIM, LEE, PASSWORD, entry, harddisk, issue, pass_identity, pass_method
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.bank import InsufficientBalance, WrongAccountPassword
from mgcert.ca import CertificateStatus
from mgcert.center import (
    CertificateCenter,
    IssueMode,
    IssueStage,
    MediumKind,
    MediumNotWritable,
    MediumUnavailable,
    StateChanged,
    StepsIncomplete,
    TermsNotAgreed,
)
from mgcert.center.identity_methods import IdentityMethod
from mgcert.clock import Clock
from mgcert.npki import storage
from mgcert.npki.keyfile import decrypt_private_key
from mgcert.npki.password_rule import WeakPassword
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import verify_vid


def _issued_count(center: CertificateCenter) -> int:
    return sum(1 for line in center.mg_ca.audit_log() if line.action == "issue")


def test_new_issue_writes_npki_files_with_matching_vid(center: CertificateCenter) -> None:
    stages: list[IssueStage] = []
    flow = center.start_issuance(CertificateKind.GENERAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert (check.mode, check.fee_won, check.name) == (IssueMode.NEW, 0, KIM.name)
    assert check.masked_rrn == "850315-1******"
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    result = flow.issue(harddisk(center), PASSWORD, PASSWORD, stages.append)

    assert stages == list(IssueStage)
    assert result.mode is IssueMode.NEW
    stored = storage.load_certificate(result.folder)
    key = decrypt_private_key(storage.read_key_file(stored), PASSWORD)
    assert key.random_num is not None
    assert verify_vid(stored.certificate, "8503151000010", key.random_num)
    public_key = stored.certificate.public_key()
    assert isinstance(public_key, rsa.RSAPublicKey)
    assert key.private_key.public_key().public_numbers() == public_key.public_numbers()
    registration = center.bank.registration("MGSIM", stored.certificate.serial_number)
    assert registration is not None
    assert registration.customer_id == KIM.customer_id


def test_reissue_keeps_expiry_is_free_and_revokes_previous(
    center: CertificateCenter, clock: Clock
) -> None:
    first = issue(center, KIM)
    clock.advance(timedelta(days=40))
    flow = center.start_issuance(CertificateKind.GENERAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert check.mode is IssueMode.REISSUE
    assert check.fee_won == 0
    assert "재발급" in check.mode_reason
    flow.agree_terms(True)
    pass_identity(
        center, flow, KIM.customer_id, phone=IdentityMethod.SMS, second=IdentityMethod.OTP
    )
    second = flow.issue(center.medium(MediumKind.PHONE), PASSWORD, PASSWORD)

    assert second.mode is IssueMode.REISSUE
    assert second.not_after == first.not_after
    assert second.replaced_serial_hex == first.serial_hex
    old_serial = int(first.serial_hex, 16)
    assert center.mg_ca.status(old_serial) is CertificateStatus.REVOKED
    revoked = center.mg_ca.crl().get_revoked_certificate_by_serial_number(old_serial)
    assert revoked is not None
    assert center.bank.registration("MGSIM", old_serial) is None


def test_after_user_revocation_issuing_again_is_reissue(center: CertificateCenter) -> None:
    first = issue(center, KIM)
    center.revoke_certificate(entry(center, first.serial_hex), PASSWORD)
    flow = center.start_issuance(CertificateKind.GENERAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert check.mode is IssueMode.REISSUE
    assert "폐기된" in check.mode_reason
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    again = flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert again.not_after == first.not_after


def test_after_expiry_issuing_is_reissue_with_a_fresh_year(
    center: CertificateCenter, clock: Clock
) -> None:
    # The seed's table: 인증서 재발급 = "인증서의 유효기간이 만료된 경우", not a new 발급.
    first = issue(center, KIM)
    clock.advance(timedelta(days=366))
    flow = center.start_issuance(CertificateKind.GENERAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert check.mode is IssueMode.REISSUE
    assert "재발급" in check.mode_reason
    assert "신규" not in check.mode_reason
    assert "새로 발급" not in check.mode_reason
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    again = flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert again.mode is IssueMode.REISSUE
    assert again.not_after > first.not_after + timedelta(days=360)  # 1 year from today
    assert again.replaced_serial_hex is None  # nothing valid left to revoke


def test_universal_reissue_after_expiry_charges_the_fee(
    center: CertificateCenter, clock: Clock
) -> None:
    issue(center, KIM, CertificateKind.UNIVERSAL)
    clock.advance(timedelta(days=366))
    flow = center.start_issuance(CertificateKind.UNIVERSAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert (check.mode, check.fee_won) == (IssueMode.REISSUE, 4_400)


def test_never_held_is_new_issue(center: CertificateCenter) -> None:
    flow = center.start_issuance(CertificateKind.GENERAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert check.mode is IssueMode.NEW
    assert "신규" in check.mode_reason


def test_general_certificate_does_not_make_universal_a_reissue(center: CertificateCenter) -> None:
    issue(center, KIM, CertificateKind.GENERAL)
    flow = center.start_issuance(CertificateKind.UNIVERSAL)
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert (check.mode, check.fee_won) == (IssueMode.NEW, 4_400)


def test_universal_fee_is_debited(center: CertificateCenter) -> None:
    before = center.bank.balance(KIM.account)
    result = issue(center, KIM, CertificateKind.UNIVERSAL)
    assert result.fee_won == 4_400
    assert center.bank.balance(KIM.account) == before - 4_400
    assert [line.amount_won for line in center.bank.ledger(KIM.account)] == [4_400]


def test_insufficient_balance_stops_before_anything_is_issued(center: CertificateCenter) -> None:
    issued_before = _issued_count(center)
    flow = center.start_issuance(CertificateKind.UNIVERSAL)
    with pytest.raises(InsufficientBalance):
        flow.enter_customer(LEE.rrn, LEE.account, LEE.account_password)
    assert _issued_count(center) == issued_before
    assert center.bank.balance(LEE.account) == 1_000


def test_fee_is_refunded_when_the_ca_fails(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    flow = center.start_issuance(CertificateKind.UNIVERSAL)
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    before = center.bank.balance(KIM.account)

    def broken(*_: object) -> x509.Certificate:
        raise OSError("CA down")

    monkeypatch.setattr(center.mg_ca, "issue", broken)
    with pytest.raises(OSError, match="CA down"):
        flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert center.bank.balance(KIM.account) == before
    kinds = [line.kind.value for line in center.bank.ledger(KIM.account)]
    assert kinds == ["debit", "refund"]


@pytest.mark.parametrize("skip", ["customer", "terms", "phone", "second"])
def test_issue_refuses_until_every_step_is_done(center: CertificateCenter, skip: str) -> None:
    flow = center.start_issuance(CertificateKind.GENERAL)
    if skip != "customer":
        flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
        if skip != "terms":
            flow.agree_terms(True)
        if skip != "phone":
            pass_method(center, flow, KIM.customer_id, IdentityMethod.ARS)
        if skip != "second":
            pass_method(center, flow, KIM.customer_id, IdentityMethod.OTP)
    issued_before = _issued_count(center)
    with pytest.raises(StepsIncomplete) as raised:
        flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert raised.value.missing
    assert _issued_count(center) == issued_before


def test_terms_must_be_agreed(center: CertificateCenter) -> None:
    flow = center.start_issuance(CertificateKind.GENERAL)
    with pytest.raises(TermsNotAgreed):
        flow.agree_terms(False)


def test_wrong_account_password_is_the_banks_error(center: CertificateCenter) -> None:
    flow = center.start_issuance(CertificateKind.GENERAL)
    with pytest.raises(WrongAccountPassword):
        flow.enter_customer(KIM.rrn, KIM.account, "0000")


def test_weak_password_is_refused_before_the_ca_issues(center: CertificateCenter) -> None:
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    issued_before = _issued_count(center)
    with pytest.raises(WeakPassword):
        flow.issue(harddisk(center), "short1!", "short1!")
    assert _issued_count(center) == issued_before


def test_token_and_missing_usb_are_refused_before_the_ca_issues(
    center: CertificateCenter, tmp_path: Path
) -> None:
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    issued_before = _issued_count(center)
    with pytest.raises(MediumUnavailable):
        flow.issue(center.medium(MediumKind.TOKEN), PASSWORD, PASSWORD)
    with pytest.raises(MediumNotWritable):
        flow.check_medium(center.removable(tmp_path / "no-usb-here"))
    with pytest.raises(MediumNotWritable):
        flow.issue(center.removable(tmp_path / "no-usb-here"), PASSWORD, PASSWORD)
    assert _issued_count(center) == issued_before


def test_expiry_between_steps_is_caught(center: CertificateCenter, clock: Clock) -> None:
    issue(center, KIM)
    clock.advance(timedelta(days=360))
    flow = center.start_issuance(CertificateKind.GENERAL)
    assert flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password).mode is IssueMode.REISSUE
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    clock.advance(timedelta(days=10))  # the old certificate runs out meanwhile
    with pytest.raises(StateChanged):
        flow.issue(harddisk(center), PASSWORD, PASSWORD)
