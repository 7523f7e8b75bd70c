"""The password cryptography of PKCS #12: the RFC 7292 key derivation, the MAC, and the
encryption schemes of key bags and encrypted containers.

Written: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, and an HMAC-SHA256 MAC keyed by
the RFC 7292 appendix B derivation — what OpenSSL 3.0 writes by default (PBMAC1 needs
OpenSSL 3.4). Read: PBES2 (PBKDF2 with HMAC-SHA1/224/256/384/512; AES-CBC, DES-EDE3-CBC,
SEED-CBC) and the PKCS #12 PBE schemes with 3DES and 128-bit RC2; MACs with SHA-1 and
SHA-2. Every iteration count is checked against :data:`MAX_ITERATIONS` before any
derivation.

Passwords: PBKDF2 takes the UTF-8 bytes (as OpenSSL does for PBES2 inside PKCS #12); the
appendix B derivation takes the BMPString form, UTF-16BE with two zero bytes at the end.
An empty password has two BMP forms (none at all, or just the terminator) and OpenSSL
accepts a MAC made with either, so both are tried.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.decrepit.ciphers.algorithms import RC2, SEED, TripleDES
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import BlockCipherAlgorithm, Cipher, modes
from cryptography.hazmat.primitives.ciphers.algorithms import AES

from mgcert.npki import asn1, der_writer
from mgcert.npki import pfx_asn1 as p12
from mgcert.npki.keyform import MAX_ITERATIONS
from mgcert.npki.pfx_errors import (
    MalformedPfx,
    PfxIterationCountTooHigh,
    UnsupportedPfxAlgorithm,
    WrongPfxPassword,
)

SALT_LENGTH = 16
AES_KEY_LENGTH = 32
AES_IV_LENGTH = 16
MAC_SALT_LENGTH = 16
MAX_SALT_LENGTH = 64

_PURPOSE_KEY = 1
_PURPOSE_IV = 2
_PURPOSE_MAC = 3

_MAC_HASHES = {
    p12.OID_SHA1: "sha1",
    p12.OID_SHA224: "sha224",
    p12.OID_SHA256: "sha256",
    p12.OID_SHA384: "sha384",
    p12.OID_SHA512: "sha512",
}
_PRF_HASHES = {
    asn1.OID_HMAC_SHA1: "sha1",
    p12.OID_HMAC_SHA224: "sha224",
    p12.OID_HMAC_SHA256: "sha256",
    p12.OID_HMAC_SHA384: "sha384",
    p12.OID_HMAC_SHA512: "sha512",
}

CipherFactory = Callable[[bytes], BlockCipherAlgorithm]


@dataclass(frozen=True)
class _BlockScheme:
    factory: CipherFactory
    key_length: int
    iv_length: int


_PBES2_CIPHERS = {
    p12.OID_AES_128_CBC: _BlockScheme(AES, 16, 16),
    p12.OID_AES_192_CBC: _BlockScheme(AES, 24, 16),
    p12.OID_AES_256_CBC: _BlockScheme(AES, 32, 16),
    p12.OID_DES_EDE3_CBC: _BlockScheme(TripleDES, 24, 8),
    asn1.OID_SEED_CBC: _BlockScheme(SEED, 16, 16),
}
# RFC 7292 appendix C; the 40-bit RC2 scheme is left to OpenSSL (cryptography's RC2
# takes 128-bit keys only), which is fine: OpenSSL used it for certificates, not keys.
_PKCS12_PBE_CIPHERS = {
    p12.OID_PBE_SHA1_3DES: _BlockScheme(TripleDES, 24, 8),
    p12.OID_PBE_SHA1_2DES: _BlockScheme(TripleDES, 16, 8),
    p12.OID_PBE_SHA1_RC2_128: _BlockScheme(RC2, 16, 8),
}


@dataclass(frozen=True)
class PfxPassword:
    """A typed password in the two encodings PKCS #12 uses (not shown in reprs)."""

    utf8: bytes
    bmp_forms: tuple[bytes, ...]

    def __repr__(self) -> str:
        return "PfxPassword(…)"

    @classmethod
    def of(cls, password: str) -> PfxPassword:
        """NFC-normalized; a password that cannot be encoded opens nothing."""
        text = unicodedata.normalize("NFC", password)
        try:
            utf8 = text.encode("utf-8")
            bmp = text.encode("utf-16-be") + b"\x00\x00"
        except UnicodeEncodeError as exc:  # lone surrogates
            raise WrongPfxPassword from exc
        return cls(utf8=utf8, bmp_forms=(bmp,) if text else (b"", bmp))

    @property
    def bmp(self) -> bytes:
        return self.bmp_forms[-1]


# --- RFC 7292 appendix B ------------------------------------------------------------------


