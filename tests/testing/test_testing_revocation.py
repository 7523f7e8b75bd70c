"""NpkiCA.revoke and NpkiCA.serve: the CRL and OCSP a consumer under test will ask."""

from __future__ import annotations

import socket
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from testing_support import openssl, pem_file

from mgcert.testing import FixtureError, NotIssuedHere, NpkiCA, NpkiCertificate, PkiPortInUse


@pytest.fixture
def ca(tmp_path: Path) -> Iterator[NpkiCA]:
    with NpkiCA(tmp_path / "ca", reuse_keys=True) as authority:
        yield authority


def _ocsp_status(cert: NpkiCertificate, url: str) -> ocsp.OCSPCertStatus:
    request = (
        ocsp.OCSPRequestBuilder()
        .add_certificate(cert.certificate, cert.chain[0], hashes.SHA1())  # noqa: S303
        .build()
        .public_bytes(serialization.Encoding.DER)
    )
    posted = urllib.request.Request(  # noqa: S310 — loopback URL of the test's own server
        url, data=request, headers={"Content-Type": "application/ocsp-request"}
    )
    with urllib.request.urlopen(posted, timeout=10) as reply:  # noqa: S310
        response = ocsp.load_der_ocsp_response(reply.read())
    assert response.response_status is ocsp.OCSPResponseStatus.SUCCESSFUL
    return response.certificate_status


def _crl_dp(cert: NpkiCertificate) -> str:
    points = cert.certificate.extensions.get_extension_for_class(x509.CRLDistributionPoints)
    name = points.value[0].full_name
    assert name is not None
    return str(name[0].value)


def test_revoke_lists_the_serial_with_its_reason(ca: NpkiCA) -> None:
    cert, other = ca.issue(), ca.issue()
    ca.revoke(cert, "superseded")
    crl = x509.load_der_x509_crl(ca.crl_path.read_bytes())
    entry = crl.get_revoked_certificate_by_serial_number(cert.serial)
    assert entry is not None
    reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
    assert reason is x509.ReasonFlags.superseded
    assert crl.get_revoked_certificate_by_serial_number(other.serial) is None
    assert ca.status(cert) == "revoked"


def test_revoking_also_revokes_the_km_certificate(ca: NpkiCA) -> None:
    cert = ca.issue(km=True)
    assert cert.km_cert_path is not None
    km = x509.load_der_x509_certificate(cert.km_cert_path.read_bytes())
    ca.revoke(cert)
    crl = x509.load_der_x509_crl(ca.crl_path.read_bytes())
    assert crl.get_revoked_certificate_by_serial_number(km.serial_number) is not None


def test_openssl_sees_the_revocation_in_the_crl(ca: NpkiCA, tmp_path: Path) -> None:
    good, revoked = ca.issue(), ca.issue()
    ca.revoke(revoked)
    root = pem_file(ca.root_cert_path, tmp_path / "root.pem")
    chain = pem_file(ca.issuing_cert_path, tmp_path / "issuing.pem")
    crl = tmp_path / "crl.pem"
    assert openssl("crl", "-inform", "DER", "-in", ca.crl_path, "-out", crl).returncode == 0
    for cert, expected in ((good, 0), (revoked, 2)):
        leaf = pem_file(cert.cert_path, tmp_path / f"{cert.serial_hex}.pem")
        result = openssl(
            "verify", "-CAfile", root, "-untrusted", chain, "-CRLfile", crl, "-crl_check", leaf
        )
        assert result.returncode == expected, result.stdout + result.stderr
        if expected:
            assert "certificate revoked" in result.stdout + result.stderr


def test_revoke_refuses_strangers_and_unknown_reasons(ca: NpkiCA, tmp_path: Path) -> None:
    with NpkiCA(tmp_path / "other", reuse_keys=True) as other:
        stranger = other.issue()
    with pytest.raises(NotIssuedHere):
        ca.revoke(stranger)
    with pytest.raises(FixtureError, match="폐지 사유"):
        ca.revoke(ca.issue(), "becauseISaidSo")


def test_serve_answers_at_the_urls_in_the_certificate(ca: NpkiCA) -> None:
    good, revoked = ca.issue(), ca.issue()
    ca.revoke(revoked, "keyCompromise")
    with ca.serve() as urls:
        assert _crl_dp(good) == urls.crl
        with urllib.request.urlopen(_crl_dp(good), timeout=10) as reply:  # noqa: S310
            crl = x509.load_der_x509_crl(reply.read())
        assert crl.get_revoked_certificate_by_serial_number(revoked.serial) is not None
        aia = good.certificate.extensions.get_extension_for_class(x509.AuthorityInformationAccess)
        ocsp_url = next(
            str(d.access_location.value)
            for d in aia.value
            if d.access_method == x509.AuthorityInformationAccessOID.OCSP
        )
        assert ocsp_url == urls.ocsp
        assert isinstance(_ocsp_status(good, ocsp_url), type(ocsp.OCSPCertStatus.GOOD))
        assert _ocsp_status(good, ocsp_url) is ocsp.OCSPCertStatus.GOOD
        assert _ocsp_status(revoked, ocsp_url) is ocsp.OCSPCertStatus.REVOKED


def test_serve_on_a_free_port_gives_its_own_urls(ca: NpkiCA) -> None:
    cert = ca.issue()
    with ca.serve(port=0) as urls:
        assert urls.crl != _crl_dp(cert) or urls.base == ca.urls.base
        assert _ocsp_status(cert, urls.ocsp) is ocsp.OCSPCertStatus.GOOD


def test_a_taken_port_is_a_clear_error(ca: NpkiCA) -> None:
    port = int(ca.urls.base.rsplit(":", 1)[1])
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)
        squatter.bind(("127.0.0.1", port))
        squatter.listen()
        with pytest.raises(PkiPortInUse, match="serve\\(port=0\\)"), ca.serve():
            pass
