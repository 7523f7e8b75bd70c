"""signPri.key: the password-encrypted private key with its randomNum (NPKI.md).

mgcert writes one form, the one PyPinkSign and OpenSSL both open: PKCS #8
EncryptedPrivateKeyInfo with PBES2, PBKDF2-HMAC-SHA1 (prf and keyLength omitted, as in
real PBES2 NPKI files) and SEED-CBC. It reads the three forms found in the wild: that
one, ``seedCBCWithSHA1`` (PBKDF1 with a derived IV) and the old top-level SEED form
(PBKDF1 with the fixed IV ``0123456789012345``).

Passwords are NFC-normalized and encoded as UTF-8, which is what PyPinkSign does with a
``str`` password (``str.encode()``) and what OpenSSL feeds PBKDF2 for PBES2 (the raw
bytes it was given). Every failure on reading is one of the :class:`KeyFileError`
types; nothing a damaged file contains can cause a traceback or a long hang.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
import unicodedata
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.decrepit.ciphers.algorithms import SEED
from cryptography.hazmat.primitives import padding, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, modes

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg
from mgcert.npki import asn1
from mgcert.npki.vid import RANDOM_NUM_LENGTH

# OWASP's current advice for PBKDF2-HMAC-SHA1. Real NPKI files use 2048, which costs
# an attacker who copied the file about 600 times less per guessed password.
DEFAULT_ITERATIONS = 1_300_000
# Refused before any derivation so a hostile file cannot make the app spin for minutes
# (PBKDF1 in Python runs about 3 million SHA-1 rounds a second).
MAX_ITERATIONS = 10_000_000
# A 4096-bit key file is under 3 KiB; anything far bigger is not a key file.
MAX_KEY_FILE_SIZE = 64 * 1024

SALT_LENGTH = 8
IV_LENGTH = 16
SEED_KEY_LENGTH = 16
OLD_SEED_IV = b"0123456789012345"
MAX_SALT_LENGTH = 64
_SEED_BLOCK_BITS = 128

OID_HMAC_SHA256 = x509.ObjectIdentifier("1.2.840.113549.2.9")
# PBES2 prf → hashlib name. Absent means hmacWithSHA1 (RFC 8018); SHA-256 is what
# OpenSSL writes by default, so a file re-encrypted with openssl still opens.
_PRF_HASHES = {asn1.OID_HMAC_SHA1: "sha1", OID_HMAC_SHA256: "sha256"}


class KeyScheme(enum.Enum):
    """How a signPri.key was encrypted."""

    PBES2 = "pbes2"
    SEED_CBC_WITH_SHA1 = "seedCBCWithSHA1"
    OLD_SEED = "seed"

    @property
    def label(self) -> str:
        return _SCHEME_LABELS[self]


_SCHEME_LABELS = {
    KeyScheme.PBES2: msg.KEY_SCHEME_PBES2,
    KeyScheme.SEED_CBC_WITH_SHA1: msg.KEY_SCHEME_SEED_CBC_WITH_SHA1,
    KeyScheme.OLD_SEED: msg.KEY_SCHEME_OLD_SEED,
}


class KeyFileError(MgcertError):
    """A signPri.key could not be opened."""

    default_message = msg.MALFORMED_KEY_FILE


class WrongKeyPassword(KeyFileError):
    """The password does not decrypt the key (bad padding or no key inside)."""

    default_message = msg.WRONG_KEY_PASSWORD


class MalformedKeyFile(KeyFileError):
    """Not an EncryptedPrivateKeyInfo, or one with impossible parameters."""

    default_message = msg.MALFORMED_KEY_FILE


class UnsupportedKeyAlgorithm(KeyFileError):
    """Encrypted (or keyed) with an algorithm mgcert does not read."""

    def __init__(self, algorithm: str) -> None:
        self.algorithm = algorithm
        # The name comes from the file: keep it short so a hostile OID cannot flood
        # the screen.
        super().__init__(msg.UNSUPPORTED_KEY_ALGORITHM.format(algorithm=algorithm[:60]))


class IterationCountTooHigh(KeyFileError):
    """The file asks for more KDF rounds than :data:`MAX_ITERATIONS`."""

    def __init__(self, count: int, limit: int) -> None:
        self.count = count
        self.limit = limit
        super().__init__(msg.ITERATION_COUNT_TOO_HIGH.format(limit=limit))


@dataclass(frozen=True)
class DecryptedKey:
    """What a signPri.key holds once opened."""

    private_key: rsa.RSAPrivateKey
    # Not secret on its own, but with a 주민등록번호 it yields the VID: keep it out of
    # logs and reprs.
    random_num: bytes | None = field(repr=False)
    scheme: KeyScheme
    iterations: int


@dataclass(frozen=True)
class KeyFileParameters:
    """The public parameters of a signPri.key, readable without the password."""

    scheme: KeyScheme
    iterations: int


@dataclass(frozen=True)
class _Envelope:
    scheme: KeyScheme
    iterations: int
    salt: bytes
    iv: bytes | None  # None: derived from the key material (seedCBCWithSHA1)
    prf: str
    ciphertext: bytes


def new_random_num() -> bytes:
    """A fresh 160-bit randomNum for a new key (its VID input)."""
    return secrets.token_bytes(RANDOM_NUM_LENGTH)


def private_key_info(key: rsa.RSAPrivateKey, random_num: bytes) -> bytes:
    """DER PrivateKeyInfo of ``key`` carrying the randomNum attribute (the plaintext).

    cryptography's PKCS #8 output has no attributes, so the structure is built here
    from the PKCS #1 RSAPrivateKey.
    """
    pkcs1 = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    info = asn1.RsaPrivateKeyInfo(
        version=0,
        private_key_algorithm=asn1.RsaAlgorithm(
            algorithm=asn1.OID_RSA_ENCRYPTION, parameters=der.Null()
        ),
        private_key=pkcs1,
        attributes=der.SetOf(
            [
                asn1.RandomNumAttribute(
                    type=asn1.OID_RANDOM_NUM,
                    values=der.SetOf([der.BitString(random_num, 0)]),
                )
            ]
        ),
    )
    return der.encode_der(info)


def encrypt_private_key(
    key: rsa.RSAPrivateKey,
    password: str,
    random_num: bytes,
    *,
    iterations: int = DEFAULT_ITERATIONS,
) -> bytes:
    """The signPri.key bytes for ``key``: PBES2 + PBKDF2-HMAC-SHA1 + SEED-CBC.

    A fresh 8-byte salt and 16-byte IV are drawn for every call. ``iterations`` below
    the default is for tests only.
    """
    if not isinstance(key, rsa.RSAPrivateKey):
        raise TypeError("key must be an RSA private key")
    if len(random_num) != RANDOM_NUM_LENGTH:
        raise ValueError(f"random_num must be {RANDOM_NUM_LENGTH} bytes")
    if not 1 <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"iterations must be between 1 and {MAX_ITERATIONS}")
    if not password:
        raise ValueError("password must not be empty")
    salt = secrets.token_bytes(SALT_LENGTH)
    iv = secrets.token_bytes(IV_LENGTH)
    derived = _pbkdf2(_password_bytes(password), salt, iterations, "sha1")
    ciphertext = _seed_cbc_encrypt(derived, iv, private_key_info(key, random_num))
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
        encrypted_data=ciphertext,
    )
    return der.encode_der(envelope)


def read_key_file_parameters(data: bytes) -> KeyFileParameters:
    """Scheme and iteration count of a signPri.key, without decrypting it."""
    envelope = _read_envelope(data)
    return KeyFileParameters(scheme=envelope.scheme, iterations=envelope.iterations)


def decrypt_private_key(data: bytes, password: str) -> DecryptedKey:
    """Open a signPri.key of any of the three NPKI forms.

    Raises :class:`WrongKeyPassword`, :class:`MalformedKeyFile`,
    :class:`UnsupportedKeyAlgorithm` or :class:`IterationCountTooHigh`; the iteration
    count is checked before any key derivation.
    """
    envelope = _read_envelope(data)
    try:
        secret = _password_bytes(password)
    except UnicodeEncodeError as exc:  # lone surrogates: no file was encrypted with them
        raise WrongKeyPassword from exc
    if envelope.scheme is KeyScheme.PBES2:
        assert envelope.iv is not None
        key = _pbkdf2(secret, envelope.salt, envelope.iterations, envelope.prf)
        iv = envelope.iv
    else:
        material = _pbkdf1_sha1(secret, envelope.salt, envelope.iterations)
        key = material[:SEED_KEY_LENGTH]
        if envelope.scheme is KeyScheme.SEED_CBC_WITH_SHA1:
            iv = hashlib.sha1(material[16:20]).digest()[:IV_LENGTH]  # noqa: S324 (format)
        else:
            iv = OLD_SEED_IV
    plaintext = _seed_cbc_decrypt(key, iv, envelope.ciphertext)
    private_key, random_num = _read_private_key_info(plaintext)
    return DecryptedKey(
        private_key=private_key,
        random_num=random_num,
        scheme=envelope.scheme,
        iterations=envelope.iterations,
    )


# --- reading the envelope ---------------------------------------------------------------


def key_file_der(data: bytes) -> bytes:
    """The first DER element of a signPri.key, without bytes after it.

    Real files can carry trailing bytes (a TradeSign test key has 46, NPKI.md); readers
    such as PyPinkSign ignore them, and so does mgcert. Files mgcert writes (password
    change, copy, export) hold only this element. Raises :class:`MalformedKeyFile` when
    ``data`` does not start with a complete DER SEQUENCE.
    """
    if len(data) < 2 or data[0] != 0x30:
        raise MalformedKeyFile
    first = data[1]
    if first < 0x80:
        header, length = 2, first
    else:
        count = first & 0x7F
        if not 1 <= count <= 4 or len(data) < 2 + count:
            raise MalformedKeyFile
        header, length = 2 + count, int.from_bytes(data[2 : 2 + count], "big")
    end = header + length
    if end > len(data):
        raise MalformedKeyFile
    return data[:end]


def _read_envelope(data: bytes) -> _Envelope:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("data must be bytes")
    if len(data) > MAX_KEY_FILE_SIZE:
        raise MalformedKeyFile
    try:
        info = der.decode_der(asn1.EncryptedPrivateKeyInfo, key_file_der(bytes(data)))
    except ValueError as exc:
        raise MalformedKeyFile from exc
    algorithm = info.encryption_algorithm.algorithm
    parameters = info.encryption_algorithm.parameters
    ciphertext = info.encrypted_data
    if algorithm == asn1.OID_PBES2:
        envelope = _read_pbes2(parameters, ciphertext)
    elif algorithm == asn1.OID_SEED_CBC_WITH_SHA1:
        envelope = _read_seed_pbe(KeyScheme.SEED_CBC_WITH_SHA1, parameters, ciphertext)
    elif algorithm == asn1.OID_SEED_CBC:
        envelope = _read_seed_pbe(KeyScheme.OLD_SEED, parameters, ciphertext)
    else:
        raise UnsupportedKeyAlgorithm(algorithm.dotted_string)
    # CBC output is whole blocks; checking here saves a pointless key derivation.
    if not ciphertext or len(ciphertext) % (_SEED_BLOCK_BITS // 8):
        raise MalformedKeyFile
    return envelope


def _read_pbes2(parameters: der.TLV, ciphertext: bytes) -> _Envelope:
    try:
        pbes2 = parameters.parse(asn1.Pbes2Params)
    except ValueError as exc:
        raise MalformedKeyFile from exc
    kdf = pbes2.key_derivation_func
    if kdf.algorithm != asn1.OID_PBKDF2:
        raise UnsupportedKeyAlgorithm(kdf.algorithm.dotted_string)
    kdf_params = kdf.parameters
    prf_oid = asn1.OID_HMAC_SHA1 if kdf_params.prf is None else kdf_params.prf.algorithm
    prf = _PRF_HASHES.get(prf_oid)
    if prf is None:
        raise UnsupportedKeyAlgorithm(prf_oid.dotted_string)
    if kdf_params.key_length not in (None, SEED_KEY_LENGTH):
        raise MalformedKeyFile
    scheme = pbes2.encryption_scheme
    if scheme.algorithm != asn1.OID_SEED_CBC:
        raise UnsupportedKeyAlgorithm(scheme.algorithm.dotted_string)
    try:
        iv = scheme.parameters.parse(bytes)
    except ValueError as exc:
        raise MalformedKeyFile from exc
    if len(iv) != IV_LENGTH:
        raise MalformedKeyFile
    return _Envelope(
        scheme=KeyScheme.PBES2,
        iterations=_checked_iterations(kdf_params.iteration_count),
        salt=_checked_salt(kdf_params.salt, exact=False),
        iv=iv,
        prf=prf,
        ciphertext=ciphertext,
    )


def _read_seed_pbe(scheme: KeyScheme, parameters: der.TLV, ciphertext: bytes) -> _Envelope:
    try:
        pbe = parameters.parse(asn1.SeedPbeParams)
    except ValueError as exc:
        raise MalformedKeyFile from exc
    return _Envelope(
        scheme=scheme,
        iterations=_checked_iterations(pbe.iteration_count),
        salt=_checked_salt(pbe.salt, exact=True),
        iv=None,
        prf="sha1",
        ciphertext=ciphertext,
    )


def _checked_iterations(count: int) -> int:
    if count < 1:
        raise MalformedKeyFile
    # Read the module constant at call time (tests lower it to fuzz quickly).
    if count > MAX_ITERATIONS:
        raise IterationCountTooHigh(count, MAX_ITERATIONS)
    return count


def _checked_salt(salt: bytes, *, exact: bool) -> bytes:
    # PBKDF1 in NPKI is defined on an 8-byte salt; PBKDF2 takes any non-empty salt.
    if (exact and len(salt) != SALT_LENGTH) or not 1 <= len(salt) <= MAX_SALT_LENGTH:
        raise MalformedKeyFile
    return salt


# --- the plaintext ----------------------------------------------------------------------


def _read_private_key_info(plaintext: bytes) -> tuple[rsa.RSAPrivateKey, bytes | None]:
    try:
        info = der.decode_der(asn1.PrivateKeyInfo, plaintext)
    except ValueError as exc:
        # Garbage after a lucky padding byte: the password was wrong.
        raise WrongKeyPassword from exc
    # A well-formed PrivateKeyInfo came out, so the password was right; from here a
    # failure means the key itself is damaged or of another kind.
    try:
        key = serialization.load_der_private_key(plaintext, None)
    except UnsupportedAlgorithm as exc:
        raise UnsupportedKeyAlgorithm(str(exc)) from exc
    except (ValueError, TypeError) as exc:
        raise MalformedKeyFile from exc
    if not isinstance(key, rsa.RSAPrivateKey):
        raise UnsupportedKeyAlgorithm(type(key).__name__)
    return key, _random_num(info)


def _random_num(info: asn1.PrivateKeyInfo) -> bytes | None:
    if info.attributes is None:
        return None
    for attribute in info.attributes.as_list():
        if attribute.type != asn1.OID_RANDOM_NUM:
            continue
        values = attribute.values.as_list()
        if len(values) != 1:
            raise MalformedKeyFile
        try:
            bits: der.BitString = values[0].parse(der.BitString)
        except ValueError as exc:
            raise MalformedKeyFile from exc
        if bits.padding_bits() != 0 or not bits.as_bytes():
            raise MalformedKeyFile
        return bits.as_bytes()
    return None


# --- primitives -------------------------------------------------------------------------


def _password_bytes(password: str) -> bytes:
    return unicodedata.normalize("NFC", password).encode("utf-8")


def _pbkdf2(secret: bytes, salt: bytes, iterations: int, prf: str) -> bytes:
    # hashlib releases the GIL while it derives; cryptography's PBKDF2HMAC does not,
    # and a second of held GIL freezes the TUI's spinner while a worker encrypts.
    return hashlib.pbkdf2_hmac(prf, secret, salt, iterations, SEED_KEY_LENGTH)


def _pbkdf1_sha1(secret: bytes, salt: bytes, iterations: int) -> bytes:
    """PBKDF1-SHA1 (RFC 8018 §5.1): SHA-1 applied ``iterations`` times to P‖S."""
    digest = hashlib.sha1(secret + salt).digest()  # noqa: S324 (the format demands SHA-1)
    for _ in range(iterations - 1):
        digest = hashlib.sha1(digest).digest()  # noqa: S324
    return digest


def _seed_cbc_encrypt(key: bytes, iv: bytes, plaintext: bytes) -> bytes:
    padder = padding.PKCS7(_SEED_BLOCK_BITS).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(SEED(key), modes.CBC(iv)).encryptor()
    return encryptor.update(padded) + encryptor.finalize()


def _seed_cbc_decrypt(key: bytes, iv: bytes, ciphertext: bytes) -> bytes:
    decryptor = Cipher(SEED(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(_SEED_BLOCK_BITS).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as exc:
        raise WrongKeyPassword from exc
