"""PKCS #12 (PFX) files that keep the NPKI randomNum (NPKI.md, "PFX").

Banks and browser certificate services import only PFX, and read the randomNum for the
VID check from the attributes of the PrivateKeyInfo inside the shrouded key bag, where
``openssl pkcs12 -info`` lists OID 1.2.410.200004.10.1.1.3 under "Key Attributes".

:func:`pfx_bytes` writes what OpenSSL 3.0 writes by default, plus that attribute: the
certificates (holder's first, then the chain) in an encryptedData container, the key in
a pkcs8ShroudedKeyBag in a data container, both encrypted with PBES2 / PBKDF2-HMAC-SHA256
/ AES-256-CBC, localKeyId and friendlyName on the key and its certificate, and an
HMAC-SHA256 MAC (RFC 7292 appendix B key).

:func:`read_pfx` reads ours and ordinary ones (``openssl pkcs12 -export``, including the
legacy 3DES/RC2 schemes): cryptography's ``load_pkcs12`` gives the key and the
certificates; mgcert verifies the MAC itself first (so a wrong password is told apart
from a damaged file) and decrypts the key bag itself for its attributes. Every failure
is a :class:`~mgcert.npki.pfx_errors.PfxError`; every iteration count is bounded before
any derivation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12

from mgcert.npki import asn1, der_writer
from mgcert.npki import pfx_asn1 as p12
from mgcert.npki.keyfile import MalformedKeyFile, private_key_info, random_num_attribute
from mgcert.npki.keyform import MAX_ITERATIONS
from mgcert.npki.names import common_name
from mgcert.npki.pfx_crypto import (
    PfxPassword,
    decrypt,
    encrypt_pbes2,
    iteration_count,
    mac_data,
    verify_mac,
)
from mgcert.npki.pfx_errors import (
    MalformedPfx,
    PfxError,
    PfxIterationCountTooHigh,
    PfxKeyMismatch,
    PfxKeyNotRsa,
    PfxRandomNumDamaged,
    PfxTooLarge,
    PfxWithoutCertificate,
    PfxWithoutKey,
    UnsupportedPfxAlgorithm,
    WrongPfxPassword,
)
from mgcert.npki.vid import RANDOM_NUM_LENGTH

__all__ = [
    "DEFAULT_PFX_ITERATIONS",
    "MAX_PFX_SIZE",
    "MalformedPfx",
    "PfxContents",
    "PfxError",
    "PfxIterationCountTooHigh",
    "PfxKeyMismatch",
    "PfxKeyNotRsa",
    "PfxRandomNumDamaged",
    "PfxTooLarge",
    "PfxWithoutCertificate",
    "PfxWithoutKey",
    "UnsupportedPfxAlgorithm",
    "WrongPfxPassword",
    "pfx_bytes",
    "read_pfx",
]

# OpenSSL 3.0's default for the key, the certificates and the MAC.
DEFAULT_PFX_ITERATIONS = 2048
# A certificate, a 4096-bit key and a chain of a few CA certificates take under 20 KiB.
MAX_PFX_SIZE = 256 * 1024

_T = TypeVar("_T")


@dataclass(frozen=True)
class PfxContents:
    """What a PFX holds: the key, its certificate, the other certificates."""

    certificate: x509.Certificate
    private_key: rsa.RSAPrivateKey
    # None: the key bag carries no randomNum (an ordinary PFX); secret-ish, not in reprs.
    random_num: bytes | None = field(repr=False)
    chain: tuple[x509.Certificate, ...]
    friendly_name: str | None


# --- writing ------------------------------------------------------------------------------


def pfx_bytes(
    certificate: x509.Certificate,
    key: rsa.RSAPrivateKey,
    random_num: bytes | None,
    password: str,
    *,
    chain: Sequence[x509.Certificate] = (),
    friendly_name: str | None = None,
    iterations: int = DEFAULT_PFX_ITERATIONS,
) -> bytes:
    """A PFX of ``certificate`` and ``key`` whose key bag carries the randomNum.

    ``random_num`` None writes a PrivateKeyInfo without attributes (what ordinary tools
    write).
    ``friendly_name`` defaults to the certificate's CN (left out if a BMPString cannot
    hold it); ``chain`` certificates follow the holder's without attributes.
    ``iterations`` is used for PBKDF2 and the MAC alike (a weaker MAC would make the
    password cheaper to guess than the key).
    """
    if not isinstance(key, rsa.RSAPrivateKey):
        raise TypeError("key must be an RSA private key")
    if random_num is not None and len(random_num) != RANDOM_NUM_LENGTH:
        raise ValueError(f"random_num must be {RANDOM_NUM_LENGTH} bytes")
    if not password:
        raise ValueError("password must not be empty")
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"iterations must be between 1 and {MAX_ITERATIONS}")
    if not _same_key(certificate, key):
        raise ValueError("the certificate does not belong to the key")
    secret = PfxPassword.of(password)
    name = friendly_name if friendly_name is not None else _default_friendly_name(certificate)
    cert_der = certificate.public_bytes(serialization.Encoding.DER)
    # As OpenSSL: the certificate's SHA-1 ties the key bag to its certificate bag.
    attributes = _bag_attributes(hashlib.sha1(cert_der).digest(), name or None)  # noqa: S324

    plaintext = private_key_info(key, random_num)  # None: no attribute set at all
    key_algorithm, key_ciphertext = encrypt_pbes2(secret, plaintext, iterations)
    key_bag = _safe_bag(
        p12.OID_PKCS8_SHROUDED_KEY_BAG,
        der_writer.sequence(key_algorithm, der_writer.octet_string(key_ciphertext)),
        attributes,
    )
    cert_bags = [_cert_bag(cert_der, attributes)]
    cert_bags += [_cert_bag(ca.public_bytes(serialization.Encoding.DER), None) for ca in chain]
    certs_algorithm, certs_ciphertext = encrypt_pbes2(
        secret, der_writer.sequence(*cert_bags), iterations
    )
    encrypted_data = der_writer.sequence(
        der_writer.integer(0),
        der_writer.sequence(  # EncryptedContentInfo
            der_writer.object_identifier(p12.OID_DATA),
            certs_algorithm,
            der_writer.implicit_octets(0, certs_ciphertext),
        ),
    )
    auth_safe = der_writer.sequence(
        _content_info(p12.OID_ENCRYPTED_DATA, encrypted_data),
        _content_info(p12.OID_DATA, der_writer.octet_string(der_writer.sequence(key_bag))),
    )
    return der_writer.sequence(
        der_writer.integer(p12.PFX_VERSION),
        _content_info(p12.OID_DATA, der_writer.octet_string(auth_safe)),
        mac_data(secret, auth_safe, iterations),
    )


def _default_friendly_name(certificate: x509.Certificate) -> str:
    """The CN, or nothing when a BMPString cannot hold it (an explicit name raises)."""
    name = common_name(certificate.subject)
    return name if all(ord(ch) <= 0xFFFF for ch in name) else ""


def _content_info(content_type: x509.ObjectIdentifier, content: bytes) -> bytes:
    return der_writer.sequence(
        der_writer.object_identifier(content_type), der_writer.explicit(0, content)
    )


def _safe_bag(bag_id: x509.ObjectIdentifier, value: bytes, attributes: bytes | None) -> bytes:
    parts = [der_writer.object_identifier(bag_id), der_writer.explicit(0, value)]
    if attributes is not None:
        parts.append(attributes)
    return der_writer.sequence(*parts)


def _cert_bag(cert_der: bytes, attributes: bytes | None) -> bytes:
    cert_bag = der_writer.sequence(
        der_writer.object_identifier(p12.OID_X509_CERTIFICATE),
        der_writer.explicit(0, der_writer.octet_string(cert_der)),
    )
    return _safe_bag(p12.OID_CERT_BAG, cert_bag, attributes)


def _bag_attributes(local_key_id: bytes, friendly_name: str | None) -> bytes:
    attributes = [
        der_writer.sequence(
            der_writer.object_identifier(p12.OID_LOCAL_KEY_ID),
            der_writer.set_of(der_writer.octet_string(local_key_id)),
        )
    ]
    if friendly_name is not None:
        attributes.append(
            der_writer.sequence(
                der_writer.object_identifier(p12.OID_FRIENDLY_NAME),
                der_writer.set_of(der_writer.bmp_string(friendly_name)),
            )
        )
    return der_writer.set_of(*attributes)


# --- reading ------------------------------------------------------------------------------


@dataclass
class _KeySearch:
    """The keys found by decrypting the key bags, and containers left unread."""

    keys: list[tuple[rsa.RSAPublicNumbers, bytes | None]] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)

    def random_num_of(self, numbers: rsa.RSAPublicNumbers) -> tuple[bool, bytes | None]:
        for found, random_num in self.keys:
            if found == numbers:
                return True, random_num
        return False, None


def read_pfx(data: bytes, password: str) -> PfxContents:
    """Open a PFX: key, its certificate, the other certificates, and the randomNum.

    Raises :class:`PfxTooLarge`, :class:`MalformedPfx`, :class:`WrongPfxPassword`,
    :class:`UnsupportedPfxAlgorithm`, :class:`PfxIterationCountTooHigh`,
    :class:`PfxWithoutKey`, :class:`PfxWithoutCertificate`, :class:`PfxKeyMismatch`,
    :class:`PfxKeyNotRsa` or :class:`PfxRandomNumDamaged`.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("data must be bytes")
    data = bytes(data)
    if len(data) > MAX_PFX_SIZE:
        raise PfxTooLarge(MAX_PFX_SIZE)
    pfx = _decode(p12.Pfx, data)
    if pfx.version != p12.PFX_VERSION:
        raise MalformedPfx
    if pfx.auth_safe.content_type != p12.OID_DATA:  # public-key integrity mode
        raise UnsupportedPfxAlgorithm(pfx.auth_safe.content_type.dotted_string)
    auth_safe = _parse(pfx.auth_safe.content, bytes)
    secret = PfxPassword.of(password)
    verified = pfx.mac_data is not None
    bmp = secret.bmp if pfx.mac_data is None else verify_mac(pfx.mac_data, secret, auth_safe)
    infos = _decode(p12.AuthenticatedSafe, der_writer.sequence(auth_safe)).content_infos
    try:
        search = _search_keys(infos, secret, bmp)
    except WrongPfxPassword as exc:
        if verified:  # the MAC took the password: what failed to decrypt is damaged
            raise MalformedPfx from exc
        raise
    loaded = _load(data, secret, verified)
    key = loaded.key
    if key is None:
        raise PfxWithoutKey
    if not isinstance(key, rsa.RSAPrivateKey):
        raise PfxKeyNotRsa
    certificates = ([loaded.cert] if loaded.cert is not None else []) + list(
        loaded.additional_certs
    )
    if not certificates:
        raise PfxWithoutCertificate
    owner = next((c for c in certificates if _same_key(c.certificate, key)), None)
    if owner is None:
        raise PfxKeyMismatch
    found, random_num = search.random_num_of(key.public_key().public_numbers())
    if not found:
        # OpenSSL found the key where mgcert could not look (a container under a
        # scheme cryptography's primitives lack): its attributes are unknown.
        if search.unread:
            raise UnsupportedPfxAlgorithm(search.unread[0])
        raise MalformedPfx
    name = owner.friendly_name
    return PfxContents(
        certificate=owner.certificate,
        private_key=key,
        random_num=random_num,
        chain=tuple(c.certificate for c in certificates if c is not owner),
        friendly_name=name.decode("utf-8", "replace") if name is not None else None,
    )


