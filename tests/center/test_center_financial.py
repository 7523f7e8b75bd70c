"""금융인증서: PIN twice, trivial PINs refused before issuing, cloud storage, reissue."""

from __future__ import annotations

import pytest
from center_support import KIM, pass_identity
from cryptography import x509
from cryptography.hazmat.primitives.serialization import load_der_private_key

from mgcert.bank import NoCloudCertificate, PinLocked, TrivialPin, WrongPin
from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, FinancialFlow, IssueMode, PinMismatch, StepsIncomplete
from mgcert.center.financial import open_cloud_pair
from mgcert.center.identity_methods import IdentityMethod
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import verify_vid

PIN = "480327"


def _ready(center: CertificateCenter) -> FinancialFlow:
    flow = center.start_financial()
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    return flow


def _issued(center: CertificateCenter) -> int:
    return sum(1 for line in center.mg_ca.audit_log() if line.action == "issue")


def test_financial_certificate_is_stored_in_the_cloud(center: CertificateCenter) -> None:
    result = _ready(center).issue(PIN, PIN)
    assert result.mode is IssueMode.NEW
    cert_der, key_der = open_cloud_pair(center.bank, KIM.customer_id, PIN)
    cert = x509.load_der_x509_certificate(cert_der)
    assert format(cert.serial_number, "x") == result.serial_hex
    years = cert.not_valid_after_utc.year - cert.not_valid_before_utc.year
    assert years == 3
    assert key_der  # the PKCS #8 key with its randomNum
    registration = center.bank.registration("MGSIM", cert.serial_number)
    assert registration is not None
    assert registration.kind is CertificateKind.FINANCIAL
    info = center.financial_certificate(KIM.customer_id)
    assert info is not None
    assert info.serial == cert.serial_number


def test_pin_must_match_and_not_be_trivial_before_the_ca_issues(
    center: CertificateCenter,
) -> None:
    flow = _ready(center)
    before = _issued(center)
    with pytest.raises(PinMismatch):
        flow.issue(PIN, "480328")
    with pytest.raises(TrivialPin):
        flow.issue("123456", "123456")
    assert _issued(center) == before


def test_financial_needs_identity_steps(center: CertificateCenter) -> None:
    flow = center.start_financial()
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    with pytest.raises(StepsIncomplete):
        flow.issue(PIN, PIN)


def test_financial_reissue_replaces_and_revokes(center: CertificateCenter) -> None:
    first = _ready(center).issue(PIN, PIN)
    flow = center.start_financial()
    check = flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert check.mode is IssueMode.REISSUE
    flow.agree_terms(True)
    pass_identity(
        center, flow, KIM.customer_id, phone=IdentityMethod.SMS, second=IdentityMethod.OTP
    )
    second = flow.issue("902741", "902741")
    assert second.replaced_serial_hex == first.serial_hex
    assert center.mg_ca.status(int(first.serial_hex, 16)) is CertificateStatus.REVOKED
    cert_der, _ = open_cloud_pair(center.bank, KIM.customer_id, "902741")
    assert format(x509.load_der_x509_certificate(cert_der).serial_number, "x") == second.serial_hex


def test_cloud_payload_key_carries_the_vid_random_num(center: CertificateCenter) -> None:
    _ready(center).issue(PIN, PIN)
    cert_der, key_der = open_cloud_pair(center.bank, KIM.customer_id, PIN)
    assert load_der_private_key(key_der, None) is not None
    # The randomNum attribute is the last element: BIT STRING (03), 21 bytes, 0 unused.
    assert key_der[-23:-20] == b"\x03\x15\x00"
    random_num = key_der[-20:]
    assert verify_vid(x509.load_der_x509_certificate(cert_der), "8503151000010", random_num)


def test_open_financial_with_pin_and_lockout(center: CertificateCenter) -> None:
    with pytest.raises(NoCloudCertificate):
        center.open_financial(KIM.customer_id, PIN)
    issued = _ready(center).issue(PIN, PIN)
    opened = center.open_financial(KIM.customer_id, PIN)
    assert (opened.name, opened.serial_hex) == (KIM.name, issued.serial_hex)
    assert opened.status.value == "valid"
    assert opened.registered
    for remaining in (4, 3, 2, 1):
        with pytest.raises(WrongPin) as wrong:
            center.open_financial(KIM.customer_id, "902741")
        assert wrong.value.remaining == remaining
    with pytest.raises(PinLocked):
        center.open_financial(KIM.customer_id, "902741")
    with pytest.raises(PinLocked):
        center.open_financial(KIM.customer_id, PIN)
