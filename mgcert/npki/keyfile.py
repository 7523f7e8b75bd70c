"""signPri.key: the password-encrypted private key with its randomNum (NPKI.md).

mgcert reads and writes the three forms found in the wild: PBES2 (PBKDF2-HMAC-SHA1 +
SEED-CBC, the default, the one PyPinkSign and OpenSSL both open), ``seedCBCWithSHA1``
(PBKDF1 with a derived IV) and the old top-level SEED form (PBKDF1 with the fixed IV
``0123456789012345``). This module reads them; the writer lives in
:mod:`mgcert.npki.keyfile_write`, the forms and :class:`KeyProtection` in
:mod:`mgcert.npki.keyform`, the primitives in :mod:`mgcert.npki.keyfile_crypto`. Every
public name of those is importable from here too.

Passwords are NFC-normalized and encoded as UTF-8, which is what PyPinkSign does with a
``str`` password (``str.encode()``) and what OpenSSL feeds PBKDF2 for PBES2 (the raw
bytes it was given). Every failure on reading is one of the :class:`KeyFileError`
types; nothing a damaged file contains can cause a traceback or a long hang.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg
from mgcert.npki import asn1
from mgcert.npki import keyfile_crypto as kdf
from mgcert.npki.keyfile_crypto import IV_LENGTH, OLD_SEED_IV, SALT_LENGTH, SEED_KEY_LENGTH
from mgcert.npki.keyfile_write import (
    encrypt_private_key,
    encrypt_with,
    new_random_num,
    private_key_info,
)
from mgcert.npki.keyform import (
    DEFAULT_ITERATIONS,
    FIXTURE_ITERATIONS,
    KEY_FORM_NAMES,
    MAX_ITERATIONS,
    InvalidKeyProtection,
    IterationCountOutOfRange,
    KeyProtection,
    KeyScheme,
    UnknownKeyForm,
    parse_iterations,
)
from mgcert.npki.vid import RANDOM_NUM_LENGTH

__all__ = [
    "DEFAULT_ITERATIONS",
    "FIXTURE_ITERATIONS",
    "IV_LENGTH",
    "KEY_FORM_NAMES",
    "MAX_ITERATIONS",
    "MAX_KEY_FILE_SIZE",
    "OLD_SEED_IV",
    "SALT_LENGTH",
    "SEED_KEY_LENGTH",
    "DecryptedKey",
    "InvalidKeyProtection",
    "IterationCountOutOfRange",
    "IterationCountTooHigh",
    "KeyFileError",
    "KeyFileParameters",
    "KeyProtection",
    "KeyScheme",
    "MalformedKeyFile",
    "UnknownKeyForm",
    "UnsupportedKeyAlgorithm",
    "WrongKeyPassword",
    "decrypt_private_key",
    "encrypt_private_key",
    "encrypt_with",
    "key_file_der",
    "new_random_num",
    "parse_iterations",
    "private_key_info",
    "read_key_file_parameters",
]

# A 4096-bit key file is under 3 KiB; anything far bigger is not a key file.
MAX_KEY_FILE_SIZE = 64 * 1024
MAX_SALT_LENGTH = 64

OID_HMAC_SHA256 = x509.ObjectIdentifier("1.2.840.113549.2.9")
# PBES2 prf → hashlib name. Absent means hmacWithSHA1 (RFC 8018); SHA-256 is what
# OpenSSL writes by default, so a file re-encrypted with openssl still opens.
_PRF_HASHES = {asn1.OID_HMAC_SHA1: "sha1", OID_HMAC_SHA256: "sha256"}


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

    @property
    def protection(self) -> KeyProtection:
        """The file's form and count (a password change keeps them)."""
        return KeyProtection(self.scheme, self.iterations)


@dataclass(frozen=True)
class KeyFileParameters:
    """The public parameters of a signPri.key, readable without the password."""

    scheme: KeyScheme
    iterations: int

    @property
    def protection(self) -> KeyProtection:
        """The same form and count, to write another file like this one."""
        return KeyProtection(self.scheme, self.iterations)


@dataclass(frozen=True)
class _Envelope:
    scheme: KeyScheme
    iterations: int
    salt: bytes
    iv: bytes | None  # None: derived from the key material (seedCBCWithSHA1)
    prf: str
    ciphertext: bytes


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
        secret = kdf.password_bytes(password)
    except UnicodeEncodeError as exc:  # lone surrogates: no file was encrypted with them
        raise WrongKeyPassword from exc
    if envelope.scheme is KeyScheme.PBES2:
        assert envelope.iv is not None
        key = kdf.pbkdf2(secret, envelope.salt, envelope.iterations, envelope.prf)
        iv = envelope.iv
    else:
        material = kdf.pbkdf1_sha1(secret, envelope.salt, envelope.iterations)
        key, iv = kdf.seed_pbe_key_and_iv(material, old_seed=envelope.scheme is KeyScheme.OLD_SEED)
    try:
        plaintext = kdf.seed_cbc_decrypt(key, iv, envelope.ciphertext)
    except kdf.BadPadding as exc:
        raise WrongKeyPassword from exc
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
    if not ciphertext or len(ciphertext) % (kdf.SEED_BLOCK_BITS // 8):
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
    return key, random_num_attribute(info)


def random_num_attribute(info: asn1.PrivateKeyInfo) -> bytes | None:
    """The 160-bit randomNum attribute of a PrivateKeyInfo (None if absent).

    :class:`MalformedKeyFile` when it is there but not one 160-bit BIT STRING; the PFX
    reader uses it too (for the key inside a shrouded key bag).
    """
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
        # 160 bits exactly (KISA): any other length could not be written back (passwd)
        # and yields no VID a bank would compute.
        if bits.padding_bits() != 0 or len(bits.as_bytes()) != RANDOM_NUM_LENGTH:
            raise MalformedKeyFile
        return bits.as_bytes()
    return None
