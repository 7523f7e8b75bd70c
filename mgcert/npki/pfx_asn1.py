"""PKCS #12 (PFX) structures as read by mgcert, declared with ``cryptography.hazmat.asn1``.

RFC 7292 (PKCS #12 v1.1), RFC 5652 (CMS ContentInfo / EncryptedData), RFC 2985
(PKCS #9 friendlyName, localKeyId). Fields whose type depends on an OID are kept as
``TLV`` and parsed once the OID is known. The declarative decoder needs a SEQUENCE
class at the top, so a bare ``SEQUENCE OF`` (AuthenticatedSafe, SafeContents) is
decoded through a holder class after wrapping it in one more SEQUENCE
(:func:`mgcert.npki.pfx.read_pfx` does that). Writing is done with
:mod:`mgcert.npki.der_writer` (BMPString is not in the declarative encoder).
"""

from __future__ import annotations

from typing import Annotated

from cryptography import x509
from cryptography.hazmat import asn1

from mgcert.npki.asn1 import AlgorithmIdentifier, Attribute

# --- object identifiers -------------------------------------------------------------

OID_DATA = x509.ObjectIdentifier("1.2.840.113549.1.7.1")
OID_ENCRYPTED_DATA = x509.ObjectIdentifier("1.2.840.113549.1.7.6")
OID_KEY_BAG = x509.ObjectIdentifier("1.2.840.113549.1.12.10.1.1")
OID_PKCS8_SHROUDED_KEY_BAG = x509.ObjectIdentifier("1.2.840.113549.1.12.10.1.2")
OID_CERT_BAG = x509.ObjectIdentifier("1.2.840.113549.1.12.10.1.3")
OID_X509_CERTIFICATE = x509.ObjectIdentifier("1.2.840.113549.1.9.22.1")
OID_FRIENDLY_NAME = x509.ObjectIdentifier("1.2.840.113549.1.9.20")
OID_LOCAL_KEY_ID = x509.ObjectIdentifier("1.2.840.113549.1.9.21")

# PBES2 pieces beyond the SEED ones of mgcert.npki.asn1.
OID_HMAC_SHA224 = x509.ObjectIdentifier("1.2.840.113549.2.8")
OID_HMAC_SHA256 = x509.ObjectIdentifier("1.2.840.113549.2.9")
OID_HMAC_SHA384 = x509.ObjectIdentifier("1.2.840.113549.2.10")
OID_HMAC_SHA512 = x509.ObjectIdentifier("1.2.840.113549.2.11")
OID_AES_128_CBC = x509.ObjectIdentifier("2.16.840.1.101.3.4.1.2")
OID_AES_192_CBC = x509.ObjectIdentifier("2.16.840.1.101.3.4.1.22")
OID_AES_256_CBC = x509.ObjectIdentifier("2.16.840.1.101.3.4.1.42")
OID_DES_EDE3_CBC = x509.ObjectIdentifier("1.2.840.113549.3.7")

# PKCS #12 password-based encryption (RFC 7292 appendix C), the "legacy" schemes.
OID_PBE_SHA1_3DES = x509.ObjectIdentifier("1.2.840.113549.1.12.1.3")
OID_PBE_SHA1_2DES = x509.ObjectIdentifier("1.2.840.113549.1.12.1.4")
OID_PBE_SHA1_RC2_128 = x509.ObjectIdentifier("1.2.840.113549.1.12.1.5")
OID_PBE_SHA1_RC2_40 = x509.ObjectIdentifier("1.2.840.113549.1.12.1.6")

# PKCS #5 v1.5 PBES1 (RFC 8018 appendix A.3): never written or decrypted by mgcert, but
# OpenSSL reads them, so their counts are checked before it is let near the file.
OIDS_PBES1 = frozenset(
    x509.ObjectIdentifier(f"1.2.840.113549.1.5.{n}") for n in (1, 3, 4, 6, 10, 11)
)

# MAC digests (DigestInfo.digestAlgorithm).
OID_SHA1 = x509.ObjectIdentifier("1.3.14.3.2.26")
OID_SHA224 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.4")
OID_SHA256 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1")
OID_SHA384 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.2")
OID_SHA512 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.3")

PFX_VERSION = 3


# --- the outer structure ----------------------------------------------------------------


@asn1.sequence
class ContentInfo:
    """CMS ContentInfo; ``content`` is an OCTET STRING (data) or EncryptedData."""

    content_type: x509.ObjectIdentifier
    content: Annotated[asn1.TLV, asn1.Explicit(0)]


@asn1.sequence
class DigestAlgorithm:
    algorithm: x509.ObjectIdentifier
    parameters: asn1.Null | None


@asn1.sequence
class DigestInfo:
    digest_algorithm: DigestAlgorithm
    digest: bytes


@asn1.sequence
class MacData:
    """The password MAC over the AuthenticatedSafe octets (RFC 7292 §4)."""

    mac: DigestInfo
    mac_salt: bytes
    iterations: Annotated[int, asn1.Default(1)]


@asn1.sequence
class Pfx:
    version: int
    auth_safe: ContentInfo
    mac_data: MacData | None


@asn1.sequence
class AuthenticatedSafe:
    """Holder of ``AuthenticatedSafe ::= SEQUENCE OF ContentInfo`` (see module doc)."""

    content_infos: list[ContentInfo]


# --- encrypted containers ---------------------------------------------------------------


@asn1.sequence
class EncryptedContentInfo:
    content_type: x509.ObjectIdentifier
    content_encryption_algorithm: AlgorithmIdentifier
    encrypted_content: Annotated[bytes | None, asn1.Implicit(0)]


@asn1.sequence
class EncryptedData:
    version: int
    encrypted_content_info: EncryptedContentInfo


@asn1.sequence
class Pkcs12PbeParams:
    """Parameters of the PKCS #12 PBE schemes (pbeWithSHAAnd3-KeyTripleDES-CBC, ...)."""

    salt: bytes
    iterations: int


# --- bags --------------------------------------------------------------------------------


@asn1.sequence
class SafeBag:
    bag_id: x509.ObjectIdentifier
    bag_value: Annotated[asn1.TLV, asn1.Explicit(0)]
    bag_attributes: asn1.SetOf[Attribute] | None


@asn1.sequence
class SafeContents:
    """Holder of ``SafeContents ::= SEQUENCE OF SafeBag`` (see module doc)."""

    bags: list[SafeBag]


@asn1.sequence
class CertBag:
    cert_id: x509.ObjectIdentifier
    cert_value: Annotated[asn1.TLV, asn1.Explicit(0)]
