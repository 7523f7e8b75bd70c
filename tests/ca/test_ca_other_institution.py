"""The second simulated CA ("another institution") is independent of MG's."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ca_support import MakeRequest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from pypinksign import PinkSign

from mgcert.ca import CertificateAuthority, CertificateStatus
from mgcert.home import DataHome
from mgcert.npki.names import folder_name


def test_other_ca_has_its_own_names_files_and_keys(
    mg_ca: CertificateAuthority, other_ca: CertificateAuthority, ca_home: DataHome
) -> None:
    assert other_ca.directory == ca_home.other_ca_dir
    assert other_ca.profile.org == "OTHERSIM"
    assert other_ca.issuing_certificate.subject.rfc4514_string() == (
        "CN=OTHERSIM TEST CA Class 2,OU=AccreditedCA,O=OTHERSIM,C=kr"
    )
    assert other_ca.root_certificate.public_key() != mg_ca.root_certificate.public_key()
    assert other_ca.issuing_certificate.public_key() != mg_ca.issuing_certificate.public_key()
    assert ".othersim.invalid/" in other_ca.profile.crl_url  # what homes made before keep


def test_certificates_of_each_ca_belong_to_that_ca_only(
    mg_ca: CertificateAuthority,
    other_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
) -> None:
    mine = mg_ca.issue(csr_der, make_request())
    theirs = other_ca.issue(csr_der, make_request())
    assert mg_ca.is_issuer_of(mine)
    assert not mg_ca.is_issuer_of(theirs)
    assert other_ca.is_issuer_of(theirs)
    assert not other_ca.is_issuer_of(mine)
    assert PinkSign(pubkey_data=theirs.public_bytes(serialization.Encoding.DER)).issuer() == (
        "OTHERSIM"
    )
    assert mg_ca.status(theirs.serial_number) is CertificateStatus.UNKNOWN
    assert other_ca.status(theirs.serial_number) is CertificateStatus.GOOD


def test_other_institutions_subject_names_its_own_bank(
    mg_ca: CertificateAuthority,
    other_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
) -> None:
    # Its CN tails carry bank code 088 (신한): the second OU says SHB, not MG.
    theirs = other_ca.issue(csr_der, make_request(cn="김혜원()008808820190315188002010"))
    assert theirs.subject.rfc4514_string() == (
        "CN=김혜원()008808820190315188002010,OU=SHB,OU=personal4IB,O=OTHERSIM,C=kr"
    )
    assert folder_name(theirs.subject) == (
        "cn=김혜원()008808820190315188002010,ou=SHB,ou=personal4IB,o=OTHERSIM,c=kr"
    )
    assert other_ca.profile.bank_ou == "SHB"
    mine = mg_ca.issue(csr_der, make_request())
    assert [
        a.value for a in mine.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    ] == [
        "personal4IB",
        "MG",
    ]


def test_is_issuer_of_checks_the_signature_not_just_the_name(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    genuine = mg_ca.issue(csr_der, make_request())
    der = bytearray(genuine.public_bytes(serialization.Encoding.DER))
    der[-1] ^= 0x01  # same issuer name, broken signature
    forged = x509.load_der_x509_certificate(bytes(der))
    assert forged.issuer == mg_ca.issuing_certificate.subject
    assert not mg_ca.is_issuer_of(forged)


def test_other_cas_certificate_does_not_verify_under_the_mg_root(
    mg_ca: CertificateAuthority,
    other_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    tmp_path: Path,
) -> None:
    theirs = other_ca.issue(csr_der, make_request())
    files = {
        "root.pem": mg_ca.root_certificate,
        "issuing.pem": mg_ca.issuing_certificate,
        "leaf.pem": theirs,
    }
    for name, certificate in files.items():
        (tmp_path / name).write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    at = str(int(theirs.not_valid_before_utc.timestamp()) + 36_000)
    result = subprocess.run(
        ["openssl", "verify", "-attime", at, "-CAfile", str(tmp_path / "root.pem"),
         "-untrusted", str(tmp_path / "issuing.pem"), str(tmp_path / "leaf.pem")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode != 0
    assert "unable to get local issuer certificate" in result.stdout + result.stderr
