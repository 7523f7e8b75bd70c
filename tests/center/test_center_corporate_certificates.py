"""A 법인 certificate (and a KM pair) found on a medium: the personal certificate center
lists it, shows it and login-checks it without failing, but never issues, renews or
registers one."""

from __future__ import annotations

from pathlib import Path

import pytest
from center_support import PASSWORD, harddisk
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from mgcert.ca import CertificateAuthority, IssueRequest
from mgcert.center import CertificateCenter, CertificateEntry
from mgcert.center.errors import CertificateRefused, CorporateCertificateRefused, NotRenewable
from mgcert.messages import center as msg
from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.keys import generate_key_pair, make_csr
from mgcert.npki.names import folder_name, make_cn
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import write_certificate
from mgcert.npki.vid import compute_vid

COMPANY = "(주)엠지테스트"
BRN = "1208147521"


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


def _corporate_on_harddisk(
    center: CertificateCenter, ca: CertificateAuthority, *, km: bool = False
) -> CertificateEntry:
    """A 법인 범용 certificate of ``ca`` in the harddisk medium, as a fixture would write it."""
    key, random_num = generate_key_pair(), new_random_num()
    certificate = ca.issue(
        make_csr(key),
        IssueRequest(
            cn=make_cn(COMPANY, "0045045"),
            cn_number_digits=9,
            real_name=COMPANY,
            vid=compute_vid(BRN, random_num),
            kind=CertificateKind.CORPORATE,
        ),
    )
    extra: dict[str, bytes] = {}
    if km:
        km_key = generate_key_pair()
        km_certificate = ca.issue_key_management(make_csr(km_key), certificate.serial_number)
        extra = {
            "km_cert_der": _der(km_certificate),
            "km_key_der": encrypt_private_key(km_key, PASSWORD, random_num, iterations=2048),
        }
    location = harddisk(center)
    write_certificate(
        location.root,
        ca.profile.org,
        folder_name(certificate.subject),
        _der(certificate),
        encrypt_private_key(key, PASSWORD, random_num, iterations=2048),
        **extra,
    )
    (entry,) = [
        e
        for e in center.list_certificates(location).entries
        if e.serial == certificate.serial_number
    ]
    return entry


def test_it_is_listed_as_a_corporate_certificate(center: CertificateCenter) -> None:
    entry = _corporate_on_harddisk(center, center.mg_ca)

    listing = center.list_certificates(harddisk(center))

    assert listing.problems == []
    assert entry.kind is CertificateKind.CORPORATE
    assert entry.name == COMPANY
    assert not entry.registered
    details = center.details(entry)
    assert details.kind_label == "법인 범용"
    assert details.policy_oid == "1.2.410.200005.1.1.5"
    assert "OU=corporation4EC" in details.subject


def test_a_login_check_reports_it_unregistered(center: CertificateCenter) -> None:
    entry = _corporate_on_harddisk(center, center.mg_ca)

    report = center.login_check(entry, PASSWORD)

    assert [check.name for check in report.checks if not check.passed] == [msg.CHECK_REGISTRATION]


def test_it_is_not_renewed(center: CertificateCenter) -> None:
    entry = _corporate_on_harddisk(center, center.mg_ca)

    with pytest.raises(NotRenewable) as caught:
        center.start_renewal().select(entry, PASSWORD)
    assert str(caught.value) == msg.NOT_RENEWABLE_CORPORATE


@pytest.mark.parametrize("issuer", ["mg", "other"])
def test_it_is_not_registered_for_a_person(center: CertificateCenter, issuer: str) -> None:
    ca = center.mg_ca if issuer == "mg" else center.other_ca
    entry = _corporate_on_harddisk(center, ca)

    with pytest.raises(CorporateCertificateRefused) as caught:
        center.start_registration().select(entry, PASSWORD)
    assert isinstance(caught.value, CertificateRefused)
    assert str(caught.value) == msg.CORPORATE_NOT_REGISTRABLE


def test_the_bank_app_does_not_issue_one(center: CertificateCenter) -> None:
    with pytest.raises(ValueError, match="법인"):
        center.start_issuance(CertificateKind.CORPORATE)
    assert center.start_issuance(CertificateKind.UNIVERSAL).kind is CertificateKind.UNIVERSAL


def test_a_folder_with_a_km_pair_is_listed_and_deleted_whole(center: CertificateCenter) -> None:
    entry = _corporate_on_harddisk(center, center.mg_ca, km=True)
    folder: Path = entry.stored.folder

    assert entry.stored.has_km_pair
    assert sorted(p.name for p in folder.iterdir()) == [
        "kmCert.der",
        "kmPri.key",
        "signCert.der",
        "signPri.key",
    ]
    assert center.login_check(entry, PASSWORD).checks[0].passed

    center.delete_certificate(entry)

    assert not folder.exists()
    assert all(e.serial != entry.serial for e in center.list_certificates(harddisk(center)).entries)
