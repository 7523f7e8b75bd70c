"""The primitives under every signPri.key form: password bytes, PBKDF1/PBKDF2, SEED-CBC.

Shared by the reader (:mod:`mgcert.npki.keyfile`) and the writer
(:mod:`mgcert.npki.keyfile_write`), so both derive keys and IVs the same way.
"""

from __future__ import annotations

import hashlib
import unicodedata

from cryptography.hazmat.decrepit.ciphers.algorithms import SEED
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, modes

SALT_LENGTH = 8
IV_LENGTH = 16
SEED_KEY_LENGTH = 16
OLD_SEED_IV = b"0123456789012345"
SEED_BLOCK_BITS = 128


class BadPadding(ValueError):
    """The decrypted data does not end in valid PKCS #7 padding (a wrong password)."""


def password_bytes(password: str) -> bytes:
    """NFC, then UTF-8: what PyPinkSign (``str.encode()``) and OpenSSL feed the KDF.

    Raises :class:`UnicodeEncodeError` for lone surrogates.
    """
    return unicodedata.normalize("NFC", password).encode("utf-8")


def pbkdf2(secret: bytes, salt: bytes, iterations: int, prf: str) -> bytes:
    """PBKDF2 with HMAC-``prf`` (a hashlib name), 16 bytes out (a SEED key)."""
    # hashlib releases the GIL while it derives; cryptography's PBKDF2HMAC does not,
    # and a second of held GIL freezes the TUI's spinner while a worker encrypts.
    return hashlib.pbkdf2_hmac(prf, secret, salt, iterations, SEED_KEY_LENGTH)


def pbkdf1_sha1(secret: bytes, salt: bytes, iterations: int) -> bytes:
    """PBKDF1-SHA1 (RFC 8018 §5.1): SHA-1 applied ``iterations`` times to P‖S (20 bytes).

    A Python loop (no library offers PBKDF1): about 0.5 s for 1,300,000 rounds, and it
    holds the GIL; real files of these forms use 1024 or 2048.
    """
    sha1 = hashlib.sha1
    digest = sha1(secret + salt).digest()  # SHA-1: the format demands it
    for _ in range(iterations - 1):
        digest = sha1(digest).digest()
    return digest


def seed_pbe_key_and_iv(material: bytes, *, old_seed: bool) -> tuple[bytes, bytes]:
    """SEED key and IV from the 20 PBKDF1 bytes: key = DK[0:16]; IV = the fixed
    ``0123456789012345`` (old SEED) or SHA1(DK[16:20])[0:16] (seedCBCWithSHA1)."""
    key = material[:SEED_KEY_LENGTH]
    if old_seed:
        return key, OLD_SEED_IV
    return key, hashlib.sha1(material[16:20]).digest()[:IV_LENGTH]  # noqa: S324 (format)


def seed_cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    """SEED-128-CBC with PKCS #7 padding."""
    padder = padding.PKCS7(SEED_BLOCK_BITS).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(SEED(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def seed_cbc_decrypt(key: bytes, iv: bytes, ciphertext: bytes) -> bytes:
    """The inverse of :func:`seed_cbc_encrypt`; :class:`BadPadding` when the padding is
    wrong (almost always a wrong password)."""
    decryptor = Cipher(SEED(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(SEED_BLOCK_BITS).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as exc:
        raise BadPadding from exc
