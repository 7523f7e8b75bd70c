"""Shared data and helpers of the CA tests (imported by conftest.py and the tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from mgcert.ca import CertificateAuthority, IssueRequest
from mgcert.clock import KST, Clock

CA_NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)
HOLDER_RRN = "9001011234567"
# The CA appends a 9-digit number to this for each certificate (CNs are unique).
CN_PREFIX = "홍길동()0045045"
HOLDER_RANDOM_NUM = bytes(range(1, 21))

MakeCsr = Callable[[rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey], bytes]
MakeRequest = Callable[..., IssueRequest]
OpenCa = Callable[[Clock], CertificateAuthority]


@dataclass(frozen=True)
class Holder:
    """The test subscriber: what the bank knows and what the key file would hold."""

    name: str
    cn: str
    rrn: str
    random_num: bytes
    other_rrn: str  # someone else's 주민등록번호


def csr_for(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    """A DER CSR signed by ``key``; its subject is deliberately not the one the CA uses."""
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "from the CSR")]))
        .sign(key, hashes.SHA256())
        .public_bytes(serialization.Encoding.DER)
    )
