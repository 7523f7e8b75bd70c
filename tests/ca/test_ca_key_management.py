"""Key-management certificates (kmCert.der): a second key certified beside the signing
one, same subject and terms, keyEncipherment + dataEncipherment; one per signing
certificate; revoked with it."""

from __future__ import annotations

import pytest
from ca_support import MakeCsr, MakeRequest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtensionOID

from mgcert.ca import (
    AlreadyRevoked,
    CertificateAuthority,
    CertificatePurpose,
    CertificateStatus,
    InvalidIssueRequest,
    UnknownSerial,
    WeakKey,
)
from mgcert.messages import ca as msg
from mgcert.npki.profile import CertificateKind

# Extensions a KM certificate repeats from its signing certificate, value for value.
SAME_AS_SIGNING = (
    ExtensionOID.AUTHORITY_KEY_IDENTIFIER,
    ExtensionOID.CERTIFICATE_POLICIES,
    ExtensionOID.SUBJECT_ALTERNATIVE_NAME,
    ExtensionOID.CRL_DISTRIBUTION_POINTS,
    ExtensionOID.AUTHORITY_INFORMATION_ACCESS,
)


@pytest.fixture(scope="module")
def km_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def other_km_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def sign(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> x509.Certificate:
    return mg_ca.issue(csr_der, make_request(CertificateKind.UNIVERSAL))


def _km(
    ca: CertificateAuthority, sign: x509.Certificate, key: rsa.RSAPrivateKey, make_csr: MakeCsr
) -> x509.Certificate:
    return ca.issue_key_management(make_csr(key), sign.serial_number)


def test_key_usage_is_for_encryption(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    km = _km(mg_ca, sign, km_key, make_csr)

    usage = km.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.key_encipherment
    assert usage.value.data_encipherment
    assert not usage.value.digital_signature
    assert not usage.value.content_commitment
    assert not usage.value.key_agreement
    assert not usage.value.key_cert_sign
    assert not usage.value.crl_sign


def test_same_subject_terms_and_extensions_as_the_signing_certificate(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    km = _km(mg_ca, sign, km_key, make_csr)

    assert km.subject == sign.subject
    assert km.issuer == sign.issuer
    assert (km.not_valid_before_utc, km.not_valid_after_utc) == (
        sign.not_valid_before_utc,
        sign.not_valid_after_utc,
    )
    for oid in SAME_AS_SIGNING:
        km_extension = km.extensions.get_extension_for_oid(oid)
        sign_extension = sign.extensions.get_extension_for_oid(oid)
        assert km_extension.value == sign_extension.value, oid
        assert km_extension.critical == sign_extension.critical, oid
    assert km.public_key() == km_key.public_key()
    assert km.serial_number != sign.serial_number
    km.verify_directly_issued_by(mg_ca.issuing_certificate)
    # Its own key id: it certifies another key.
    assert (
        km.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
        != sign.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    )


def test_the_register_links_it_to_its_signing_certificate(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    km = _km(mg_ca, sign, km_key, make_csr)

    record = mg_ca.record(km.serial_number)
    assert record is not None
    assert record.purpose is CertificatePurpose.KEY_MANAGEMENT
    assert record.sign_serial == sign.serial_number
    assert record.kind is CertificateKind.UNIVERSAL
    assert record.cn == mg_ca.record(sign.serial_number).cn  # type: ignore[union-attr]
    assert mg_ca.key_management_record(sign.serial_number) == record
    signing = mg_ca.record(sign.serial_number)
    assert signing is not None
    assert (signing.purpose, signing.sign_serial) == (CertificatePurpose.SIGNING, None)
    assert mg_ca.status(km.serial_number) is CertificateStatus.GOOD
    assert any(
        f"purpose=key_management sign={sign.serial_number:x}" in entry.detail
        for entry in mg_ca.audit_log(km.serial_number)
    )


def test_asking_again_with_the_same_key_returns_the_first(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    first = _km(mg_ca, sign, km_key, make_csr)

    assert _km(mg_ca, sign, km_key, make_csr) == first


def test_one_key_management_certificate_per_signing_certificate(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    other_km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    _km(mg_ca, sign, km_key, make_csr)

    with pytest.raises(InvalidIssueRequest, match="이미 다른 키로"):
        _km(mg_ca, sign, other_km_key, make_csr)


def test_the_signing_key_cannot_be_its_own_key_management_key(
    mg_ca: CertificateAuthority, sign: x509.Certificate, csr_der: bytes
) -> None:
    with pytest.raises(InvalidIssueRequest) as caught:
        mg_ca.issue_key_management(csr_der, sign.serial_number)
    assert caught.value.detail == msg.DETAIL_KM_SAME_KEY


def test_only_for_a_signing_certificate_of_this_ca(
    mg_ca: CertificateAuthority,
    other_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    other_km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    km = _km(mg_ca, sign, km_key, make_csr)

    with pytest.raises(InvalidIssueRequest, match="서명용 인증서에만"):
        mg_ca.issue_key_management(make_csr(other_km_key), km.serial_number)
    with pytest.raises(UnknownSerial):
        other_ca.issue_key_management(make_csr(other_km_key), sign.serial_number)


def test_not_for_a_revoked_signing_certificate(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    mg_ca.revoke(sign.serial_number, x509.ReasonFlags.superseded)

    with pytest.raises(InvalidIssueRequest, match="폐지된 인증서"):
        _km(mg_ca, sign, km_key, make_csr)


def test_a_weak_key_is_refused_as_for_signing(
    mg_ca: CertificateAuthority, sign: x509.Certificate, make_csr: MakeCsr
) -> None:
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 — refused
    with pytest.raises(WeakKey):
        _km(mg_ca, sign, small, make_csr)


# --- revocation ---------------------------------------------------------------------------


def test_revoking_the_signing_certificate_revokes_its_key_management_certificate(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    km = _km(mg_ca, sign, km_key, make_csr)

    mg_ca.revoke(sign.serial_number, x509.ReasonFlags.key_compromise)

    assert mg_ca.status(km.serial_number) is CertificateStatus.REVOKED
    sign_record, km_record = mg_ca.record(sign.serial_number), mg_ca.record(km.serial_number)
    assert sign_record is not None
    assert km_record is not None
    assert km_record.reason is x509.ReasonFlags.key_compromise
    assert km_record.revoked_at == sign_record.revoked_at
    crl = mg_ca.crl()
    for serial in (sign.serial_number, km.serial_number):
        entry = crl.get_revoked_certificate_by_serial_number(serial)
        assert entry is not None, f"{serial:x}"
    assert any(
        entry.detail == f"reason=keyCompromise with_sign={sign.serial_number:x}"
        for entry in mg_ca.audit_log(km.serial_number)
    )
    with pytest.raises(AlreadyRevoked):
        mg_ca.revoke(km.serial_number, x509.ReasonFlags.key_compromise)


def test_a_key_management_certificate_can_be_revoked_alone(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    km = _km(mg_ca, sign, km_key, make_csr)

    mg_ca.revoke(km.serial_number, x509.ReasonFlags.key_compromise)

    assert mg_ca.status(km.serial_number) is CertificateStatus.REVOKED
    assert mg_ca.status(sign.serial_number) is CertificateStatus.GOOD
    # Revoking the signing certificate later leaves the KM revocation as it was.
    mg_ca.revoke(sign.serial_number, x509.ReasonFlags.superseded)
    km_record = mg_ca.record(km.serial_number)
    assert km_record is not None
    assert km_record.reason is x509.ReasonFlags.key_compromise


def test_a_revoked_key_management_certificate_is_not_replaced(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    other_km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
) -> None:
    km = _km(mg_ca, sign, km_key, make_csr)
    mg_ca.revoke(km.serial_number, x509.ReasonFlags.key_compromise)

    with pytest.raises(InvalidIssueRequest, match="이미 다른 키로"):
        _km(mg_ca, sign, other_km_key, make_csr)


# --- the CN stays unique among signing certificates ------------------------------------


def test_a_signing_certificate_still_cannot_take_a_cn_in_use(
    mg_ca: CertificateAuthority,
    sign: x509.Certificate,
    km_key: rsa.RSAPrivateKey,
    make_csr: MakeCsr,
    csr_der: bytes,
    make_request: MakeRequest,
) -> None:
    _km(mg_ca, sign, km_key, make_csr)
    record = mg_ca.record(sign.serial_number)
    assert record is not None

    with pytest.raises(InvalidIssueRequest) as caught:
        mg_ca.issue(csr_der, make_request(cn=record.cn))
    assert caught.value.detail == msg.DETAIL_CN_TAKEN
