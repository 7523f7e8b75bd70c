"""Builders shared by the npki tests: keys, certificates and key files of every form.

The legacy forms (seedCBCWithSHA1, old SEED) and unusual PBES2 parameters are built
here from the declared ASN.1 classes and cryptography's primitives, with PyPinkSign's
own PBKDF1 as an independent implementation of the key derivation.
"""

from __future__ import annotations

import functools
import hashlib
import os
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.decrepit.ciphers.algorithms import SEED
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, modes
from cryptography.x509.oid import NameOID
from pypinksign.pypinksign import pbkdf1
from support.constants import FAST_ITERATIONS

from mgcert.npki import asn1, keys
from mgcert.npki.vid import identify_data_other_name

PASSWORD = "Mg-test-2026!"
OLD_SEED_IV = b"0123456789012345"
HOLDER_RRN = "9001011234567"


@functools.cache
def shared_key(index: int = 0) -> rsa.RSAPrivateKey:
    """RSA keys shared across tests (generation costs ~0.1 s); keys are immutable."""
    return keys.generate_key_pair()


def certificate_for(
    key: rsa.RSAPrivateKey, *, cn: str = "홍길동()0045000000012026112401", vid: bytes | None = None
) -> x509.Certificate:
    """A self-signed stand-in for an issued certificate (the CA layer is not under test)."""
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "kr"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "MGSIM"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "personal4IB"),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "MG"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )
    start = datetime(2026, 11, 24, tzinfo=UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365))
    )
    if vid is not None:
        real_name = cn.split("()", 1)[0]
        builder = builder.add_extension(
            x509.SubjectAlternativeName([identify_data_other_name(real_name, vid)]),
            critical=False,
        )
    return builder.sign(key, hashes.SHA256())


# --- key-file forms mgcert does not write ------------------------------------------------


@der.sequence
class SeedPbeAlgorithm:
    algorithm: x509.ObjectIdentifier
    parameters: asn1.SeedPbeParams


@der.sequence
class SeedPbeEncryptedPrivateKeyInfo:
    encryption_algorithm: SeedPbeAlgorithm
    encrypted_data: bytes


@der.sequence
class Pbkdf2Params:
    salt: bytes
    iteration_count: int
    key_length: int | None
    prf: asn1.PrfAlgorithm | None


@der.sequence
class Pbkdf2Algorithm:
    algorithm: x509.ObjectIdentifier
    parameters: Pbkdf2Params


@der.sequence
class EncryptionScheme:
    algorithm: x509.ObjectIdentifier
    iv: bytes


@der.sequence
class Pbes2Params:
    key_derivation_func: Pbkdf2Algorithm
    encryption_scheme: EncryptionScheme


@der.sequence
class Pbes2Algorithm:
    algorithm: x509.ObjectIdentifier
    parameters: Pbes2Params


@der.sequence
class Pbes2EncryptedPrivateKeyInfo:
    encryption_algorithm: Pbes2Algorithm
    encrypted_data: bytes


def seed_cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(SEED(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def legacy_key_file(
    plaintext: bytes,
    password: str,
    *,
    old_seed: bool = False,
    iterations: int = FAST_ITERATIONS,
    salt: bytes | None = None,
) -> bytes:
    """A seedCBCWithSHA1 file, or with ``old_seed`` the top-level SEED fixed-IV form."""
    salt = os.urandom(8) if salt is None else salt
    material = pbkdf1(password.encode("utf-8"), salt, iterations, 20)
    if old_seed:
        oid, iv = asn1.OID_SEED_CBC, OLD_SEED_IV
    else:
        oid, iv = asn1.OID_SEED_CBC_WITH_SHA1, hashlib.sha1(material[16:20]).digest()[:16]  # noqa: S324
    return legacy_envelope(oid, salt, iterations, seed_cbc_encrypt(material[:16], iv, plaintext))


def legacy_envelope(
    oid: x509.ObjectIdentifier, salt: bytes, iterations: int, ciphertext: bytes
) -> bytes:
    """The seedCBCWithSHA1 / old-SEED envelope around an already encrypted key."""
    envelope = SeedPbeEncryptedPrivateKeyInfo(
        encryption_algorithm=SeedPbeAlgorithm(
            algorithm=oid,
            parameters=asn1.SeedPbeParams(salt=salt, iteration_count=iterations),
        ),
        encrypted_data=ciphertext,
    )
    return der.encode_der(envelope)


def huge_iteration_envelope(iterations: int) -> bytes:
    """A seedCBCWithSHA1 envelope whose count does not fit 64 bits.

    cryptography's declarative encoder stops at 64-bit integers, so this one is built
    with pyasn1's declared types (a PyPinkSign dependency).
    """
    from pyasn1.codec.der import encoder  # type: ignore[import-untyped]
    from pyasn1.type import univ  # type: ignore[import-untyped]

    params = univ.Sequence()
    params.setComponentByPosition(0, univ.OctetString(b"saltsalt"))
    params.setComponentByPosition(1, univ.Integer(iterations))
    algorithm = univ.Sequence()
    algorithm.setComponentByPosition(0, univ.ObjectIdentifier("1.2.410.200004.1.15"))
    algorithm.setComponentByPosition(1, params)
    envelope = univ.Sequence()
    envelope.setComponentByPosition(0, algorithm)
    envelope.setComponentByPosition(1, univ.OctetString(bytes(32)))
    return bytes(encoder.encode(envelope))


def pbes2_key_file(
    plaintext: bytes,
    password: str,
    *,
    iterations: int = FAST_ITERATIONS,
    prf: x509.ObjectIdentifier | None = None,
    key_length: int | None = None,
    cipher: x509.ObjectIdentifier = asn1.OID_SEED_CBC,
    kdf: x509.ObjectIdentifier = asn1.OID_PBKDF2,
) -> bytes:
    """A PBES2 file with chosen parameters (mgcert itself always writes the defaults)."""
    salt, iv = os.urandom(8), os.urandom(16)
    hash_name = {None: "sha1", asn1.OID_HMAC_SHA1: "sha1"}.get(prf, "sha256")
    derived = hashlib.pbkdf2_hmac(hash_name, password.encode("utf-8"), salt, iterations, 16)
    envelope = Pbes2EncryptedPrivateKeyInfo(
        encryption_algorithm=Pbes2Algorithm(
            algorithm=asn1.OID_PBES2,
            parameters=Pbes2Params(
                key_derivation_func=Pbkdf2Algorithm(
                    algorithm=kdf,
                    parameters=Pbkdf2Params(
                        salt=salt,
                        iteration_count=iterations,
                        key_length=key_length,
                        prf=None
                        if prf is None
                        else asn1.PrfAlgorithm(algorithm=prf, parameters=der.Null()),
                    ),
                ),
                encryption_scheme=EncryptionScheme(algorithm=cipher, iv=iv),
            ),
        ),
        encrypted_data=seed_cbc_encrypt(derived, iv, plaintext),
    )
    return der.encode_der(envelope)
