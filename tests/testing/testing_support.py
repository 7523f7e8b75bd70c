"""Helpers for the mgcert.testing tests: independent readers (PyPinkSign, OpenSSL,
asn1crypto) to check what the fixtures wrote."""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

from asn1crypto import core
from cryptography import x509
from cryptography.hazmat.primitives import serialization


def openssl(
    *argv: str | Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run openssl; ``env`` adds variables (passwords go in by ``env:NAME``, not argv)."""
    return subprocess.run(
        ["openssl", *map(str, argv)],
        capture_output=True,
        text=True,
        errors="replace",  # openssl prints friendlyName bytes as they are
        timeout=60,
        check=False,
        env={**os.environ, **(env or {})},
    )


def pem_file(der_path: Path, out: Path) -> Path:
    """A PEM copy of a DER certificate (openssl verify wants PEM for -CAfile)."""
    certificate = x509.load_der_x509_certificate(der_path.read_bytes())
    out.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return out


class _HashContent(core.Sequence):
    _fields = [("idn", core.PrintableString), ("random_num", core.OctetBitString)]  # noqa: RUF012


def vid_by_asn1crypto(id_number: str, random_num: bytes) -> bytes:
    """KISA's VID computed with another ASN.1 library than mgcert's."""
    content = _HashContent({"idn": id_number, "random_num": random_num})
    return hashlib.sha256(hashlib.sha256(content.dump()).digest()).digest()


def pinksign(cert_path: Path, key_path: Path, password: str) -> object:
    """PyPinkSign's reading of a signCert.der / signPri.key pair."""
    import pypinksign

    return pypinksign.PinkSign(
        pubkey_path=str(cert_path), prikey_path=str(key_path), prikey_password=password.encode()
    )
