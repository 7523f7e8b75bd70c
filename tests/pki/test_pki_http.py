"""The server's routes and its answers to requests that are wrong in every way: an OCSP
error status or an HTTP 4xx, never a 500 or a traceback."""

from __future__ import annotations

import base64
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import ocsp
from pki_support import (
    LoggedServer,
    PkiHome,
    http,
    ocsp_request,
    post_ocsp,
    raw_exchange,
    verify_response,
    write_pem,
)

from mgcert.pki.server import MAX_REQUEST_BYTES, url_dict

OCSP = "/mgsim/ocsp"


def _status(body: bytes) -> ocsp.OCSPResponseStatus:
    return ocsp.load_der_ocsp_response(body).response_status


def _good_request(pki_home: PkiHome, nonce: bytes | None = None) -> bytes:
    return ocsp_request(pki_home.good, pki_home.issuing_ca, nonce=nonce)


# --- static routes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "file"),
    [("/mgsim/root.der", "ca/root.der"), ("/othersim/issuing.der", "other-ca/issuing.der")],
)
def test_ca_certificates_are_served_as_pkix_cert(
    served: LoggedServer, pki_home: PkiHome, path: str, file: str
) -> None:
    reply = http(served.port, "GET", path)
    assert (reply.status, reply.content_type) == (200, "application/pkix-cert")
    assert reply.body == (pki_home.root / file).read_bytes()


@pytest.mark.parametrize("org", ["mgsim", "othersim"])
def test_crl_and_arl_are_served_signed_by_their_ca(served: LoggedServer, org: str) -> None:
    site = served.server.sites[org]
    for name, signer in (
        ("issuing.crl", site.ca.issuing_certificate),
        ("root.arl", site.ca.root_certificate),
    ):
        reply = http(served.port, "GET", f"/{org}/{name}")
        assert (reply.status, reply.content_type) == (200, "application/pkix-crl")
        crl = x509.load_der_x509_crl(reply.body)
        assert crl.issuer == signer.subject
        assert crl.is_signature_valid(signer.public_key())  # type: ignore[arg-type]


def test_cps_says_these_are_simulation_certificates(served: LoggedServer) -> None:
    reply = http(served.port, "GET", "/mgsim/cps")
    assert reply.status == 200
    assert reply.content_type.startswith("text/plain")
    text = reply.body.decode()
    assert "시뮬레이션" in text
    assert "simulation" in text.lower()
    assert "MGSIM TEST Class 1" in text


def test_index_lists_every_url(served: LoggedServer) -> None:
    text = http(served.port, "GET", "/").body.decode()
    for urls in served.server.urls.values():
        for url in url_dict(urls).values():
            assert url in text


def test_head_sends_the_headers_alone(served: LoggedServer) -> None:
    reply = http(served.port, "HEAD", "/mgsim/issuing.crl")
    assert reply.status == 200
    assert reply.body == b""
    assert int(reply.headers["content-length"]) > 0


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/nowhere", 404),
        ("GET", "/mgsim/private/issuing.key", 404),
        ("GET", "/mgsim/../ca/private/issuing.key", 404),
        ("GET", "/mgsim/ocsp.der", 404),
        ("GET", "/mgsim/ocsp", 405),
        ("POST", "/mgsim/issuing.crl", 405),
        ("POST", "/", 405),
        ("DELETE", "/mgsim/issuing.crl", 405),
        ("PUT", "/mgsim/ocsp", 405),
        ("FROB", "/mgsim/ocsp", 501),
    ],
)
def test_wrong_paths_and_methods(served: LoggedServer, method: str, path: str, status: int) -> None:
    reply = http(served.port, method, path, b"" if method == "POST" else None)
    assert reply.status == status
    if status == 405:
        assert "allow" in reply.headers


# --- OCSP that works -----------------------------------------------------------------------


def test_nonce_is_echoed_and_response_verifies(served: LoggedServer, pki_home: PkiHome) -> None:
    nonce = os.urandom(16)
    reply = post_ocsp(served.port, OCSP, _good_request(pki_home, nonce))
    assert (reply.status, reply.content_type) == (200, "application/ocsp-response")
    response = ocsp.load_der_ocsp_response(reply.body)
    verify_response(response, pki_home.issuing_ca)
    assert response.certificate_status is ocsp.OCSPCertStatus.GOOD
    assert response.serial_number == pki_home.good.serial_number
    assert response.extensions.get_extension_for_class(x509.OCSPNonce).value.nonce == nonce
    assert response.next_update_utc is not None
    assert response.this_update_utc < response.next_update_utc


