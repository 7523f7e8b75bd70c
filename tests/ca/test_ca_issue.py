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


def _der_serial(certificate: x509.Certificate) -> bytes:
    """The content octets of the serial's DER INTEGER, read from the certificate bytes."""
    tbs = certificate.tbs_certificate_bytes
    # TBSCertificate: SEQUENCE header, [0] EXPLICIT version (a0 03 02 01 02), INTEGER.
    header = 2 + (tbs[1] & 0x7F if tbs[1] & 0x80 else 0)
    assert tbs[header : header + 5] == bytes.fromhex("a003020102")
    integer = tbs[header + 5 :]
    assert integer[0] == 0x02
    return integer[2 : 2 + integer[1]]


def test_serials_are_four_positive_bytes_as_in_real_certificates(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificates = [mg_ca.issue(csr_der, make_request()) for _ in range(20)]
    assert len({c.serial_number for c in certificates}) == 20
    for certificate in certificates:
        octets = _der_serial(certificate)
        assert len(octets) == 4  # e.g. 26EB436E, 5A0E2C9F in real yessign/TradeSign files
        assert 0 < octets[0] < 0x80  # positive without a leading zero byte
        assert int.from_bytes(octets, "big") == certificate.serial_number
    for ca_certificate in (mg_ca.root_certificate, mg_ca.issuing_certificate):
        assert 0x0100_0000 <= ca_certificate.serial_number <= 0x7FFF_FFFF


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
    issuing = mg_ca.issuing_certificate
    issuer_ski = issuing.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == issuer_ski.digest
    # Key id + issuer (DirName) + serial of the issuing CA certificate, as real ones.
    assert aki.authority_cert_issuer == [x509.DirectoryName(issuing.issuer)]
    assert aki.authority_cert_serial_number == issuing.serial_number


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
    # The user notice first, then the CPS URI, as in real yessign certificates.
    assert information.policy_qualifiers == [
        x509.UserNotice(None, msg.CERT_USER_NOTICE),
        mg_ca.urls.cps,
    ]
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


def test_crl_distribution_point_and_aia_point_at_the_data_homes_pki_url(
    general_cert: x509.Certificate,
) -> None:
    points = general_cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert [name.value for name in points[0].full_name or []] == [
        "http://127.0.0.1:8389/mgsim/issuing.crl"
    ]
    access = general_cert.extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    assert [(a.access_method, a.access_location.value) for a in access] == [
        (AuthorityInformationAccessOID.OCSP, "http://127.0.0.1:8389/mgsim/ocsp"),
        (AuthorityInformationAccessOID.CA_ISSUERS, "http://127.0.0.1:8389/mgsim/issuing.der"),
    ]


# -- validity ---------------------------------------------------------------------------


def kst(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=KST)


def test_one_year_from_midnight_kst_to_the_end_of_the_same_date(
    general_cert: x509.Certificate,
) -> None:
    # As yessign: 00:00:00 KST of the issue day to 23:59:59 KST of the same date a year on.
    assert general_cert.not_valid_before_utc == kst(2026, 11, 24, 0, 0, 0)
    assert general_cert.not_valid_after_utc == kst(2027, 11, 24, 23, 59, 59)


def test_financial_certificate_lasts_three_years(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request(CertificateKind.FINANCIAL))
    assert certificate.not_valid_before_utc == kst(2026, 11, 24, 0, 0, 0)
    assert certificate.not_valid_after_utc == kst(2029, 11, 24, 23, 59, 59)


def test_issue_day_is_the_kst_date_not_the_utc_date(
    mg_ca_at: OpenCa, csr_der: bytes, make_request: MakeRequest
) -> None:
    # 2026-11-24 00:30 KST is still 2026-11-23 in UTC.
    authority = mg_ca_at(Clock(pinned=kst(2026, 11, 24, 0, 30, 0)))
    certificate = authority.issue(csr_der, make_request())
    assert certificate.not_valid_before_utc == kst(2026, 11, 24, 0, 0, 0)
    assert certificate.not_valid_after_utc == kst(2027, 11, 24, 23, 59, 59)


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
