"""The issuing CA's CRL: built from the register, published atomically as DER."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

from mgcert.ca.errors import CrlPublishFailed
from mgcert.ca.files import write_atomic
from mgcert.ca.hierarchy import CaHierarchy
from mgcert.ca.store import RevokedRow

CRL_FILE = "issuing.crl"
CRL_FILE_MODE = 0o644
# Real CAs publish daily; a day-old CRL is republished on the next crl() call.
CRL_LIFETIME = timedelta(days=1)


def build_crl(
    hierarchy: CaHierarchy,
    revoked: Sequence[RevokedRow],
    number: int,
    this_update: datetime,
) -> x509.CertificateRevocationList:
    """A full CRL signed by the issuing CA: thisUpdate, nextUpdate = +1 day, CRL number,
    AKI, and one entry per revoked serial with its reason code (none for unspecified,
    as RFC 5280 recommends)."""
    issuer = hierarchy.issuing_certificate
    issuer_ski = issuer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(issuer.subject)
        .last_update(this_update)
        .next_update(this_update + CRL_LIFETIME)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski),
            critical=False,
        )
    )
    for row in revoked:
        entry = (
            x509.RevokedCertificateBuilder()
            .serial_number(row.serial)
            .revocation_date(row.revoked_at)
        )
        reason = x509.ReasonFlags(row.reason)
        if reason is not x509.ReasonFlags.unspecified:
            entry = entry.add_extension(x509.CRLReason(reason), critical=False)
        builder = builder.add_revoked_certificate(entry.build())
    return builder.sign(hierarchy.issuing_key, hashes.SHA256())


def publish_crl(path: Path, crl: x509.CertificateRevocationList) -> None:
    """Replace the CRL file atomically; :class:`CrlPublishFailed` if it cannot be written."""
    try:
        write_atomic(path, crl.public_bytes(serialization.Encoding.DER), CRL_FILE_MODE)
    except OSError as exc:
        raise CrlPublishFailed(path) from exc


def read_crl(path: Path) -> x509.CertificateRevocationList | None:
    """The published CRL, or ``None`` when the file is missing or unreadable."""
    try:
        return x509.load_der_x509_crl(path.read_bytes())
    except (OSError, ValueError):
        return None
