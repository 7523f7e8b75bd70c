"""Simulated certificate authorities (root + issuing CA); never sees a private key."""

from mgcert.ca.authority import CertificateAuthority, IssueRequest, PublishedLists
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
    InvalidPkiUrl,
    InvalidRevocationReason,
    SerialUnavailable,
    UnknownSerial,
    WeakKey,
)
from mgcert.ca.profile import MG_CA_PROFILE, OTHER_CA_PROFILE, CaProfile
from mgcert.ca.records import AuditEntry, CertificatePurpose, CertificateStatus, IssuedRecord
from mgcert.ca.urls import DEFAULT_PKI_URL, CaUrls, validate_pki_url

__all__ = [
    "DEFAULT_PKI_URL",
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
    "CaUrls",
    "CertificateAuthority",
    "CertificatePurpose",
    "CertificateStatus",
    "CrlPublishFailed",
    "CsrSignatureInvalid",
    "InvalidCsr",
    "InvalidIssueRequest",
    "InvalidPkiUrl",
    "InvalidRevocationReason",
    "IssueRequest",
    "IssuedRecord",
    "PublishedLists",
    "SerialUnavailable",
    "UnknownSerial",
    "WeakKey",
    "validate_pki_url",
]
