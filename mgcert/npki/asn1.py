"""Every ASN.1 structure mgcert reads or writes, declared with ``cryptography.hazmat.asn1``.

No magic-index DER poking elsewhere: other modules build or decode these classes.
Where a field's type depends on an OID (AlgorithmIdentifier parameters, attribute
values) there are two declarations: a generic one with ``TLV`` for reading, and a
concrete one for writing the form mgcert emits.

Sources: RFC 5208/5958 (PKCS #8), RFC 8018 (PKCS #5 PBES2/PBKDF2), RFC 4010 (SEED),
KISA "식별번호를 이용한 본인확인 기술규격" (VID, identifyData) — see NPKI.md.
"""

from __future__ import annotations

from typing import Annotated

from cryptography import x509
from cryptography.hazmat import asn1

# --- object identifiers -------------------------------------------------------------

OID_PBES2 = x509.ObjectIdentifier("1.2.840.113549.1.5.13")
OID_PBKDF2 = x509.ObjectIdentifier("1.2.840.113549.1.5.12")
OID_HMAC_SHA1 = x509.ObjectIdentifier("1.2.840.113549.2.7")
OID_SEED_CBC = x509.ObjectIdentifier("1.2.410.200004.1.4")
OID_SEED_CBC_WITH_SHA1 = x509.ObjectIdentifier("1.2.410.200004.1.15")
OID_RSA_ENCRYPTION = x509.ObjectIdentifier("1.2.840.113549.1.1.1")
OID_RANDOM_NUM = x509.ObjectIdentifier("1.2.410.200004.10.1.1.3")
OID_IDENTIFY_DATA = x509.ObjectIdentifier("1.2.410.200004.10.1.1")
OID_VID = x509.ObjectIdentifier("1.2.410.200004.10.1.1.1")
OID_SHA256 = x509.ObjectIdentifier("2.16.840.1.101.3.4.2.1")


# --- generic shapes (reading) ----------------------------------------------------------


@asn1.sequence
class AlgorithmIdentifier:
    """AlgorithmIdentifier whose parameters are kept raw until the OID is known."""

    algorithm: x509.ObjectIdentifier
    parameters: asn1.TLV


@asn1.sequence
class EncryptedPrivateKeyInfo:
    """PKCS #8 EncryptedPrivateKeyInfo as found in any ``signPri.key``."""

    encryption_algorithm: AlgorithmIdentifier
    encrypted_data: bytes


@asn1.sequence
class Attribute:
    """A PKCS #8 attribute with its values kept raw."""

    type: x509.ObjectIdentifier
    values: asn1.SetOf[asn1.TLV]


@asn1.sequence
class PrivateKeyInfo:
    """PKCS #8 PrivateKeyInfo (v1) with optional attributes (where randomNum lives)."""

    version: int
    private_key_algorithm: asn1.TLV
    private_key: bytes
    attributes: Annotated[asn1.SetOf[Attribute] | None, asn1.Implicit(0)]


# --- PBES2 / PBKDF2 / SEED (RFC 8018, RFC 4010) ---------------------------------------


@asn1.sequence
class PrfAlgorithm:
    """PBKDF2 prf; mgcert never writes it (absent = hmacWithSHA1)."""

    algorithm: x509.ObjectIdentifier
    parameters: asn1.Null | None


@asn1.sequence
class Pbkdf2Params:
    salt: bytes
    iteration_count: int
    key_length: int | None
    prf: PrfAlgorithm | None


@asn1.sequence
class Pbkdf2Algorithm:
    algorithm: x509.ObjectIdentifier
    parameters: Pbkdf2Params


@asn1.sequence
class SeedCbcAlgorithm:
    """SEED-CBC encryption scheme; the parameter is the 16-byte IV (RFC 4010)."""

    algorithm: x509.ObjectIdentifier
    iv: bytes


@asn1.sequence
class Pbes2Params:
    key_derivation_func: Pbkdf2Algorithm
    encryption_scheme: AlgorithmIdentifier


@asn1.sequence
class Pbes2ParamsOut:
    """The PBES2 parameters mgcert writes: PBKDF2-HMAC-SHA1 + SEED-CBC."""

    key_derivation_func: Pbkdf2Algorithm
    encryption_scheme: SeedCbcAlgorithm


@asn1.sequence
class Pbes2Algorithm:
    algorithm: x509.ObjectIdentifier
    parameters: Pbes2ParamsOut


@asn1.sequence
class Pbes2EncryptedPrivateKeyInfo:
    """The PBES2 EncryptedPrivateKeyInfo mgcert writes (NPKI.md: the form every reader
    opens, and mgcert's default)."""

    encryption_algorithm: Pbes2Algorithm
    encrypted_data: bytes


@asn1.sequence
class SeedPbeParams:
    """Parameters of seedCBCWithSHA1 and the old top-level SEED form."""

    salt: bytes
    iteration_count: int


@asn1.sequence
class SeedPbeAlgorithm:
    """seedCBCWithSHA1 (1.2.410.200004.1.15) or old SEED (1.2.410.200004.1.4) at top level."""

    algorithm: x509.ObjectIdentifier
    parameters: SeedPbeParams


@asn1.sequence
class SeedPbeEncryptedPrivateKeyInfo:
    """The EncryptedPrivateKeyInfo of the two PBKDF1 forms, as mgcert writes them."""

    encryption_algorithm: SeedPbeAlgorithm
    encrypted_data: bytes


# --- the plaintext key (writing) --------------------------------------------------------


@asn1.sequence
class RsaAlgorithm:
    algorithm: x509.ObjectIdentifier
    parameters: asn1.Null


@asn1.sequence
class RandomNumAttribute:
    type: x509.ObjectIdentifier
    values: asn1.SetOf[asn1.BitString]


@asn1.sequence
class RsaPrivateKeyInfo:
    """PrivateKeyInfo as mgcert writes it: RSA key plus the randomNum attribute (left
    out only when a test needs a key file without one)."""

    version: int
    private_key_algorithm: RsaAlgorithm
    private_key: bytes
    attributes: Annotated[asn1.SetOf[RandomNumAttribute] | None, asn1.Implicit(0)]


# --- VID (identifyData in subjectAltName) ----------------------------------------------


@asn1.sequence
class HashContent:
    """What the VID hashes: the 13-digit 주민등록번호 and the key file's randomNum."""

    idn: asn1.PrintableString
    random_num: asn1.BitString


@asn1.sequence
class HashAlgorithm:
    algorithm: x509.ObjectIdentifier
    parameters: asn1.Null | None


@asn1.sequence
class VirtualId:
    hash_alg: HashAlgorithm
    virtual_id: Annotated[bytes, asn1.Explicit(0)]


@asn1.sequence
class UserInfo:
    type_id: x509.ObjectIdentifier
    vid: VirtualId


@asn1.sequence
class IdentifyData:
    """The otherName value (type-id 1.2.410.200004.10.1.1) carrying name and VID."""

    real_name: str
    user_infos: list[UserInfo]
