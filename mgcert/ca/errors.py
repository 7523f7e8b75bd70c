"""Typed failures of the simulated CA; ``str(error)`` is one Korean sentence."""

from __future__ import annotations

from mgcert.errors import MgcertError
from mgcert.messages import ca as msg


class CaError(MgcertError):
    """Base class of every CA failure."""

    default_message = msg.CA_FAILURE


class InvalidCsr(CaError):
    """The bytes are not a DER PKCS #10 request the CA can read."""

    default_message = msg.INVALID_CSR


class CsrSignatureInvalid(CaError):
    """The CSR's self-signature does not verify: no proof of possession of the key."""

    default_message = msg.CSR_SIGNATURE_INVALID


class WeakKey(CaError):
    """The CSR's key is not RSA, or RSA shorter than 2048 bits."""

    default_message = msg.WEAK_KEY


class InvalidIssueRequest(CaError):
    """CN, real name, VID or end date cannot go into a certificate."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(msg.INVALID_ISSUE_REQUEST.format(detail=detail))


class UnknownSerial(CaError):
    """No certificate with this serial was issued by this CA."""

    def __init__(self, serial: int) -> None:
        self.serial = serial
        super().__init__(msg.UNKNOWN_SERIAL.format(serial=f"{serial:X}"))


class AlreadyRevoked(CaError):
    """The certificate was revoked before."""

    def __init__(self, serial: int) -> None:
        self.serial = serial
        super().__init__(msg.ALREADY_REVOKED.format(serial=f"{serial:X}"))


class InvalidRevocationReason(CaError):
    """A reason that a full CRL cannot carry (``removeFromCRL``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(msg.INVALID_REVOCATION_REASON.format(reason=reason))


class CaStateDamaged(CaError):
    """A CA key or certificate file is unreadable, mismatched or from another CA."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(msg.CA_STATE_DAMAGED.format(path=path))


class CaDatabaseUnavailable(CaError):
    """SQLite failed (locked for too long, disk full, damaged file)."""

    default_message = msg.CA_DATABASE_UNAVAILABLE


class CrlPublishFailed(CaError):
    """The new CRL could not be written; the revocation was not recorded."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(msg.CRL_PUBLISH_FAILED.format(path=path))


class CaFolderUnusable(CaError):
    """The CA folder cannot be created or locked (permissions, read-only disk)."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(msg.CA_FOLDER_UNUSABLE.format(path=path))


class CaRegisterMissing(CaError):
    """The data home says this CA exists, but its register is missing or emptied."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(msg.CA_REGISTER_MISSING.format(path=path))


class CaRegisterTooNew(CaError):
    """The register was written by a newer mgcert; it is left untouched."""

    def __init__(self, path: object) -> None:
        self.path = path
        super().__init__(msg.CA_REGISTER_TOO_NEW.format(path=path))


class InvalidPkiUrl(CaError):
    """A PKI base URL that certificates cannot point at (see :func:`validate_pki_url`)."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(msg.INVALID_PKI_URL.format(url=repr(url)))


class SerialUnavailable(CaError):
    """Every serial drawn for a certificate was already taken (practically impossible)."""

    default_message = msg.SERIAL_UNAVAILABLE
