"""Helpers for the PKI server tests: a data home with certificates made by the CLI,
OCSP requests, raw HTTP, and the KISA identifyData spec asn1crypto lacks.

The data home is made the way a consumer developer would make it: ``mgcert --json
issue --customer N --auto-verify`` and ``mgcert revoke --name ...`` (run in-process
through ``mgcert.cli.main`` for speed; ``test_pki_cli`` runs the real command), with
``MGCERT_PKI_URL`` pointing at the port the test's server will use, so the
certificates' CRL DP and AIA lead to it.
"""

from __future__ import annotations

import contextlib
import http.client as http_client
import io
import json
import os
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from asn1crypto import algos, core
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import ocsp
from support.constants import FAST_ITERATIONS as FIXTURE_KDF

from mgcert.cli import main
from mgcert.pki.server import PkiServer

FAST_ITERATIONS = str(FIXTURE_KDF)  # for an environment variable
PASSWORD = "Passw0rd!xy"
GOOD_CUSTOMER = "1"  # 김민준
REVOKED_CUSTOMER = "2"  # 이서연
REVOKED_NAME = "이서연"


# --- asn1crypto and the NPKI identifyData SAN ------------------------------------------
# pyhanko-certvalidator's name-constraint step calls ``.native`` on every SAN entry;
# asn1crypto parses an otherName value it has no spec for generically and fails on the
# context tag of identifyData's virtualID ([0] EXPLICIT OCTET STRING) — for real
# yessign certificates as for ours (KISA's structure, NPKI.md "VID"). A consumer has to
# teach asn1crypto the type, as here; nothing else about validation is changed.


class _VirtualId(core.Sequence):
    _fields = [  # noqa: RUF012 — asn1crypto's declaration style
        ("hash_alg", algos.DigestAlgorithm),
        ("virtual_id", core.OctetString, {"explicit": 0}),
    ]


class _UserInfo(core.Sequence):
    _fields = [("type_id", core.ObjectIdentifier), ("vid", _VirtualId)]  # noqa: RUF012


class _UserInfos(core.SequenceOf):
    _child_spec = _UserInfo


class _IdentifyData(core.Sequence):
    _fields = [  # noqa: RUF012
        ("real_name", core.UTF8String),
        ("user_infos", _UserInfos, {"optional": True}),
    ]


asn1_x509.AnotherName._oid_pair = ("type_id", "value")
asn1_x509.AnotherName._oid_specs = {"1.2.410.200004.10.1.1": _IdentifyData}


# --- a data home ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli_env(home: Path, pki_url: str) -> dict[str, str]:
    return {
        "MGCERT_HOME": str(home),
        "MGCERT_ITERATIONS": FAST_ITERATIONS,
        "MGCERT_PASSWORD": PASSWORD,
        "MGCERT_PKI_URL": pki_url,
    }


@contextlib.contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def run_cli(env: dict[str, str], *argv: str) -> dict[str, Any]:
    """``mgcert --json <argv>`` in-process; returns its JSON object (exit 0 required)."""
    out = io.StringIO()
    with (
        environment(env),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        code = main(["--json", *argv])
    assert code == 0, out.getvalue()
    result: dict[str, Any] = json.loads(out.getvalue().strip().splitlines()[-1])
    return result


@dataclass(frozen=True)
class PkiHome:
    """A data home with a good and a revoked certificate, and the port its URLs use."""

    root: Path
    port: int
    env: dict[str, str]
    good: x509.Certificate
    revoked: x509.Certificate
    root_ca: x509.Certificate
    issuing_ca: x509.Certificate

    @property
    def pki_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def make_pki_home(root: Path, port: int) -> PkiHome:
    env = cli_env(root, f"http://127.0.0.1:{port}")
    good = run_cli(env, "issue", "--customer", GOOD_CUSTOMER, "--auto-verify")
    revoked = run_cli(env, "issue", "--customer", REVOKED_CUSTOMER, "--auto-verify")
    run_cli(env, "revoke", "--name", REVOKED_NAME)
    return PkiHome(
        root=root,
        port=port,
        env=env,
        good=_certificate(Path(good["folder"]) / "signCert.der"),
        revoked=_certificate(Path(revoked["folder"]) / "signCert.der"),
        root_ca=_certificate(root / "ca" / "root.der"),
        issuing_ca=_certificate(root / "ca" / "issuing.der"),
    )


def _certificate(path: Path) -> x509.Certificate:
    return x509.load_der_x509_certificate(path.read_bytes())


def write_pem(certificate: x509.Certificate, path: Path) -> Path:
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


# --- OCSP -------------------------------------------------------------------------------


def ocsp_request(
    certificate: x509.Certificate,
    issuer: x509.Certificate,
    *,
    nonce: bytes | None = None,
    algorithm: hashes.HashAlgorithm | None = None,
) -> bytes:
    builder = ocsp.OCSPRequestBuilder().add_certificate(
        certificate,
        issuer,
        algorithm or hashes.SHA1(),  # noqa: S303 — what OCSP clients send by default
    )
    if nonce is not None:
        builder = builder.add_extension(x509.OCSPNonce(nonce), critical=False)
    return builder.build().public_bytes(serialization.Encoding.DER)


def verify_response(response: ocsp.OCSPResponse, issuer: x509.Certificate) -> x509.Certificate:
    """Check the signature with the responder certificate the response carries, and that
    the issuing CA delegated it (EKU OCSPSigning, signed by the issuer); returns it."""
    assert response.response_status is ocsp.OCSPResponseStatus.SUCCESSFUL
    (responder,) = response.certificates
    responder.verify_directly_issued_by(issuer)
    usage = responder.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert x509.oid.ExtendedKeyUsageOID.OCSP_SIGNING in usage
    key = responder.public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    assert response.signature_hash_algorithm is not None
    key.verify(
        response.signature,
        response.tbs_response_bytes,
        padding.PKCS1v15(),
        response.signature_hash_algorithm,
    )
    return responder


# --- raw HTTP ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HttpReply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str]


def http(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> HttpReply:
    connection = http_client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        data = response.read()
        return HttpReply(
            response.status,
            response.getheader("Content-Type", ""),
            data,
            {k.lower(): v for k, v in response.getheaders()},
        )
    finally:
        connection.close()


def post_ocsp(port: int, path: str, body: bytes) -> HttpReply:
    return http(port, "POST", path, body, {"Content-Type": "application/ocsp-request"})


def raw_exchange(port: int, data: bytes, *, read_limit: int = 65536) -> bytes:
    """Send raw bytes, return what comes back until the server closes (or 10 s)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            while sum(len(c) for c in chunks) < read_limit:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)


def openssl(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["openssl", *argv], capture_output=True, text=True, timeout=60)


class LoggedServer:
    """A running server and what it logged."""

    def __init__(self, server: PkiServer, log: io.StringIO) -> None:
        self.server = server
        self.log = log

    @property
    def port(self) -> int:
        return self.server.port
