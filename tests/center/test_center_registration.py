"""타기관 인증서 등록 / 해제: VID against the typed 주민등록번호; refusals with reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from center_support import KIM, LEE, PASSWORD, demo_entry, harddisk, pass_identity
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID

from mgcert.bank import AccountMismatch
from mgcert.center import (
    AlreadyRegistered,
    CertificateCenter,
    CertificateEntry,
    CertificateExpired,
    CertificateRevoked,
    NotRegistered,
    StepsIncomplete,
    UnknownIssuer,
    VidMismatch,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.clock import Clock
from mgcert.npki import storage
from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.keys import generate_key_pair


def _other(center: CertificateCenter) -> CertificateEntry:
    return center.simulator.make_other_institution_certificate(
        KIM.customer_id, harddisk(center), PASSWORD
    )


def test_other_institution_certificate_is_registered(center: CertificateCenter) -> None:
    other = _other(center)
    assert (other.issuer_org, other.registered) == ("OTHERSIM", False)
    flow = center.start_registration()
    flow.select(other, PASSWORD)
    owner = flow.verify_owner(KIM.rrn)
    assert owner.customer_id == KIM.customer_id
    flow.enter_account(KIM.account, KIM.account_password)
    with pytest.raises(StepsIncomplete):
        flow.register()
    pass_identity(center, flow, KIM.customer_id)
    result = flow.register()
    assert result.issuer_org == "OTHERSIM"
    registration = center.bank.registration("OTHERSIM", other.serial)
    assert registration is not None
    assert registration.origin.value == "other"
    assert center.refresh(other).registered

    center.unregister(center.refresh(other), PASSWORD)
    assert center.bank.registration("OTHERSIM", other.serial) is None
    with pytest.raises(NotRegistered):
        center.unregister(center.refresh(other), PASSWORD)


def test_someone_elses_resident_number_does_not_match_the_vid(center: CertificateCenter) -> None:
    flow = center.start_registration()
    flow.select(_other(center), PASSWORD)
    with pytest.raises(VidMismatch):
        flow.verify_owner(LEE.rrn)


def test_account_must_belong_to_the_owner(center: CertificateCenter) -> None:
    flow = center.start_registration()
    flow.select(_other(center), PASSWORD)
    flow.verify_owner(KIM.rrn)
    with pytest.raises(AccountMismatch):
        flow.enter_account(LEE.account, LEE.account_password)


def test_revoked_certificate_is_refused(center: CertificateCenter) -> None:
    other = _other(center)
    center.other_ca.revoke(other.serial, x509.ReasonFlags.key_compromise)
    with pytest.raises(CertificateRevoked):
        center.start_registration().select(other, PASSWORD)


def test_expired_certificate_is_refused(center: CertificateCenter, clock: Clock) -> None:
    other = _other(center)
    clock.advance(timedelta(days=400))
    with pytest.raises(CertificateExpired):
        center.start_registration().select(other, PASSWORD)


def test_already_registered_certificate_is_refused(center: CertificateCenter) -> None:
    with pytest.raises(AlreadyRegistered):
        center.start_registration().select(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)


def test_unknown_ca_is_refused(center: CertificateCenter) -> None:
    key = generate_key_pair()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "가짜()0000")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=3650))
        .not_valid_after(now + timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    storage.write_certificate(
        harddisk(center).root,
        "FAKECA",
        "cn=가짜()0000,o=FAKECA,c=kr",
        cert.public_bytes(serialization.Encoding.DER),
        encrypt_private_key(key, PASSWORD, new_random_num(), iterations=2048),
    )
    fake = next(e for e in center.list_certificates(harddisk(center)).entries if e.issuer_org == "")
    with pytest.raises(UnknownIssuer):
        center.start_registration().select(fake, PASSWORD)
    report = center.login_check(fake, PASSWORD)
    assert not report.ok
    assert [c.passed for c in report.checks][1] is False  # chain
