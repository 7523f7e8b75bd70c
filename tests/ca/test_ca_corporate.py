"""법인 범용 certificates: policy 1.2.410.200005.1.1.5, ``OU=corporation4EC`` in place of
``personal4IB`` (as real yessign 법인 certificates), the VID from the 사업자등록번호.
OpenSSL's view of one is in test_ca_openssl_corporate_km.py."""

from __future__ import annotations

import pytest
from ca_support import HOLDER_RANDOM_NUM, HOLDER_RRN
from cryptography import x509
from cryptography.x509.oid import NameOID

from mgcert.ca import CertificateAuthority, IssueRequest
from mgcert.npki.names import folder_name, make_cn
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import compute_vid, read_identify_data, verify_vid

COMPANY = "(주)엠지시뮬레이션"
BRN = "1208147521"  # a valid 사업자등록번호 (check digit right)
OTHER_BRN = "2208162517"


@pytest.fixture(scope="module")
def corporate(mg_ca: CertificateAuthority, csr_der: bytes) -> x509.Certificate:
    return mg_ca.issue(
        csr_der,
        IssueRequest(
            cn=make_cn(COMPANY, "004504520261124"),
            cn_number_digits=7,
            real_name=COMPANY,
            vid=compute_vid(BRN, HOLDER_RANDOM_NUM),
            kind=CertificateKind.CORPORATE,
        ),
    )


def _values(name: x509.Name, oid: x509.ObjectIdentifier) -> list[str]:
    return [str(attribute.value) for attribute in name.get_attributes_for_oid(oid)]


def test_the_kind_is_universal_for_corporations() -> None:
    kind = CertificateKind("corporate")
    assert kind is CertificateKind.CORPORATE
    assert kind.policy_oid.dotted_string == "1.2.410.200005.1.1.5"
    assert (kind.label, kind.short_label) == ("법인 범용", "법인")
    assert kind.validity_years == 1
    assert kind.fee_won == 110_000
    assert kind.subject_ou == "corporation4EC"
    assert not kind.is_personal
    assert CertificateKind.from_policy(kind.policy_oid) is kind
    personal = [k for k in CertificateKind if k.is_personal]
    assert personal == [
        CertificateKind.GENERAL,
        CertificateKind.UNIVERSAL,
        CertificateKind.FINANCIAL,
    ]
    assert {k.subject_ou for k in personal} == {"personal4IB"}


def test_policy_and_subject(corporate: x509.Certificate, mg_ca: CertificateAuthority) -> None:
    policies = corporate.extensions.get_extension_for_class(x509.CertificatePolicies)
    assert policies.critical
    assert [p.policy_identifier.dotted_string for p in policies.value] == ["1.2.410.200005.1.1.5"]
    # DER order C, O, OU=corporation4EC, OU=<bank>, CN, as yessign's
    # cn=업무테스트()0023...,ou=KFB,ou=corporation4EC,o=yessign,c=kr.
    assert [attribute.oid for attribute in corporate.subject] == [
        NameOID.COUNTRY_NAME,
        NameOID.ORGANIZATION_NAME,
        NameOID.ORGANIZATIONAL_UNIT_NAME,
        NameOID.ORGANIZATIONAL_UNIT_NAME,
        NameOID.COMMON_NAME,
    ]
    assert _values(corporate.subject, NameOID.ORGANIZATIONAL_UNIT_NAME) == ["corporation4EC", "MG"]
    assert _values(corporate.subject, NameOID.ORGANIZATION_NAME) == [mg_ca.profile.org]
    (cn,) = _values(corporate.subject, NameOID.COMMON_NAME)
    assert cn.startswith(f"{COMPANY}()004504520261124")
    assert cn[len(COMPANY) + 2 :].isdigit()
    assert folder_name(corporate.subject) == f"cn={cn},ou=MG,ou=corporation4EC,o=MGSIM,c=kr"


def test_signing_key_usage_like_personal_certificates(corporate: x509.Certificate) -> None:
    usage = corporate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.digital_signature
    assert usage.value.content_commitment
    assert not usage.value.key_encipherment


def test_the_vid_is_computed_from_the_business_number(corporate: x509.Certificate) -> None:
    assert read_identify_data(corporate).real_name == COMPANY
    assert verify_vid(corporate, BRN, HOLDER_RANDOM_NUM)
    assert not verify_vid(corporate, OTHER_BRN, HOLDER_RANDOM_NUM)
    assert not verify_vid(corporate, HOLDER_RRN, HOLDER_RANDOM_NUM)
    assert not verify_vid(corporate, BRN, bytes(20))


def test_a_personal_certificate_is_unchanged(
    mg_ca: CertificateAuthority, csr_der: bytes, corporate: x509.Certificate
) -> None:
    personal = mg_ca.issue(
        csr_der,
        IssueRequest(
            cn="홍길동()0045045",
            cn_number_digits=9,
            real_name="홍길동",
            vid=compute_vid(HOLDER_RRN, HOLDER_RANDOM_NUM),
            kind=CertificateKind.UNIVERSAL,
        ),
    )
    assert _values(personal.subject, NameOID.ORGANIZATIONAL_UNIT_NAME) == ["personal4IB", "MG"]