def _search_keys(infos: list[p12.ContentInfo], secret: PfxPassword, bmp: bytes) -> _KeySearch:
    """Decrypt the key bags in the data containers; if none is there, look inside the
    encrypted containers too (counts checked before anything is derived)."""
    search = _KeySearch()
    encrypted: list[p12.EncryptedContentInfo] = []
    for info in infos:
        if info.content_type == p12.OID_DATA:
            _collect_keys(_bags(_parse(info.content, bytes)), secret, bmp, search)
        elif info.content_type == p12.OID_ENCRYPTED_DATA:
            container = _parse(info.content, p12.EncryptedData).encrypted_content_info
            try:
                iteration_count(container.content_encryption_algorithm)
            except UnsupportedPfxAlgorithm as unknown:
                search.unread.append(unknown.algorithm)
                continue
            encrypted.append(container)
        else:
            search.unread.append(info.content_type.dotted_string)
    if search.keys:
        return search
    for container in encrypted:
        if container.encrypted_content is None:
            continue
        try:
            plaintext = decrypt(
                container.content_encryption_algorithm, secret, bmp, container.encrypted_content
            )
        except UnsupportedPfxAlgorithm as unknown:
            search.unread.append(unknown.algorithm)
            continue
        _collect_keys(_bags(plaintext), secret, bmp, search)
    return search


