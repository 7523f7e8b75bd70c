"""Independent clients against the server: pyhanko-certvalidator and openssl."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import AuthorityInformationAccessOID
from pki_support import LoggedServer, PkiHome, http, openssl, write_pem
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import ExpiredError, RevokedError


def _ocsp_url(certificate: x509.Certificate) -> str:
    access = certificate.extensions.get_extension_for_class(x509.AuthorityInformationAccess)
    for description in access.value:
        if description.access_method == AuthorityInformationAccessOID.OCSP:
            return str(description.access_location.value)
    raise AssertionError("no OCSP URL")


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))


def _validate(pki_home: PkiHome, leaf: x509.Certificate) -> None:
    context = ValidationContext(
        trust_roots=[_asn1(pki_home.root_ca)],
        other_certs=[_asn1(pki_home.issuing_ca)],
        allow_fetching=True,
        revocation_mode="hard-fail",
    )
    validator = CertificateValidator(
        _asn1(leaf), intermediate_certs=[_asn1(pki_home.issuing_ca)], validation_context=context
    )
    asyncio.run(validator.async_validate_usage({"digital_signature", "non_repudiation"}))


def test_the_certificates_point_at_the_data_homes_pki_url(pki_home: PkiHome) -> None:
    assert _ocsp_url(pki_home.good) == f"{pki_home.pki_url}/mgsim/ocsp"


def test_pyhanko_hard_fail_accepts_a_good_certificate_and_rejects_a_revoked_one(
    pki_home: PkiHome, served: LoggedServer
) -> None:
    # The validator finds the OCSP responder and the ARL through the URLs in the
    # certificates (nothing is handed to it), and hard-fail makes a failed fetch fatal.
    _validate(pki_home, pki_home.good)
    with pytest.raises(RevokedError, match="revoked"):
        _validate(pki_home, pki_home.revoked)
    log = served.log.getvalue()
    assert f"ocsp=good serial={pki_home.good.serial_number:x}" in log
    assert f"ocsp=revoked serial={pki_home.revoked.serial_number:x}" in log
    assert '"GET /mgsim/root.arl' in log  # the issuing CA's CRL DP, checked too


def test_openssl_ocsp_says_good_and_revoked(
    pki_home: PkiHome, served: LoggedServer, tmp_path: Path
) -> None:
    issuing = write_pem(pki_home.issuing_ca, tmp_path / "issuing.pem")
    root = write_pem(pki_home.root_ca, tmp_path / "root.pem")
    url = served.server.urls["mgsim"].ocsp
    for certificate, verdict in ((pki_home.good, "good"), (pki_home.revoked, "revoked")):
        leaf = write_pem(certificate, tmp_path / f"{verdict}.pem")
        result = openssl(
            "ocsp", "-issuer", str(issuing), "-cert", str(leaf), "-url", url, "-CAfile", str(root)
        )
        assert result.returncode == 0, result.stderr
        assert "Response verify OK" in result.stderr
        assert f"{leaf}: {verdict}" in result.stdout
        if verdict == "revoked":
            assert "Reason: cessationOfOperation" in result.stdout


def test_openssl_verify_with_the_served_crl_and_arl(
    pki_home: PkiHome, served: LoggedServer, tmp_path: Path
) -> None:
    urls = served.server.urls["mgsim"]
    lists = []
    for name, url in (("crl", urls.crl), ("arl", urls.arl)):
        reply = http(served.port, "GET", url.removeprefix(served.server.base_url))
        assert reply.status == 200
        assert reply.content_type == "application/pkix-crl"
        path = tmp_path / f"{name}.pem"
        crl = x509.load_der_x509_crl(reply.body)
        path.write_bytes(crl.public_bytes(serialization.Encoding.PEM))
        lists += ["-CRLfile", str(path)]
    chain = [
        "-CAfile",
        str(write_pem(pki_home.root_ca, tmp_path / "root.pem")),
        "-untrusted",
        str(write_pem(pki_home.issuing_ca, tmp_path / "issuing.pem")),
    ]
    good = write_pem(pki_home.good, tmp_path / "good.pem")
    revoked = write_pem(pki_home.revoked, tmp_path / "revoked.pem")
    passed = openssl("verify", "-crl_check_all", *chain, *lists, str(good))
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = openssl("verify", "-crl_check_all", *chain, *lists, str(revoked))
    assert failed.returncode != 0
    assert "certificate revoked" in failed.stdout + failed.stderr


def test_pyhanko_says_an_expired_certificate_has_expired(pki_home: PkiHome) -> None:
    # The third verdict a consumer must get right: good, revoked, and expired. Validated
    # a day after the end: the served lists are fresh for today, not for then, so no
    # revocation information is fetched (soft-fail): expiry must be what fails.
    after_expiry = pki_home.good.not_valid_after_utc + timedelta(days=1)
    context = ValidationContext(
        trust_roots=[_asn1(pki_home.root_ca)],
        other_certs=[_asn1(pki_home.issuing_ca)],
        allow_fetching=False,
        revocation_mode="soft-fail",
        moment=after_expiry,
    )
    validator = CertificateValidator(
        _asn1(pki_home.good),
        intermediate_certs=[_asn1(pki_home.issuing_ca)],
        validation_context=context,
    )
    with pytest.raises(ExpiredError):
        asyncio.run(validator.async_validate_usage({"digital_signature"}))
