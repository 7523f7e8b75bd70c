"""Why a PKCS #12 (PFX) file could not be read: every failure of :func:`read_pfx` is one
of these, each with one Korean sentence (re-exported by :mod:`mgcert.npki.pfx`)."""

from __future__ import annotations

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg


class PfxError(MgcertError):
    """A PFX file could not be used."""

    default_message = msg.PFX_MALFORMED


class MalformedPfx(PfxError):
    """Not a DER PKCS #12 file, or one whose content does not parse."""

    default_message = msg.PFX_MALFORMED


class PfxTooLarge(MalformedPfx):
    """Bigger than any certificate-and-key PFX; not read."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(msg.PFX_TOO_LARGE.format(limit=limit))


class WrongPfxPassword(PfxError):
    """The password does not verify the MAC (or, without a MAC, does not decrypt)."""

    default_message = msg.PFX_WRONG_PASSWORD


class UnsupportedPfxAlgorithm(PfxError):
    """Encrypted or MACed with a scheme mgcert (and cryptography) does not read."""

    def __init__(self, algorithm: str) -> None:
        self.algorithm = algorithm
        # The name comes from the file: keep it short.
        super().__init__(msg.PFX_UNSUPPORTED_ALGORITHM.format(algorithm=algorithm[:60]))


class PfxIterationCountTooHigh(PfxError):
    """A KDF count above the limit: refused before any derivation."""

    def __init__(self, count: int, limit: int) -> None:
        self.count = count
        self.limit = limit
        super().__init__(msg.PFX_ITERATION_COUNT_TOO_HIGH.format(limit=limit))


class PfxWithoutKey(PfxError):
    default_message = msg.PFX_NO_KEY


class PfxWithoutCertificate(PfxError):
    default_message = msg.PFX_NO_CERTIFICATE


class PfxKeyMismatch(PfxError):
    """The private key belongs to none of the certificates in the file."""

    default_message = msg.PFX_KEY_MISMATCH


class PfxKeyNotRsa(PfxError):
    """NPKI certificates are RSA; an EC or other key cannot become a signPri.key."""

    default_message = msg.PFX_KEY_NOT_RSA


class PfxRandomNumDamaged(MalformedPfx):
    """The randomNum attribute is there but is not a 160-bit BIT STRING."""

    default_message = msg.PFX_RANDOM_NUM_DAMAGED
