"""Writing signPri.key in any of the three NPKI forms (NPKI.md), at any iteration count.

- PBES2 (default): PBES2 + PBKDF2-HMAC-SHA1 (prf and keyLength omitted, as in real
  PBES2 NPKI files) + SEED-CBC with a random 16-byte IV. PyPinkSign and OpenSSL (legacy
  provider) both open it.
- seedCBCWithSHA1 (1.2.410.200004.1.15): params SEQUENCE{salt OCTET STRING(8),
  iterations INTEGER}; PBKDF1-SHA1; IV = SHA1(DK[16:20])[0:16]. PyPinkSign opens it,
  OpenSSL does not know the OID.
- old SEED (1.2.410.200004.1.4 at top level): the same params and PBKDF1, with the
  fixed IV ``0123456789012345``. PyPinkSign opens it, OpenSSL does not.

The plaintext is a PKCS #8 PrivateKeyInfo carrying the randomNum attribute.
"""

from __future__ import annotations

import secrets

from cryptography.hazmat import asn1 as der
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.npki import asn1
from mgcert.npki import keyfile_crypto as kdf
from mgcert.npki.keyform import DEFAULT_ITERATIONS, KeyProtection, KeyScheme
from mgcert.npki.vid import RANDOM_NUM_LENGTH

_PBKDF1_OIDS = {
    KeyScheme.SEED_CBC_WITH_SHA1: asn1.OID_SEED_CBC_WITH_SHA1,
    KeyScheme.OLD_SEED: asn1.OID_SEED_CBC,
}


def new_random_num() -> bytes:
    """A fresh 160-bit randomNum for a new key (its VID input)."""
    return secrets.token_bytes(RANDOM_NUM_LENGTH)


def private_key_info(key: rsa.RSAPrivateKey, random_num: bytes | None) -> bytes:
    """DER PrivateKeyInfo of ``key`` carrying the randomNum attribute (the plaintext).

    ``random_num=None`` leaves the attribute set out (a key file with no VID input, as
    some old files are: a test case, never what the center writes). cryptography's
    PKCS #8 output has no attributes, so the structure is built here from the PKCS #1
    RSAPrivateKey.
    """
    if not isinstance(key, rsa.RSAPrivateKey):
        raise TypeError("key must be an RSA private key")
    if random_num is not None and len(random_num) != RANDOM_NUM_LENGTH:
        raise ValueError(f"random_num must be {RANDOM_NUM_LENGTH} bytes")
    pkcs1 = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    attributes = None
    if random_num is not None:
        attributes = der.SetOf(
            [
                asn1.RandomNumAttribute(
                    type=asn1.OID_RANDOM_NUM,
                    values=der.SetOf([der.BitString(random_num, 0)]),
                )
            ]
        )
    info = asn1.RsaPrivateKeyInfo(
        version=0,
        private_key_algorithm=asn1.RsaAlgorithm(
            algorithm=asn1.OID_RSA_ENCRYPTION, parameters=der.Null()
        ),
        private_key=pkcs1,
        attributes=attributes,
    )
    return der.encode_der(info)


def encrypt_private_key(
    key: rsa.RSAPrivateKey,
    password: str,
    random_num: bytes | None,
    *,
    iterations: int = DEFAULT_ITERATIONS,
    scheme: KeyScheme = KeyScheme.PBES2,
) -> bytes:
    """The signPri.key bytes for ``key`` in ``scheme`` with ``iterations`` KDF rounds.

    A fresh 8-byte salt (and, for PBES2, 16-byte IV) is drawn for every call.
    ``random_num=None`` writes the key without the randomNum attribute. Raises
    :class:`TypeError` for a non-RSA key, :class:`ValueError` for an empty password
    or a randomNum of the wrong length, and
    :class:`~mgcert.npki.keyform.IterationCountOutOfRange` (a ``ValueError``) for a
    count outside 1..:data:`~mgcert.npki.keyform.MAX_ITERATIONS`.
    """
    protection = KeyProtection(scheme, iterations)  # checks both
    plaintext = private_key_info(key, random_num)
    if not password:
        raise ValueError("password must not be empty")
    secret = kdf.password_bytes(password)
    salt = secrets.token_bytes(kdf.SALT_LENGTH)
    if protection.scheme is KeyScheme.PBES2:
        return _pbes2(secret, salt, protection.iterations, plaintext)
    return _seed_pbe(protection.scheme, secret, salt, protection.iterations, plaintext)


def encrypt_with(
    key: rsa.RSAPrivateKey, password: str, random_num: bytes | None, protection: KeyProtection
) -> bytes:
    """:func:`encrypt_private_key` with the form and count of ``protection``."""
    return encrypt_private_key(
        key, password, random_num, iterations=protection.iterations, scheme=protection.scheme
    )


def _pbes2(secret: bytes, salt: bytes, iterations: int, plaintext: bytes) -> bytes:
    iv = secrets.token_bytes(kdf.IV_LENGTH)
    derived = kdf.pbkdf2(secret, salt, iterations, "sha1")
    envelope = asn1.Pbes2EncryptedPrivateKeyInfo(
        encryption_algorithm=asn1.Pbes2Algorithm(
            algorithm=asn1.OID_PBES2,
            parameters=asn1.Pbes2ParamsOut(
                key_derivation_func=asn1.Pbkdf2Algorithm(
                    algorithm=asn1.OID_PBKDF2,
                    parameters=asn1.Pbkdf2Params(
                        salt=salt, iteration_count=iterations, key_length=None, prf=None
                    ),
                ),
                encryption_scheme=asn1.SeedCbcAlgorithm(algorithm=asn1.OID_SEED_CBC, iv=iv),
            ),
        ),
        encrypted_data=kdf.seed_cbc_encrypt(derived, iv, plaintext),
    )
    return der.encode_der(envelope)


def _seed_pbe(
    scheme: KeyScheme, secret: bytes, salt: bytes, iterations: int, plaintext: bytes
) -> bytes:
    material = kdf.pbkdf1_sha1(secret, salt, iterations)
    key, iv = kdf.seed_pbe_key_and_iv(material, old_seed=scheme is KeyScheme.OLD_SEED)
    envelope = asn1.SeedPbeEncryptedPrivateKeyInfo(
        encryption_algorithm=asn1.SeedPbeAlgorithm(
            algorithm=_PBKDF1_OIDS[scheme],
            parameters=asn1.SeedPbeParams(salt=salt, iteration_count=iterations),
        ),
        encrypted_data=kdf.seed_cbc_encrypt(key, iv, plaintext),
    )
    return der.encode_der(envelope)