def _collect_keys(
    bags: list[p12.SafeBag], secret: PfxPassword, bmp: bytes, search: _KeySearch
) -> None:
    for bag in bags:
        if bag.bag_id == p12.OID_PKCS8_SHROUDED_KEY_BAG:
            shrouded = _parse(bag.bag_value, asn1.EncryptedPrivateKeyInfo)
            plaintext = decrypt(shrouded.encryption_algorithm, secret, bmp, shrouded.encrypted_data)
        elif bag.bag_id == p12.OID_KEY_BAG:
            plaintext = _element_der(bag.bag_value)
        else:
            continue
        key_info = _private_key_info(plaintext)
        if key_info is not None:
            search.keys.append(key_info)


def _private_key_info(plaintext: bytes) -> tuple[rsa.RSAPublicNumbers, bytes | None] | None:
    """(public numbers, randomNum) of an RSA PrivateKeyInfo; None for other key types."""
    try:
        info = der.decode_der(asn1.PrivateKeyInfo, plaintext)
        # Only matched against the key cryptography loads (and checks) below.
        key = serialization.load_der_private_key(
            plaintext, None, unsafe_skip_rsa_key_validation=True
        )
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise WrongPfxPassword from exc  # garbage after a lucky padding byte
    if not isinstance(key, rsa.RSAPrivateKey):
        return None
    return key.public_key().public_numbers(), _random_num(info)


