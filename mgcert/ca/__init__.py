"""Simulated certificate authorities (root + issuing CA); never sees a private key."""

from mgcert.ca.authority import CertificateAuthority, IssueRequest
from mgcert.ca.errors import (
    AlreadyRevoked,
    CaDatabaseUnavailable,
    CaError,
    CaFolderUnusable,
    CaRegisterMissing,
    CaRegisterTooNew,
    CaStateDamaged,
    CrlPublishFailed,
    CsrSignatureInvalid,
    InvalidCsr,
    InvalidIssueRequest,
    InvalidRevocationReason,
    UnknownSerial,
    WeakKey,
)
from mgcert.ca.profile import MG_CA_PROFILE, OTHER_CA_PROFILE, CaProfile
from mgcert.ca.records import AuditEntry, CertificateStatus, IssuedRecord

__all__ = [
    "MG_CA_PROFILE",
    "OTHER_CA_PROFILE",
    "AlreadyRevoked",
    "AuditEntry",
    "CaDatabaseUnavailable",
    "CaError",
    "CaFolderUnusable",
    "CaProfile",
    "CaRegisterMissing",
    "CaRegisterTooNew",
    "CaStateDamaged",
    "CertificateAuthority",
    "CertificateStatus",
    "CrlPublishFailed",
    "CsrSignatureInvalid",
    "InvalidCsr",
    "InvalidIssueRequest",
    "InvalidRevocationReason",
    "IssueRequest",
    "IssuedRecord",
    "UnknownSerial",
    "WeakKey",
]
