"""Reading a PKCS #10 request: the CA's only input about the subscriber's key."""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca.errors import CsrSignatureInvalid, InvalidCsr, WeakKey

MIN_RSA_BITS = 2048


def subscriber_public_key(csr_der: bytes) -> rsa.RSAPublicKey:
    """The RSA public key of a DER CSR whose self-signature verifies.

    Raises :class:`InvalidCsr` (not a DER CSR), :class:`WeakKey` (not RSA, or shorter
    than 2048 bits) or :class:`CsrSignatureInvalid` (no proof of possession). The
    CSR's subject is ignored: the CA decides the subject.
    """
    try:
        csr = x509.load_der_x509_csr(bytes(csr_der))
    except (ValueError, TypeError) as exc:
        raise InvalidCsr from exc
    try:
        public = csr.public_key()
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise InvalidCsr from exc
    if not isinstance(public, rsa.RSAPublicKey) or public.key_size < MIN_RSA_BITS:
        raise WeakKey
    try:
        valid = csr.is_signature_valid
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise CsrSignatureInvalid from exc
    if not valid:
        raise CsrSignatureInvalid
    return public