def test_revoked_carries_time_and_reason(served: LoggedServer, pki_home: PkiHome) -> None:
    request = ocsp_request(pki_home.revoked, pki_home.issuing_ca)
    response = ocsp.load_der_ocsp_response(post_ocsp(served.port, OCSP, request).body)
    verify_response(response, pki_home.issuing_ca)
    assert response.certificate_status is ocsp.OCSPCertStatus.REVOKED
    assert response.revocation_reason is x509.ReasonFlags.cessation_of_operation
    assert response.revocation_time_utc is not None
    with pytest.raises(x509.ExtensionNotFound):
        response.extensions.get_extension_for_class(x509.OCSPNonce)


def test_a_serial_never_issued_is_unknown(served: LoggedServer, pki_home: PkiHome) -> None:
    request = (
        ocsp.OCSPRequestBuilder()
        .add_certificate_by_hash(
            *_issuer_hashes(pki_home),
            0x12345678,
            hashes.SHA1(),  # noqa: S303 — the CertID hash OCSP clients send (RFC 6960)
        )
        .build()
        .public_bytes(serialization.Encoding.DER)
    )
    response = ocsp.load_der_ocsp_response(post_ocsp(served.port, OCSP, request).body)
    verify_response(response, pki_home.issuing_ca)
    assert response.certificate_status is ocsp.OCSPCertStatus.UNKNOWN


def _issuer_hashes(pki_home: PkiHome) -> tuple[bytes, bytes]:
    probe = ocsp.load_der_ocsp_request(_good_request(pki_home))
    return probe.issuer_name_hash, probe.issuer_key_hash


def test_sha256_cert_id_is_answered_in_kind(served: LoggedServer, pki_home: PkiHome) -> None:
    request = ocsp_request(pki_home.good, pki_home.issuing_ca, algorithm=hashes.SHA256())
    response = ocsp.load_der_ocsp_response(post_ocsp(served.port, OCSP, request).body)
    verify_response(response, pki_home.issuing_ca)
    assert isinstance(response.hash_algorithm, hashes.SHA256)
    assert response.certificate_status is ocsp.OCSPCertStatus.GOOD


def test_the_root_answers_for_the_issuing_ca(served: LoggedServer, pki_home: PkiHome) -> None:
    request = ocsp_request(pki_home.issuing_ca, pki_home.root_ca)
    response = ocsp.load_der_ocsp_response(post_ocsp(served.port, OCSP, request).body)
    assert response.response_status is ocsp.OCSPResponseStatus.SUCCESSFUL
    assert response.certificate_status is ocsp.OCSPCertStatus.GOOD
    assert response.certificates == []
    root_key = pki_home.root_ca.public_key()
    assert isinstance(root_key, rsa.RSAPublicKey)
    root_key.verify(
        response.signature,
        response.tbs_response_bytes,
        padding.PKCS1v15(),
        hashes.SHA256(),
    )


@pytest.mark.parametrize("alphabet", ["standard", "urlsafe", "percent-encoded", "unpadded"])
def test_get_with_base64_in_the_path(
    served: LoggedServer, pki_home: PkiHome, alphabet: str
) -> None:
    der = _good_request(pki_home, os.urandom(32))
    encoded = {
        "standard": base64.b64encode(der).decode(),
        "urlsafe": base64.urlsafe_b64encode(der).decode(),
        "percent-encoded": quote(base64.b64encode(der).decode(), safe=""),
        "unpadded": base64.urlsafe_b64encode(der).decode().rstrip("="),
    }[alphabet]
    reply = http(served.port, "GET", f"{OCSP}/{encoded}")
    assert (reply.status, reply.content_type) == (200, "application/ocsp-response")
    response = ocsp.load_der_ocsp_response(reply.body)
    verify_response(response, pki_home.issuing_ca)
    assert response.certificate_status is ocsp.OCSPCertStatus.GOOD