def _random_num(info: asn1.PrivateKeyInfo) -> bytes | None:
    try:
        return random_num_attribute(info)
    except MalformedKeyFile as exc:
        raise PfxRandomNumDamaged from exc


def _load(data: bytes, secret: PfxPassword, verified: bool) -> pkcs12.PKCS12KeyAndCertificates:
    try:
        return pkcs12.load_pkcs12(data, secret.utf8 or None)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        if verified:
            raise MalformedPfx from exc
        raise WrongPfxPassword from exc


def _bags(safe_contents: bytes) -> list[p12.SafeBag]:
    return _decode(p12.SafeContents, der_writer.sequence(safe_contents)).bags


def _element_der(tlv: der.TLV) -> bytes:
    """The complete DER of a raw element (tag, length, content)."""
    if len(tlv.tag_bytes) != 1:
        raise MalformedPfx
    return der_writer.element(tlv.tag_bytes[0], bytes(tlv.data))


def _decode(cls: type[_T], data: bytes) -> _T:
    try:
        value: _T = der.decode_der(cls, data)
    except ValueError as exc:
        raise MalformedPfx from exc
    return value


def _parse(tlv: der.TLV, cls: type[_T]) -> _T:
    try:
        value: _T = tlv.parse(cls)
    except ValueError as exc:
        raise MalformedPfx from exc
    return value


def _same_key(certificate: x509.Certificate, key: rsa.RSAPrivateKey) -> bool:
    try:
        public = certificate.public_key()
    except (ValueError, UnsupportedAlgorithm):
        return False
    return (
        isinstance(public, rsa.RSAPublicKey)
        and public.public_numbers() == key.public_key().public_numbers()
    )