def pkcs12_kdf(
    hash_name: str, bmp_password: bytes, salt: bytes, purpose: int, iterations: int, length: int
) -> bytes:
    """The RFC 7292 appendix B.2 derivation (ID 1 = key, 2 = IV, 3 = MAC key)."""
    new_hash: Callable[..., Any] = getattr(hashlib, hash_name)  # direct: 2x hashlib.new
    u = new_hash().digest_size
    v = new_hash().block_size
    diversifier = bytes([purpose]) * v
    material = bytearray(_stretch(salt, v) + _stretch(bmp_password, v))
    output = b""
    while True:
        block: bytes = new_hash(diversifier + material).digest()
        for _ in range(iterations - 1):
            block = new_hash(block).digest()
        output += block
        if len(output) >= length:
            return output[:length]
        addend = int.from_bytes((block * (v // u + 1))[:v], "big") + 1
        for start in range(0, len(material), v):
            value = (int.from_bytes(material[start : start + v], "big") + addend) % (1 << (8 * v))
            material[start : start + v] = value.to_bytes(v, "big")


def _stretch(data: bytes, v: int) -> bytes:
    """``data`` repeated to the next multiple of ``v`` bytes (empty stays empty)."""
    if not data:
        return b""
    size = v * -(-len(data) // v)
    return (data * (size // len(data) + 1))[:size]


# --- the MAC -----------------------------------------------------------------------------------


def mac_data(password: PfxPassword, auth_safe: bytes, iterations: int) -> bytes:
    """DER MacData: HMAC-SHA256 over the AuthenticatedSafe octets."""
    salt = secrets.token_bytes(MAC_SALT_LENGTH)
    digest = _mac("sha256", password.bmp, salt, iterations, auth_safe)
    return der_writer.sequence(
        der_writer.sequence(  # DigestInfo
            der_writer.sequence(der_writer.object_identifier(p12.OID_SHA256), der_writer.null()),
            der_writer.octet_string(digest),
        ),
        der_writer.octet_string(salt),
        der_writer.integer(iterations),
    )


def verify_mac(mac: p12.MacData, password: PfxPassword, auth_safe: bytes) -> bytes:
    """The BMP password form that verifies ``mac``; :class:`WrongPfxPassword` if none."""
    algorithm = mac.mac.digest_algorithm.algorithm
    hash_name = _MAC_HASHES.get(algorithm)
    if hash_name is None:
        raise UnsupportedPfxAlgorithm(algorithm.dotted_string)
    iterations = checked_iterations(mac.iterations)
    salt = checked_salt(mac.mac_salt)
    for form in password.bmp_forms:
        expected = _mac(hash_name, form, salt, iterations, auth_safe)
        if hmac.compare_digest(expected, mac.mac.digest):
            return form
    raise WrongPfxPassword


def _mac(hash_name: str, bmp: bytes, salt: bytes, iterations: int, data: bytes) -> bytes:
    size = getattr(hashlib, hash_name)().digest_size
    key = pkcs12_kdf(hash_name, bmp, salt, _PURPOSE_MAC, iterations, size)
    return hmac.new(key, data, hash_name).digest()


# --- encryption --------------------------------------------------------------------------------


def encrypt_pbes2(password: PfxPassword, plaintext: bytes, iterations: int) -> tuple[bytes, bytes]:
    """(DER AlgorithmIdentifier, ciphertext): PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC."""
    salt = secrets.token_bytes(SALT_LENGTH)
    iv = secrets.token_bytes(AES_IV_LENGTH)
    key = hashlib.pbkdf2_hmac("sha256", password.utf8, salt, iterations, AES_KEY_LENGTH)
    ciphertext = _cbc_encrypt(AES(key), iv, plaintext)
    algorithm = der_writer.sequence(
        der_writer.object_identifier(asn1.OID_PBES2),
        der_writer.sequence(  # PBES2-params
            der_writer.sequence(  # keyDerivationFunc
                der_writer.object_identifier(asn1.OID_PBKDF2),
                der_writer.sequence(  # PBKDF2-params (keyLength omitted: AES-256 fixes it)
                    der_writer.octet_string(salt),
                    der_writer.integer(iterations),
                    der_writer.sequence(
                        der_writer.object_identifier(p12.OID_HMAC_SHA256), der_writer.null()
                    ),
                ),
            ),
            der_writer.sequence(  # encryptionScheme
                der_writer.object_identifier(p12.OID_AES_256_CBC), der_writer.octet_string(iv)
            ),
        ),
    )
    return algorithm, ciphertext


def iteration_count(algorithm: asn1.AlgorithmIdentifier) -> int:
    """The KDF count a scheme asks for, checked; raises for schemes not read."""
    if algorithm.algorithm == asn1.OID_PBES2:
        return checked_iterations(
            _pbes2_params(algorithm).key_derivation_func.parameters.iteration_count
        )
    # PBES1 parameters have the same shape as the PKCS #12 PBE ones (salt, count).
    pbe_like = {*_PKCS12_PBE_CIPHERS, p12.OID_PBE_SHA1_RC2_40, *p12.OIDS_PBES1}
    if algorithm.algorithm in pbe_like:
        return checked_iterations(_pkcs12_pbe_params(algorithm).iterations)
    raise UnsupportedPfxAlgorithm(algorithm.algorithm.dotted_string)


def decrypt(
    algorithm: asn1.AlgorithmIdentifier, password: PfxPassword, bmp: bytes, ciphertext: bytes
) -> bytes:
    """Plaintext of a key bag or encrypted container.

    ``bmp`` is the BMP password form the MAC accepted. Bad padding raises
    :class:`WrongPfxPassword` (the caller decides what it means once the MAC passed).
    """
    oid = algorithm.algorithm
    if oid == asn1.OID_PBES2:
        return _decrypt_pbes2(algorithm, password.utf8, ciphertext)
    scheme = _PKCS12_PBE_CIPHERS.get(oid)
    if scheme is None:
        raise UnsupportedPfxAlgorithm(oid.dotted_string)
    params = _pkcs12_pbe_params(algorithm)
    iterations = checked_iterations(params.iterations)
    salt = checked_salt(params.salt)
    key = pkcs12_kdf("sha1", bmp, salt, _PURPOSE_KEY, iterations, scheme.key_length)
    iv = pkcs12_kdf("sha1", bmp, salt, _PURPOSE_IV, iterations, scheme.iv_length)
    return _cbc_decrypt(scheme.factory(key), iv, ciphertext)


def _decrypt_pbes2(algorithm: asn1.AlgorithmIdentifier, secret: bytes, ciphertext: bytes) -> bytes:
    params = _pbes2_params(algorithm)
    kdf = params.key_derivation_func
    if kdf.algorithm != asn1.OID_PBKDF2:
        raise UnsupportedPfxAlgorithm(kdf.algorithm.dotted_string)
    kdf_params = kdf.parameters
    prf_oid = asn1.OID_HMAC_SHA1 if kdf_params.prf is None else kdf_params.prf.algorithm
    prf = _PRF_HASHES.get(prf_oid)
    if prf is None:
        raise UnsupportedPfxAlgorithm(prf_oid.dotted_string)
    scheme_oid = params.encryption_scheme.algorithm
    scheme = _PBES2_CIPHERS.get(scheme_oid)
    if scheme is None:
        raise UnsupportedPfxAlgorithm(scheme_oid.dotted_string)
    if kdf_params.key_length not in (None, scheme.key_length):
        raise MalformedPfx
    try:
        iv = params.encryption_scheme.parameters.parse(bytes)
    except ValueError as exc:
        raise MalformedPfx from exc
    if len(iv) != scheme.iv_length:
        raise MalformedPfx
    iterations = checked_iterations(kdf_params.iteration_count)
    salt = checked_salt(kdf_params.salt)
    key = hashlib.pbkdf2_hmac(prf, secret, salt, iterations, scheme.key_length)
    return _cbc_decrypt(scheme.factory(key), iv, ciphertext)


def _pbes2_params(algorithm: asn1.AlgorithmIdentifier) -> asn1.Pbes2Params:
    try:
        params: asn1.Pbes2Params = algorithm.parameters.parse(asn1.Pbes2Params)
    except ValueError as exc:
        raise MalformedPfx from exc
    return params


def _pkcs12_pbe_params(algorithm: asn1.AlgorithmIdentifier) -> p12.Pkcs12PbeParams:
    try:
        params: p12.Pkcs12PbeParams = algorithm.parameters.parse(p12.Pkcs12PbeParams)
    except ValueError as exc:
        raise MalformedPfx from exc
    return params


def checked_iterations(count: int) -> int:
    if count < 1:
        raise MalformedPfx
    if count > MAX_ITERATIONS:
        raise PfxIterationCountTooHigh(count, MAX_ITERATIONS)
    return count


def checked_salt(salt: bytes) -> bytes:
    if len(salt) > MAX_SALT_LENGTH:
        raise MalformedPfx
    return salt


def _cbc_encrypt(cipher: BlockCipherAlgorithm, iv: bytes, plaintext: bytes) -> bytes:
    padder = padding.PKCS7(cipher.block_size).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(cipher, modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def _cbc_decrypt(cipher: BlockCipherAlgorithm, iv: bytes, ciphertext: bytes) -> bytes:
    block = cipher.block_size // 8
    if not ciphertext or len(ciphertext) % block:
        raise MalformedPfx
    decryptor = Cipher(cipher, modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(cipher.block_size).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as exc:
        raise WrongPfxPassword from exc
