"""A strict validator on the whole PKI: OpenSSL checks revocation at every level
(CRL + the root's ARL), explicit policy, the AKI and the BMPString user notices."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from ca_support import CA_NOW, MakeRequest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from legacy_home import make_legacy_ca

from mgcert.ca import MG_CA_PROFILE, OTHER_CA_PROFILE, CaProfile, CertificateAuthority
from mgcert.clock import Clock
from mgcert.messages import ca as msg
from mgcert.npki.profile import CertificateKind

AT = str(int(CA_NOW.timestamp()))  # verify at the simulated time the lists were made


def _openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    # OpenSSL 3.0 prints a BMPString notice's raw UCS-2 bytes, which are not UTF-8 (it
    # does the same for real yessign certificates).
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


@pytest.fixture(scope="module", params=["MGSIM", "OTHERSIM"])
def pki(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CertificateAuthority]:
    """A CA of its own per institution, at CA_NOW (the shared CA's lists may have been
    republished at later simulated times by other tests)."""
    profile: CaProfile = MG_CA_PROFILE if request.param == "MGSIM" else OTHER_CA_PROFILE
    home = tmp_path_factory.mktemp(f"pki-{request.param}")
    with CertificateAuthority.open(
        home / "ca", home / "ca.db", Clock(pinned=CA_NOW), profile
    ) as authority:
        yield authority


def _verify(
    ca: CertificateAuthority, leaf: x509.Certificate, tmp_path: Path, *options: str | Path
) -> subprocess.CompletedProcess[str]:
    return _openssl(
        "verify", "-attime", AT, *options,
        "-CAfile", _pem(ca.root_certificate, tmp_path / "root.pem"),
        "-untrusted", _pem(ca.issuing_certificate, tmp_path / "issuing.pem"),
        _pem(leaf, tmp_path / f"{leaf.serial_number:x}.pem"),
    )  # fmt: skip


def test_crl_check_all_with_the_crl_and_the_arl(
    pki: CertificateAuthority, csr_der: bytes, make_request: MakeRequest, tmp_path: Path
) -> None:
    good = pki.issue(csr_der, make_request())
    revoked = pki.issue(csr_der, make_request())
    pki.revoke(revoked.serial_number, x509.ReasonFlags.key_compromise)
    lists = ("-crl_check_all", "-CRLfile", pki.crl_path, "-CRLfile", pki.arl_path)

    accepted = _verify(pki, good, tmp_path, *lists)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    refused = _verify(pki, revoked, tmp_path, *lists)
    assert refused.returncode != 0
    assert "certificate revoked" in refused.stdout + refused.stderr
    # Without the ARL the issuing CA's status is unknown: the ARL is what makes it pass.
    no_arl = _verify(pki, good, tmp_path, "-crl_check_all", "-CRLfile", pki.crl_path)
    assert no_arl.returncode != 0
    assert "unable to get certificate CRL" in no_arl.stdout + no_arl.stderr


@pytest.mark.parametrize(
    ("kind", "policy"),
    [
        (CertificateKind.GENERAL, "1.2.410.200005.1.1.4"),
        (CertificateKind.UNIVERSAL, "1.2.410.200005.1.1.1"),
    ],
)
def test_explicit_policy_is_satisfied_by_the_kinds_policy_only(
    pki: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    tmp_path: Path,
    kind: CertificateKind,
    policy: str,
) -> None:
    leaf = pki.issue(csr_der, make_request(kind))
    accepted = _verify(pki, leaf, tmp_path, "-policy", policy, "-explicit_policy")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    other = "1.2.410.200005.1.1.1" if policy.endswith(".4") else "1.2.410.200005.1.1.4"
    refused = _verify(pki, leaf, tmp_path, "-policy", other, "-explicit_policy")
    assert refused.returncode != 0
    assert "no explicit policy" in refused.stdout + refused.stderr


def _aki_block(text: str) -> str:
    match = re.search(r"Authority Key Identifier:\s*\n((?:\s{16,}\S.*\n)+)", text)
    assert match, text
    return match.group(1)


def test_openssl_prints_the_aki_with_dirname_and_serial(
    pki: CertificateAuthority, csr_der: bytes, make_request: MakeRequest, tmp_path: Path
) -> None:
    leaf = pki.issue(csr_der, make_request())
    org = pki.profile.org
    for certificate, signer in ((leaf, pki.issuing_certificate), (pki.issuing_certificate, None)):
        result = _openssl("x509", "-in", _pem(certificate, tmp_path / "c.pem"), "-noout", "-text")
        assert result.returncode == 0, result.stderr
        block = _aki_block(result.stdout)
        signer_serial = (signer or pki.root_certificate).serial_number
        assert "keyid:" in block
        assert f"DirName:/C=kr/O={org}/OU=RootCA/CN={pki.profile.root_cn}" in block
        assert f"serial:{':'.join(f'{b:02X}' for b in signer_serial.to_bytes(4, 'big'))}" in block
    for path in (pki.crl_path, pki.arl_path):
        result = _openssl("crl", "-inform", "DER", "-in", path, "-noout", "-text")
        assert result.returncode == 0, result.stderr
        assert f"DirName:/C=kr/O={org}/OU=RootCA/CN={pki.profile.root_cn}" in result.stdout
    arl_text = _openssl("crl", "-inform", "DER", "-in", pki.arl_path, "-noout", "-text").stdout
    assert f"Issuer: C = kr, O = {org}, OU = RootCA, CN = {pki.profile.root_cn}" in arl_text
    assert "No Revoked Certificates." in arl_text


def _parse_policies(certificate_pem: Path) -> str:
    """``openssl asn1parse`` of the certificatePolicies value as written in the certificate
    (cryptography's ``public_bytes`` of the parsed value would re-encode it)."""
    whole = _openssl("asn1parse", "-in", certificate_pem)
    assert whole.returncode == 0, whole.stderr
    lines = whole.stdout.splitlines()
    [at] = [i for i, line in enumerate(lines) if "X509v3 Certificate Policies" in line]
    # OID, BOOLEAN critical, then the OCTET STRING holding the extension value.
    octets = next(line for line in lines[at + 1 :] if "OCTET STRING" in line)
    offset = octets.split(":", 1)[0].strip()
    inner = _openssl("asn1parse", "-in", certificate_pem, "-strparse", offset)
    assert inner.returncode == 0, inner.stderr
    return inner.stdout


def test_user_notice_comes_first_as_a_bmpstring(
    pki: CertificateAuthority, csr_der: bytes, make_request: MakeRequest, tmp_path: Path
) -> None:
    leaf = pki.issue(csr_der, make_request())
    for certificate, notice in (
        (leaf, msg.CERT_USER_NOTICE),
        (pki.issuing_certificate, msg.CA_CERT_USER_NOTICE),
    ):
        pem = _pem(certificate, tmp_path / "n.pem")
        parsed = _parse_policies(pem)
        primitives = re.findall(r"prim:\s*(\S+)\s*:?(.*)", parsed)
        # policy OID, id-qt-unotice, BMPString, id-qt-cps, IA5String: notice first.
        assert [kind for kind, _ in primitives] == [
            "OBJECT",
            "OBJECT",
            "BMPSTRING",
            "OBJECT",
            "IA5STRING",
        ], parsed
        values = [value.strip() for _, value in primitives]
        assert values[1] == "Policy Qualifier User Notice"
        assert values[3] == "Policy Qualifier CPS"
        assert values[4] == pki.urls.cps
        assert notice.encode("utf-16-be") in certificate.public_bytes(serialization.Encoding.DER)
        text = _openssl("x509", "-in", pem, "-noout", "-text")
        assert "X509v3 Certificate Policies: critical" in text.stdout
        assert "User Notice:" in text.stdout
        assert f"CPS: {pki.urls.cps}" in text.stdout


def test_a_home_made_before_still_passes_crl_check_all_with_its_new_arl(
    tmp_path: Path, csr_der: bytes, make_request: MakeRequest
) -> None:
    # Its issuing CA certificate has no CRL DP; the ARL (no issuingDistributionPoint)
    # covers every certificate the root issued, so OpenSSL finds the status there too.
    make_legacy_ca(tmp_path / "ca", tmp_path / "ca.db", MG_CA_PROFILE, CA_NOW, version=2)
    with CertificateAuthority.open(
        tmp_path / "ca", tmp_path / "ca.db", Clock(pinned=CA_NOW), MG_CA_PROFILE
    ) as ca:
        leaf = ca.issue(csr_der, make_request())
        lists = ("-crl_check_all", "-CRLfile", ca.crl_path, "-CRLfile", ca.arl_path)
        result = _verify(ca, leaf, tmp_path, *lists)
        assert result.returncode == 0, result.stdout + result.stderr
