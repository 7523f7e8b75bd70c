"""OpenSSL's view of a 법인 certificate and of a key-management certificate: ``openssl
x509 -text`` shows the profile, ``openssl verify`` accepts them with revocation checked
at every level and the policy made explicit, and refuses a revoked KM certificate."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from ca_support import CA_NOW, HOLDER_RANDOM_NUM, MakeCsr, csr_for
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import MG_CA_PROFILE, CertificateAuthority, IssueRequest
from mgcert.clock import Clock
from mgcert.npki.names import make_cn
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import compute_vid

AT = str(int(CA_NOW.timestamp()))
POLICY_CORPORATE = "1.2.410.200005.1.1.5"


def _openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # OpenSSL 3.0 prints a BMPString notice's raw UCS-2 bytes, which are not UTF-8.
    return subprocess.run(
        ["openssl", *map(str, args)],
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        check=False,
    )


def _pem(certificate: x509.Certificate, path: Path) -> Path:
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CertificateAuthority]:
    """A CA of its own at CA_NOW: the shared CA's lists may be from later simulated times."""
    home = tmp_path_factory.mktemp("pki-corporate-km")
    with CertificateAuthority.open(
        home / "ca", home / "ca.db", Clock(pinned=CA_NOW), MG_CA_PROFILE
    ) as authority:
        yield authority


@pytest.fixture(scope="module")
def corporate(pki: CertificateAuthority, csr_der: bytes) -> x509.Certificate:
    return pki.issue(
        csr_der,
        IssueRequest(
            cn=make_cn("주식회사엠지테스트", "004504520261124"),
            cn_number_digits=7,
            real_name="주식회사엠지테스트",
            vid=compute_vid("1208147521", HOLDER_RANDOM_NUM),
            kind=CertificateKind.CORPORATE,
        ),
    )


@pytest.fixture(scope="module")
def km_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def km(
    pki: CertificateAuthority, corporate: x509.Certificate, km_key: rsa.RSAPrivateKey
) -> x509.Certificate:
    return pki.issue_key_management(csr_for(km_key), corporate.serial_number)


def _text(certificate: x509.Certificate, tmp_path: Path) -> str:
    der = tmp_path / f"{certificate.serial_number:x}.der"
    der.write_bytes(certificate.public_bytes(serialization.Encoding.DER))
    shown = _openssl("x509", "-inform", "DER", "-in", der, "-noout", "-text", "-nameopt", "utf8")
    assert shown.returncode == 0, shown.stderr
    return shown.stdout


def _verify(
    ca: CertificateAuthority, leaf: x509.Certificate, tmp_path: Path
) -> subprocess.CompletedProcess[str]:
    return _openssl(
        "verify", "-attime", AT,
        "-crl_check_all", "-CRLfile", ca.crl_path, "-CRLfile", ca.arl_path,
        "-policy", POLICY_CORPORATE, "-explicit_policy",
        "-CAfile", _pem(ca.root_certificate, tmp_path / "root.pem"),
        "-untrusted", _pem(ca.issuing_certificate, tmp_path / "issuing.pem"),
        _pem(leaf, tmp_path / f"{leaf.serial_number:x}.pem"),
    )  # fmt: skip


def test_openssl_shows_the_corporate_profile(corporate: x509.Certificate, tmp_path: Path) -> None:
    text = _text(corporate, tmp_path)

    assert "OU=corporation4EC, OU=MG, CN=주식회사엠지테스트()0045045202611240" in text
    assert f"Policy: {POLICY_CORPORATE}" in text
    assert "Digital Signature, Non Repudiation" in text


def test_openssl_shows_the_key_management_profile(
    km: x509.Certificate, corporate: x509.Certificate, tmp_path: Path
) -> None:
    text = _text(km, tmp_path)

    assert "X509v3 Key Usage: critical\n                Key Encipherment, Data Encipherment" in text
    assert "Digital Signature" not in text
    assert f"Policy: {POLICY_CORPORATE}" in text
    subject = next(line for line in text.splitlines() if line.strip().startswith("Subject:"))
    assert subject.strip() == next(
        line.strip()
        for line in _text(corporate, tmp_path).splitlines()
        if line.strip().startswith("Subject:")
    )


def test_openssl_verifies_both_then_refuses_both_once_revoked(
    pki: CertificateAuthority,
    corporate: x509.Certificate,
    km: x509.Certificate,
    tmp_path: Path,
) -> None:
    for leaf in (corporate, km):
        accepted = _verify(pki, leaf, tmp_path)
        assert accepted.returncode == 0, accepted.stdout + accepted.stderr

    pki.revoke(corporate.serial_number, x509.ReasonFlags.key_compromise)

    for leaf in (corporate, km):
        refused = _verify(pki, leaf, tmp_path)
        assert refused.returncode != 0
        assert "certificate revoked" in refused.stdout + refused.stderr


def test_a_key_management_certificate_alone_verifies_as_its_own_leaf(
    pki: CertificateAuthority, tmp_path: Path, make_csr: MakeCsr, csr_der: bytes
) -> None:
    # A fresh pair (the module's pair is revoked by the test above when run in order).
    sign = pki.issue(
        csr_der,
        IssueRequest(
            cn=make_cn("주식회사둘째", "004504520261124"),
            cn_number_digits=7,
            real_name="주식회사둘째",
            vid=compute_vid("2208162517", HOLDER_RANDOM_NUM),
            kind=CertificateKind.CORPORATE,
        ),
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    km = pki.issue_key_management(make_csr(key), sign.serial_number)

    accepted = _verify(pki, km, tmp_path)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