# --- OCSP that does not --------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [b"", b"garbage", b"\x30\x00", b"\x30\x03\x02\x01\x01", b"\x30\x82\xff\xff" + b"\x00" * 64],
    ids=["empty", "garbage", "empty-sequence", "wrong-tag", "short-length"],
)
def test_a_body_that_is_no_ocsp_request_is_malformed(served: LoggedServer, body: bytes) -> None:
    reply = post_ocsp(served.port, OCSP, body)
    assert (reply.status, reply.content_type) == (200, "application/ocsp-response")
    assert _status(reply.body) is ocsp.OCSPResponseStatus.MALFORMED_REQUEST


@pytest.mark.parametrize("encoded", ["***", "not-base64!", "%ZZ", "A", "MEkw" * 3 + "="])
def test_get_with_bad_base64_is_malformed(served: LoggedServer, encoded: str) -> None:
    reply = http(served.port, "GET", f"{OCSP}/{encoded}")
    assert reply.status == 200
    assert _status(reply.body) is ocsp.OCSPResponseStatus.MALFORMED_REQUEST


@pytest.mark.parametrize("length", [0, 33, 200])
def test_a_nonce_outside_1_to_32_octets_is_malformed(
    served: LoggedServer, pki_home: PkiHome, length: int
) -> None:
    reply = post_ocsp(served.port, OCSP, _good_request(pki_home, b"\x01" * length))
    assert _status(reply.body) is ocsp.OCSPResponseStatus.MALFORMED_REQUEST  # RFC 8954


def test_two_certificates_in_one_request_are_refused(
    served: LoggedServer, pki_home: PkiHome, tmp_path: Path
) -> None:
    issuing = write_pem(pki_home.issuing_ca, tmp_path / "issuing.pem")
    good = write_pem(pki_home.good, tmp_path / "good.pem")
    revoked = write_pem(pki_home.revoked, tmp_path / "revoked.pem")
    out = tmp_path / "two.der"
    subprocess.run(
        ["openssl", "ocsp", "-issuer", str(issuing), "-cert", str(good), "-cert", str(revoked),
         "-reqout", str(out)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    reply = post_ocsp(served.port, OCSP, out.read_bytes())
    assert _status(reply.body) is ocsp.OCSPResponseStatus.MALFORMED_REQUEST


def test_another_cas_certificate_is_unauthorized(served: LoggedServer, pki_home: PkiHome) -> None:
    # Asking MGSIM's responder about OTHERSIM's issuing CA certificate.
    other = served.server.sites["othersim"].ca
    request = ocsp_request(other.issuing_certificate, other.root_certificate)
    reply = post_ocsp(served.port, OCSP, request)
    assert _status(reply.body) is ocsp.OCSPResponseStatus.UNAUTHORIZED
    # ... and its own responder answers it.
    reply = post_ocsp(served.port, "/othersim/ocsp", request)
    assert _status(reply.body) is ocsp.OCSPResponseStatus.SUCCESSFUL


def test_wrong_content_type_is_415(served: LoggedServer, pki_home: PkiHome) -> None:
    reply = http(served.port, "POST", OCSP, _good_request(pki_home), {"Content-Type": "text/plain"})
    assert reply.status == 415


def test_a_body_over_the_limit_is_413(served: LoggedServer) -> None:
    reply = post_ocsp(served.port, OCSP, b"\x30" * (MAX_REQUEST_BYTES + 1))
    assert reply.status == 413


def test_an_announced_huge_body_is_refused_unread(served: LoggedServer) -> None:
    head = (
        f"POST {OCSP} HTTP/1.1\r\nHost: x\r\nContent-Type: application/ocsp-request\r\n"
        "Content-Length: 1000000000\r\n\r\n"
    )
    answer = raw_exchange(served.port, head.encode())
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"Connection: close" in answer


def test_expect_100_continue_over_the_limit_gets_413_first(served: LoggedServer) -> None:
    head = (
        f"POST {OCSP} HTTP/1.1\r\nHost: x\r\nContent-Type: application/ocsp-request\r\n"
        "Content-Length: 99999999\r\nExpect: 100-continue\r\n\r\n"
    )
    assert raw_exchange(served.port, head.encode()).startswith(b"HTTP/1.1 413 ")


@pytest.mark.parametrize(
    "framing",
    ["", "Transfer-Encoding: chunked\r\n", "Content-Length: -5\r\n", "Content-Length: x\r\n"],
    ids=["no-length", "chunked", "negative", "not-a-number"],
)
def test_bodies_without_a_usable_length(served: LoggedServer, framing: str) -> None:
    head = f"POST {OCSP} HTTP/1.1\r\nHost: x\r\nContent-Type: application/ocsp-request\r\n"
    body = b"5\r\nabcde\r\n0\r\n\r\n"
    answer = raw_exchange(served.port, (head + framing + "\r\n").encode() + body)
    status = int(answer.split(b" ", 2)[1])
    assert status in (400, 411)


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\r\n\r\n",  # binary junk in the request line
        b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n\r\n",  # a request line over the limit
        b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 200 + b"\r\n",  # too many headers
        b"GET / HTTP/1.1\r\nX: " + b"y" * 70000 + b"\r\n\r\n",  # a header line too long
        b"NONSENSE\r\n\r\n",
    ],
    ids=["binary", "long-line", "many-headers", "long-header", "nonsense"],
)
def test_broken_http_gets_a_4xx(served: LoggedServer, request_bytes: bytes) -> None:
    # The standard library answers a request line it cannot read as HTTP/0.9 would
    # (the error page without a status line), anything else with a 4xx status line.
    answer = raw_exchange(served.port, request_bytes)
    assert re.match(rb"HTTP/1\.[01] 4\d\d ", answer) or re.search(rb"Error code: 4\d\d", answer), (
        answer[:200]
    )


