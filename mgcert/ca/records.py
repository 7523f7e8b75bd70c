"""What the CA reports about a certificate it issued."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509

from mgcert.npki.profile import CertificateKind


class CertificatePurpose(enum.Enum):
    """What a subscriber key is certified for.

    ``SIGNING``: signCert.der (digitalSignature + nonRepudiation); the CN is unique
    among signing certificates. ``KEY_MANAGEMENT``: kmCert.der beside it (keyEncipherment
    + dataEncipherment), same subject as its signing certificate, at most one each.
    """

    SIGNING = "signing"
    KEY_MANAGEMENT = "key_management"


class CertificateStatus(enum.Enum):
    """Status of a serial at the CA's current (simulated) time.

    A certificate that is both revoked and past its end is ``REVOKED``: revocation is a
    permanent fact and says more than expiry.
    """

    GOOD = "good"
    REVOKED = "revoked"
    UNKNOWN = "unknown"  # this CA never issued the serial
    EXPIRED = "expired"


@dataclass(frozen=True)
class IssuedRecord:
    """One row of the CA's register of issued certificates."""

    serial: int
    cn: str
    kind: CertificateKind
    not_before: datetime
    not_after: datetime
    status: CertificateStatus
    revoked_at: datetime | None
    reason: x509.ReasonFlags | None
    der: bytes
    purpose: CertificatePurpose = CertificatePurpose.SIGNING
    # For a KEY_MANAGEMENT certificate: the serial of its signing certificate.
    sign_serial: int | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One line of the CA's audit log (every issuance, revocation, CRL and ARL)."""

    time: datetime
    action: str
    serial: int | None
    detail: str


class AuditAction:
    """The ``action`` values the CA writes into its audit log."""

    ISSUE = "issue"
    REVOKE = "revoke"
    PUBLISH_CRL = "publish_crl"
    PUBLISH_ARL = "publish_arl"
