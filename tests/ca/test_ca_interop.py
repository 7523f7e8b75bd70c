"""What other NPKI software sees: OpenSSL verifies the chain and reads the CRL,
PyPinkSign reads the certificate."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from ca_support import Holder, MakeRequest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID
from pypinksign import PinkSign

from mgcert.ca import CertificateAuthority
from mgcert.npki.profile import CertificateKind


def _pem(der_path: Path, target: Path, *, crl: bool = False) -> Path:
    data = der_path.read_bytes()
    if crl:
        pem = x509.load_der_x509_crl(data).public_bytes(serialization.Encoding.PEM)
    else:
        pem = x509.load_der_x509_certificate(data).public_bytes(serialization.Encoding.PEM)
    target.write_bytes(pem)
    return target


def _openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["openssl", *map(str, args)], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def chain(mg_ca: CertificateAuthority, tmp_path: Path) -> tuple[Path, Path]:
    """root.pem and issuing.pem converted from the published DER files."""
    return (
        _pem(mg_ca.root_path, tmp_path / "root.pem"),
        _pem(mg_ca.issuing_path, tmp_path / "issuing.pem"),
    )


def _leaf(certificate: x509.Certificate, tmp_path: Path) -> Path:
    path = tmp_path / "leaf.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


def _openssl_serial(serial: int) -> str:
    """How ``openssl crl -text`` prints a serial: whole bytes in upper-case hex."""
    digits = f"{serial:X}"
    return digits.zfill(len(digits) + len(digits) % 2)


def _at(mg_ca: CertificateAuthority, certificate: x509.Certificate) -> str:
    # Verify at the simulated issue time, whatever the real date is.
    return str(int(certificate.not_valid_before_utc.timestamp()) + 36_000)


def test_openssl_verifies_the_chain(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    chain: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    root, issuing = chain
    certificate = mg_ca.issue(csr_der, make_request())
    leaf = _leaf(certificate, tmp_path)
    result = _openssl(
        "verify", "-attime", _at(mg_ca, certificate), "-CAfile", root, "-untrusted", issuing, leaf
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{leaf}: OK" in result.stdout


def test_openssl_refuses_the_chain_without_the_issuing_ca(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    chain: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    root, _ = chain
    certificate = mg_ca.issue(csr_der, make_request())
    result = _openssl(
        "verify", "-attime", _at(mg_ca, certificate), "-CAfile", root, _leaf(certificate, tmp_path)
    )
    assert result.returncode != 0


def test_openssl_reads_the_crl_with_serial_and_reason(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request())
    mg_ca.revoke(certificate.serial_number, x509.ReasonFlags.key_compromise)
    result = _openssl("crl", "-inform", "DER", "-in", mg_ca.crl_path, "-noout", "-text")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Issuer: C = kr, O = MGSIM, OU = AccreditedCA, CN = MGSIM TEST Class 1" in text
    position = text.index(f"Serial Number: {_openssl_serial(certificate.serial_number)}")
    entry = text[position : position + 300]
    assert "X509v3 CRL Reason Code:" in entry
    assert "Key Compromise" in entry
    assert "X509v3 CRL Number:" in text


def test_openssl_refuses_a_revoked_certificate_with_the_crl(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    chain: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    root, issuing = chain
    good = mg_ca.issue(csr_der, make_request())
    revoked = mg_ca.issue(csr_der, make_request())
    mg_ca.revoke(revoked.serial_number, x509.ReasonFlags.key_compromise)
    crl = _pem(mg_ca.crl_path, tmp_path / "issuing.crl.pem", crl=True)

    def verify(certificate: x509.Certificate) -> subprocess.CompletedProcess[str]:
        leaf = tmp_path / f"{certificate.serial_number:x}.pem"
        leaf.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
        return _openssl(
            "verify", "-attime", _at(mg_ca, certificate), "-crl_check", "-CRLfile", crl,
            "-CAfile", root, "-untrusted", issuing, leaf,
        )  # fmt: skip

    assert verify(good).returncode == 0, verify(good).stdout + verify(good).stderr
    refused = verify(revoked)
    assert refused.returncode != 0
    assert "certificate revoked" in refused.stdout + refused.stderr


@pytest.mark.parametrize(
    ("kind", "policy"),
    [
        (CertificateKind.GENERAL, "1.2.410.200005.1.1.4"),
        (CertificateKind.UNIVERSAL, "1.2.410.200005.1.1.1"),
    ],
)
def test_pypinksign_reads_the_certificate(
    mg_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    holder: Holder,
    kind: CertificateKind,
    policy: str,
) -> None:
    certificate = mg_ca.issue(csr_der, make_request(kind))
    reader = PinkSign(pubkey_data=certificate.public_bytes(serialization.Encoding.DER))
    [cn] = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert reader.cn() == cn.value
    assert str(cn.value).startswith(holder.cn)
    assert reader.issuer() == "MGSIM"
    assert reader.cert_class() == "MGSIM TEST Class 1"
    assert reader.cert_type_oid() == policy
    assert reader.serialnum() == certificate.serial_number
    valid_from, valid_until = reader.valid_date()
    assert valid_from == certificate.not_valid_before_utc
    assert valid_until == certificate.not_valid_after_utc
    assert valid_from.isoformat() == "2026-11-23T15:00:00+00:00"  # 00:00:00 KST
    assert valid_until.isoformat() == "2027-11-24T14:59:59+00:00"  # 23:59:59 KST, same date
