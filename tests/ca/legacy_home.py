"""A CA folder and register as mgcert made them before issue 13, built by hand.

Old form: 20-byte serials, CA certificates without policies, CRL DP or AIA, AKIs with
the key id only, a CRL signed with such an AKI, no ARL, and a version 1 or 2 register
without ``pki_url`` whose CRL number lives in ``crl_state``.
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import CaProfile
from mgcert.ca.schema import _V1, _to_v2


def _key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def make_legacy_ca(
    directory: Path, db_path: Path, profile: CaProfile, now: datetime, *, version: int
) -> None:
    """Write an old-form CA into ``directory`` and a version ``version`` register."""
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    issuing_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    start, end = now - timedelta(days=400), now + timedelta(days=7000)
    root = (
        x509.CertificateBuilder()
        .subject_name(profile.root_name)
        .issuer_name(profile.root_name)
        .public_key(root_key.public_key())
        .serial_number(secrets.randbits(159) | 1)
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(root_key.public_key()), critical=False
        )
        .sign(root_key, hashes.SHA256())
    )
    root_ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    issuing = (
        x509.CertificateBuilder()
        .subject_name(profile.issuing_name)
        .issuer_name(root.subject)
        .public_key(issuing_key.public_key())
        .serial_number(secrets.randbits(159) | 1)
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(), critical=True)
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(issuing_key.public_key()), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(root_ski),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )
    issuing_ski = issuing.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    crl = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuing.subject)
        .last_update(now.replace(microsecond=0))
        .next_update(now.replace(microsecond=0) + timedelta(days=1))
        .add_extension(x509.CRLNumber(1), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuing_ski),
            critical=False,
        )
        .sign(issuing_key, hashes.SHA256())
    )
    private = directory / "private"
    private.mkdir(parents=True, mode=0o700)
    (private / "root.key").write_bytes(_pem(root_key))
    (private / "issuing.key").write_bytes(_pem(issuing_key))
    (directory / "root.der").write_bytes(root.public_bytes(serialization.Encoding.DER))
    (directory / "issuing.der").write_bytes(issuing.public_bytes(serialization.Encoding.DER))
    (directory / "issuing.crl").write_bytes(crl.public_bytes(serialization.Encoding.DER))

    published = now.astimezone(UTC).replace(microsecond=0)  # as the store writes times
    with sqlite3.connect(db_path) as db:
        for statement in _V1:
            db.execute(statement)
        if version >= 2:
            _to_v2(db)
        db.execute("INSERT INTO crl_state (id, number) VALUES (1, 1)")
        db.execute(
            "INSERT INTO audit_log (time, action, detail) VALUES (?, 'publish_crl', ?)",
            (published.isoformat(), "number=1 entries=0"),
        )
        db.execute(f"PRAGMA user_version = {version}")
