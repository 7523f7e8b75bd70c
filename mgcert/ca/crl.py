"""Revocation lists: the issuing CA's CRL and the root's ARL, published atomically as DER.

Both are full lists (no delta, no issuingDistributionPoint) with a CRL number of their
own and an authorityKeyIdentifier naming the signer's certificate (key id, issuer,
serial). The ARL is the root's CRL: it lists revoked CA certificates (none while the
issuing CA is in service) and lasts 14 days, as the KISA RootCA 4 ARL does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca.errors import CrlPublishFailed
from mgcert.ca.extensions import authority_key_identifier
from mgcert.ca.files import write_atomic
from mgcert.ca.records import AuditAction
from mgcert.ca.store import RevokedRow
from mgcert.ca.urls import ARL_NAME, CRL_NAME

CRL_FILE = CRL_NAME
ARL_FILE = ARL_NAME
CRL_FILE_MODE = 0o644
# Real CAs publish daily; a list past its nextUpdate is republished on the next use.
CRL_LIFETIME = timedelta(days=1)
ARL_LIFETIME = timedelta(days=14)


@dataclass(frozen=True)
class ListKind:
    """One of the two lists: its register name, file, lifetime and audit action."""

    name: str
    file: str
    lifetime: timedelta
    audit_action: str


CRL = ListKind("crl", CRL_FILE, CRL_LIFETIME, AuditAction.PUBLISH_CRL)
ARL = ListKind("arl", ARL_FILE, ARL_LIFETIME, AuditAction.PUBLISH_ARL)


def build_list(
    signer: x509.Certificate,
    key: rsa.RSAPrivateKey,
    revoked: Sequence[RevokedRow],
    number: int,
    this_update: datetime,
    lifetime: timedelta,
) -> x509.CertificateRevocationList:
    """A full list signed by ``signer``: thisUpdate, nextUpdate = thisUpdate + lifetime,
    CRL number, AKI, and one entry per revoked serial with its reason code (none for
    unspecified, as RFC 5280 recommends)."""
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(signer.subject)
        .last_update(this_update)
        .next_update(this_update + lifetime)
        .add_extension(x509.CRLNumber(number), critical=False)
        .add_extension(authority_key_identifier(signer), critical=False)
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
    return builder.sign(key, hashes.SHA256())


def publish_crl(path: Path, crl: x509.CertificateRevocationList) -> None:
    """Replace a list file atomically; :class:`CrlPublishFailed` if it cannot be written."""
    try:
        write_atomic(path, crl.public_bytes(serialization.Encoding.DER), CRL_FILE_MODE)
    except OSError as exc:
        raise CrlPublishFailed(path) from exc


def read_crl(path: Path) -> x509.CertificateRevocationList | None:
    """The published list, or ``None`` when the file is missing or unreadable."""
    try:
        return x509.load_der_x509_crl(path.read_bytes())
    except (OSError, ValueError):
        return None


def is_current(crl: x509.CertificateRevocationList | None, now: datetime) -> bool:
    """True when ``crl`` need not be republished at ``now``: it exists and ``now`` is
    before its nextUpdate.

    A list whose thisUpdate lies after ``now`` (the simulated clock was moved back) is
    kept: a new one could not start earlier, since thisUpdate never goes backwards.
    """
    return crl is not None and crl.next_update_utc is not None and now < crl.next_update_utc