def test_control_characters_never_reach_the_log_raw(served: LoggedServer) -> None:
    raw_exchange(served.port, b"GET /\x1b[31mred\x07 HTTP/1.1\r\n\r\n")
    log = served.log.getvalue()
    assert "\x1b" not in log
    assert "\\x1b[31mred" in log


def test_http_1_0_keep_alive_is_answered_as_such(served: LoggedServer, pki_home: PkiHome) -> None:
    body = _good_request(pki_home)
    one = (
        f"POST {OCSP} HTTP/1.0\r\nConnection: keep-alive\r\n"
        f"Content-Type: application/ocsp-request\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body
    answer = raw_exchange(served.port, one + one, read_limit=2 * 4096)
    assert answer.count(b"HTTP/1.1 200 OK") == 2
    assert b"Connection: keep-alive" in answer


def test_no_request_ever_got_a_500_or_a_traceback(served: LoggedServer) -> None:
    # The requests of this module that ran on this worker are in the log too; these
    # make sure there is something to look at whatever the distribution of tests.
    for body in (b"", b"\x00" * 100, b"\x30\x80\x00\x00"):
        post_ocsp(served.port, OCSP, body)
    raw_exchange(served.port, b"\xff\xfe\r\n\r\n")
    log = served.log.getvalue()
    assert log.count("\n") >= 4  # one line per request
    assert "Traceback" not in log
    assert not re.search(r'" 500 ', log), log


def test_nonce_less_requests_may_share_a_response_until_the_status_changes(
    home_copy: object, pki_home: PkiHome
) -> None:
    from mgcert.ca import MG_CA_PROFILE, CertificateAuthority
    from mgcert.clock import Clock
    from mgcert.home import DataHome
    from mgcert.pki import PkiServer
    from mgcert.pki.ocsp import REUSE_FOR

    assert isinstance(home_copy, DataHome)
    clock = Clock(state_file=home_copy.clock_file)
    request = ocsp_request(pki_home.good, pki_home.issuing_ca)
    with PkiServer(home_copy, clock, log=None) as server:
        first = post_ocsp(server.port, OCSP, request).body
        assert post_ocsp(server.port, OCSP, request).body == first  # reused
        with_nonce = post_ocsp(server.port, OCSP, _good_request(pki_home, b"n" * 16)).body
        assert with_nonce != first
        clock.advance(REUSE_FOR)
        later = post_ocsp(server.port, OCSP, request).body
        assert later != first  # signed anew once older than REUSE_FOR
        with CertificateAuthority.open(
            home_copy.ca_dir, home_copy.ca_db, clock, MG_CA_PROFILE, create=False
        ) as ca:
            ca.revoke(pki_home.good.serial_number, x509.ReasonFlags.superseded)
        response = ocsp.load_der_ocsp_response(post_ocsp(server.port, OCSP, request).body)
        assert response.certificate_status is ocsp.OCSPCertStatus.REVOKED
