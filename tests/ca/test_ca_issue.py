"""Issuing from a CSR: the certificate follows the NPKI profile (NPKI.md)."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

import pytest
from ca_support import Holder, MakeCsr, MakeRequest, OpenCa
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID

from mgcert.ca import (
    MG_CA_PROFILE,
    CertificateAuthority,
    CsrSignatureInvalid,
    InvalidCsr,
    InvalidIssueRequest,
    WeakKey,
)
from mgcert.clock import KST, Clock
from mgcert.messages import ca as msg
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import read_identify_data, verify_vid


@pytest.fixture(scope="module")
def general_cert(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> x509.Certificate:
    return mg_ca.issue(csr_der, make_request(CertificateKind.GENERAL))


def test_subject_is_decided_by_the_ca_not_the_csr(
    general_cert: x509.Certificate, holder: Holder
) -> None:
    [cn] = general_cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert re.fullmatch(re.escape(holder.cn) + r"[0-9]{9}", str(cn.value))
    assert general_cert.subject.rfc4514_string() == (
        f"CN={cn.value},OU=MG,OU=personal4IB,O=MGSIM,C=kr"
    )
    assert [attribute.oid for attribute in general_cert.subject] == [
        NameOID.COUNTRY_NAME,
        NameOID.ORGANIZATION_NAME,
        NameOID.ORGANIZATIONAL_UNIT_NAME,
        NameOID.ORGANIZATIONAL_UNIT_NAME,
        NameOID.COMMON_NAME,
    ]


def test_issuer_is_the_issuing_ca(
    general_cert: x509.Certificate, mg_ca: CertificateAuthority
) -> None:
    assert general_cert.issuer.rfc4514_string() == (
        "CN=MGSIM TEST Class 1,OU=AccreditedCA,O=MGSIM,C=kr"
    )
    general_cert.verify_directly_issued_by(mg_ca.issuing_certificate)


def test_key_and_signature_algorithm(
    general_cert: x509.Certificate, subscriber_key: rsa.RSAPrivateKey
) -> None:
    assert general_cert.public_key() == subscriber_key.public_key()
    assert isinstance(general_cert.signature_hash_algorithm, hashes.SHA256)
    assert general_cert.signature_algorithm_oid.dotted_string == "1.2.840.113549.1.1.11"
    assert general_cert.version is x509.Version.v3


def test_serial_is_positive_and_fits_20_bytes(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    serials = {mg_ca.issue(csr_der, make_request()).serial_number for _ in range(5)}
    assert len(serials) == 5
    for serial in serials:
        assert 0 < serial < 2**159  # DER INTEGER of at most 20 bytes with a 0 sign bit


def test_key_usage_is_critical_signature_and_non_repudiation(
    general_cert: x509.Certificate,
) -> None:
    extension = general_cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert extension.critical
    usage = extension.value
    assert usage.digital_signature
    assert usage.content_commitment
    others = (
        usage.key_encipherment,
        usage.data_encipherment,
        usage.key_agreement,
        usage.key_cert_sign,
        usage.crl_sign,
    )
    assert others == (False,) * len(others)


def test_no_basic_constraints_and_no_extended_key_usage(general_cert: x509.Certificate) -> None:
    with pytest.raises(x509.ExtensionNotFound):
        general_cert.extensions.get_extension_for_class(x509.BasicConstraints)
    with pytest.raises(x509.ExtensionNotFound):
        general_cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage)


def test_exact_extension_set(general_cert: x509.Certificate) -> None:
    assert {type(extension.value) for extension in general_cert.extensions} == {
        x509.AuthorityKeyIdentifier,
        x509.SubjectKeyIdentifier,
        x509.KeyUsage,
        x509.CertificatePolicies,
        x509.SubjectAlternativeName,
        x509.CRLDistributionPoints,
        x509.AuthorityInformationAccess,
    }


def test_key_identifiers(general_cert: x509.Certificate, mg_ca: CertificateAuthority) -> None:
    ski = general_cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert ski == x509.SubjectKeyIdentifier.from_public_key(general_cert.public_key())
    aki = general_cert.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    issuer_ski = mg_ca.issuing_certificate.extensions.get_extension_for_class(
        x509.SubjectKeyIdentifier
    ).value
    assert aki.key_identifier == issuer_ski.digest


@pytest.mark.parametrize(
    ("kind", "policy"),
    [
        (CertificateKind.GENERAL, "1.2.410.200005.1.1.4"),
        (CertificateKind.UNIVERSAL, "1.2.410.200005.1.1.1"),
        (CertificateKind.FINANCIAL, "1.2.410.200005.1.1.6.8"),
    ],
)
def test_policy_is_critical_with_oid_of_kind_cps_and_test_notice(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    kind: CertificateKind,
    policy: str,
) -> None:
    certificate = mg_ca.issue(csr_der, make_request(kind))
    extension = certificate.extensions.get_extension_for_class(x509.CertificatePolicies)
    assert extension.critical
    [information] = list(extension.value)
    assert information.policy_identifier.dotted_string == policy
    qualifiers = information.policy_qualifiers or []
    assert MG_CA_PROFILE.cps_url in qualifiers
    notices = [q for q in qualifiers if isinstance(q, x509.UserNotice)]
    assert [notice.explicit_text for notice in notices] == [msg.CERT_USER_NOTICE]
    assert "테스트 인증서" in msg.CERT_USER_NOTICE
    assert mg_ca.record(certificate.serial_number).kind is kind  # type: ignore[union-attr]


def test_vid_verifies_with_the_holders_number_only(
    general_cert: x509.Certificate, holder: Holder
) -> None:
    identify = read_identify_data(general_cert)
    assert identify.real_name == holder.name
    assert verify_vid(general_cert, holder.rrn, holder.random_num)
    assert not verify_vid(general_cert, holder.other_rrn, holder.random_num)
    assert not verify_vid(general_cert, holder.rrn, bytes(20))


def test_crl_distribution_point_and_ocsp_are_unresolvable(
    general_cert: x509.Certificate,
) -> None:
    points = general_cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert [name.value for name in points[0].full_name or []] == [MG_CA_PROFILE.crl_url]
    access = general_cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    assert [(a.access_method, a.access_location.value) for a in access] == [
        (AuthorityInformationAccessOID.OCSP, MG_CA_PROFILE.ocsp_url)
    ]
    for url in (MG_CA_PROFILE.crl_url, MG_CA_PROFILE.ocsp_url, MG_CA_PROFILE.cps_url):
        assert ".invalid/" in url


# -- validity ---------------------------------------------------------------------------


def kst(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=KST)


def test_one_year_from_midnight_kst_to_end_of_the_day_before(
    general_cert: x509.Certificate,
) -> None:
    assert general_cert.not_valid_before_utc == kst(2026, 11, 24, 0, 0, 0)
    assert general_cert.not_valid_after_utc == kst(2027, 11, 23, 23, 59, 59)


def test_financial_certificate_lasts_three_years(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request(CertificateKind.FINANCIAL))
    assert certificate.not_valid_before_utc == kst(2026, 11, 24, 0, 0, 0)
    assert certificate.not_valid_after_utc == kst(2029, 11, 23, 23, 59, 59)


def test_issue_day_is_the_kst_date_not_the_utc_date(
    mg_ca_at: OpenCa, csr_der: bytes, make_request: MakeRequest
) -> None:
    # 2026-11-24 00:30 KST is still 2026-11-23 in UTC.
    authority = mg_ca_at(Clock(pinned=kst(2026, 11, 24, 0, 30, 0)))
    certificate = authority.issue(csr_der, make_request())
    assert certificate.not_valid_before_utc == kst(2026, 11, 24, 0, 0, 0)
    assert certificate.not_valid_after_utc == kst(2027, 11, 23, 23, 59, 59)


def test_issued_on_29_february_ends_on_28_february(
    mg_ca_at: OpenCa, csr_der: bytes, make_request: MakeRequest
) -> None:
    authority = mg_ca_at(Clock(pinned=kst(2028, 2, 29, 15, 0, 0)))
    certificate = authority.issue(csr_der, make_request())
    assert certificate.not_valid_before_utc == kst(2028, 2, 29, 0, 0, 0)
    assert certificate.not_valid_after_utc == kst(2029, 2, 28, 23, 59, 59)


def test_explicit_end_is_kept(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    old_expiry = kst(2027, 3, 9, 23, 59, 59)  # a reissue keeps the old certificate's end
    certificate = mg_ca.issue(csr_der, make_request(not_after=old_expiry))
    assert certificate.not_valid_before_utc == kst(2026, 11, 24, 0, 0, 0)
    assert certificate.not_valid_after_utc == old_expiry
    record = mg_ca.record(certificate.serial_number)
    assert record is not None
    assert record.not_after == old_expiry


@pytest.mark.parametrize(
    "not_after",
    [
        datetime(2027, 1, 1, 0, 0, 0),  # naive
        datetime(2026, 11, 24, 0, 0, 0, tzinfo=KST),  # not after the start
        datetime(2026, 1, 1, 0, 0, 0, tzinfo=KST),  # in the past
    ],
)
def test_explicit_end_must_be_aware_and_after_the_start(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    not_after: datetime,
) -> None:
    with pytest.raises(InvalidIssueRequest) as error:
        mg_ca.issue(csr_der, make_request(not_after=not_after))
    assert msg.DETAIL_BAD_NOT_AFTER in str(error.value)


# -- refused requests ---------------------------------------------------------------------


def test_tampered_csr_signature_is_refused(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    tampered = bytearray(csr_der)
    tampered[-1] ^= 0x01  # the last byte belongs to the signature BIT STRING
    with pytest.raises(CsrSignatureInvalid):
        mg_ca.issue(bytes(tampered), make_request())


def test_csr_signed_by_another_key_is_refused(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    subscriber_key: rsa.RSAPrivateKey,
    make_request: MakeRequest,
) -> None:
    # Swap in a signature made by a different key over the same request info.
    csr = x509.load_der_x509_csr(csr_der)
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = stranger.sign(csr.tbs_certrequest_bytes, padding.PKCS1v15(), hashes.SHA256())
    assert len(forged) == len(csr.signature)
    data = csr_der[: -len(forged)] + forged
    assert x509.load_der_x509_csr(data).tbs_certrequest_bytes == csr.tbs_certrequest_bytes
    with pytest.raises(CsrSignatureInvalid):
        mg_ca.issue(data, make_request())


def test_rsa_1024_is_refused(
    mg_ca: CertificateAuthority, make_csr: MakeCsr, make_request: MakeRequest
) -> None:
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 — refusing it is the point
    with pytest.raises(WeakKey):
        mg_ca.issue(make_csr(weak), make_request())


def test_non_rsa_key_is_refused(
    mg_ca: CertificateAuthority, make_csr: MakeCsr, make_request: MakeRequest
) -> None:
    with pytest.raises(WeakKey):
        mg_ca.issue(make_csr(ec.generate_private_key(ec.SECP256R1())), make_request())


@pytest.mark.parametrize("mangle", ["garbage", "empty", "truncated", "pem", "certificate"])
def test_malformed_csr_is_refused(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    general_cert: x509.Certificate,
    make_request: MakeRequest,
    mangle: str,
) -> None:
    data = {
        "garbage": b"this is not a certificate request",
        "empty": b"",
        "truncated": csr_der[: len(csr_der) // 2],
        "pem": x509.load_der_x509_csr(csr_der).public_bytes(serialization.Encoding.PEM),
        "certificate": general_cert.public_bytes(serialization.Encoding.DER),
    }[mangle]
    with pytest.raises(InvalidCsr):
        mg_ca.issue(data, make_request())


@pytest.mark.parametrize(
    ("field", "value", "detail"),
    [
        ("cn", "홍길동", msg.DETAIL_BAD_CN),
        ("cn", "()0045", msg.DETAIL_BAD_CN),
        ("cn", "홍길동()00 45", msg.DETAIL_BAD_CN),
        ("cn", "../x()0045", msg.DETAIL_BAD_CN),
        ("cn", "a/b()0045", msg.DETAIL_BAD_CN),
        ("real_name", "  ", msg.DETAIL_BAD_REAL_NAME),
        ("real_name", "홍\x00길동", msg.DETAIL_BAD_REAL_NAME),
        ("vid", b"\x01" * 31, msg.DETAIL_BAD_VID),
    ],
)
def test_bad_request_fields_are_refused(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    field: str,
    value: object,
    detail: str,
) -> None:
    with pytest.raises(InvalidIssueRequest) as error:
        mg_ca.issue(csr_der, make_request(**{field: value}))
    assert detail in str(error.value)


def test_decomposed_hangul_cn_is_normalized(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest, holder: Holder
) -> None:
    composed = holder.cn + "999000001"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    certificate = mg_ca.issue(csr_der, make_request(cn=decomposed))
    [cn] = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert cn.value == composed
