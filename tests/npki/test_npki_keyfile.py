"""signPri.key: round trips of every form, known answers, and each failure type."""

from __future__ import annotations

import base64
import time

import pytest
from cryptography import x509
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.hashes import SHA256
from npki_testkit import (
    FAST_ITERATIONS,
    PASSWORD,
    huge_iteration_envelope,
    legacy_envelope,
    legacy_key_file,
    pbes2_key_file,
    shared_key,
)
from pypinksign import encrypt_decrypted_prikey
from pypinksign.test_pinkSign import TEST_CERT

from mgcert.npki import asn1, keyfile, keyfile_crypto
from mgcert.npki.keyfile import (
    DecryptedKey,
    IterationCountTooHigh,
    KeyFileError,
    KeyScheme,
    MalformedKeyFile,
    UnsupportedKeyAlgorithm,
    WrongKeyPassword,
    decrypt_private_key,
    encrypt_private_key,
    new_random_num,
    private_key_info,
)

# The yessign test certificate and key that ship inside PyPinkSign's test module.
KAT_KEY_FILE = base64.b64decode(TEST_CERT["signPri"])
KAT_CERT = x509.load_der_x509_certificate(base64.b64decode(TEST_CERT["signCert"]))
KAT_PASSWORD = TEST_CERT["signPw"].decode("ascii")
KAT_RANDOM_NUM = TEST_CERT["r"]


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return shared_key(0)


@pytest.fixture(scope="module")
def random_num() -> bytes:
    return new_random_num()


def _same_key(a: rsa.RSAPrivateKey, b: rsa.RSAPrivateKey) -> bool:
    return a.private_numbers() == b.private_numbers()


# --- known answers --------------------------------------------------------------------


def test_pypinksign_test_key_opens_with_its_published_password() -> None:
    opened = decrypt_private_key(KAT_KEY_FILE, KAT_PASSWORD)

    assert opened.scheme is KeyScheme.SEED_CBC_WITH_SHA1
    assert opened.iterations == 2048
    assert opened.random_num == KAT_RANDOM_NUM
    assert opened.private_key.private_numbers().p == TEST_CERT["p"]
    cert_key = KAT_CERT.public_key()
    assert isinstance(cert_key, rsa.RSAPublicKey)
    assert opened.private_key.public_key().public_numbers() == cert_key.public_numbers()


def test_pypinksign_test_key_refuses_a_wrong_password() -> None:
    with pytest.raises(WrongKeyPassword):
        decrypt_private_key(KAT_KEY_FILE, KAT_PASSWORD + "x")


def test_plaintext_is_byte_identical_to_pypinksigns_key_with_random_num() -> None:
    # PyPinkSign's test data holds the same key with and without the randomNum
    # attribute, as produced by real NPKI software: our structure must match it exactly.
    plain = serialization.load_der_private_key(base64.b64decode(TEST_CERT["plainSignPri"]), None)
    assert isinstance(plain, rsa.RSAPrivateKey)

    built = private_key_info(plain, KAT_RANDOM_NUM)

    assert built == base64.b64decode(TEST_CERT["plainSignPriFullB64"])


def test_file_written_by_pypinksign_opens(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    plaintext_b64 = base64.b64encode(private_key_info(key, random_num)).decode()
    written = base64.b64decode(encrypt_decrypted_prikey(plaintext_b64, PASSWORD.encode()))

    opened = decrypt_private_key(written, PASSWORD)

    assert opened.scheme is KeyScheme.SEED_CBC_WITH_SHA1
    assert _same_key(opened.private_key, key)
    assert opened.random_num == random_num


# --- round trips ------------------------------------------------------------------------


def test_pbes2_round_trip_keeps_key_and_random_num(
    key: rsa.RSAPrivateKey, random_num: bytes
) -> None:
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)

    opened = decrypt_private_key(data, PASSWORD)

    assert opened.scheme is KeyScheme.PBES2
    assert opened.iterations == FAST_ITERATIONS
    assert _same_key(opened.private_key, key)
    assert opened.random_num == random_num


@pytest.mark.parametrize(
    ("old_seed", "scheme"),
    [(False, KeyScheme.SEED_CBC_WITH_SHA1), (True, KeyScheme.OLD_SEED)],
)
def test_legacy_round_trip(
    key: rsa.RSAPrivateKey, random_num: bytes, old_seed: bool, scheme: KeyScheme
) -> None:
    data = legacy_key_file(private_key_info(key, random_num), PASSWORD, old_seed=old_seed)

    opened = decrypt_private_key(data, PASSWORD)

    assert opened.scheme is scheme
    assert opened.iterations == FAST_ITERATIONS
    assert _same_key(opened.private_key, key)
    assert opened.random_num == random_num


@pytest.mark.parametrize("old_seed", [False, True])
def test_legacy_forms_refuse_a_wrong_password(
    key: rsa.RSAPrivateKey, random_num: bytes, old_seed: bool
) -> None:
    data = legacy_key_file(private_key_info(key, random_num), PASSWORD, old_seed=old_seed)

    with pytest.raises(WrongKeyPassword):
        decrypt_private_key(data, PASSWORD.upper())


def test_pbes2_refuses_a_wrong_password_with_a_korean_message(
    key: rsa.RSAPrivateKey, random_num: bytes
) -> None:
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)

    with pytest.raises(WrongKeyPassword) as caught:
        decrypt_private_key(data, PASSWORD[:-1])

    assert "비밀번호가 올바르지 않습니다" in str(caught.value)


def test_odd_iteration_count_is_read_from_the_file(
    key: rsa.RSAPrivateKey, random_num: bytes
) -> None:
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=3001)

    opened = decrypt_private_key(data, PASSWORD)

    assert opened.iterations == 3001
    assert keyfile.read_key_file_parameters(data) == keyfile.KeyFileParameters(
        scheme=KeyScheme.PBES2, iterations=3001
    )


def test_non_ascii_password_is_nfc_normalized(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    decomposed = "\u1100\u1161\u1102\u1161Ab1!secret"  # 가나 as conjoining jamo (NFD)
    data = encrypt_private_key(key, decomposed, random_num, iterations=FAST_ITERATIONS)

    opened = decrypt_private_key(data, "가나Ab1!secret")

    assert _same_key(opened.private_key, key)


def test_each_file_gets_a_fresh_salt_and_iv(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    first = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)
    second = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)

    def salt_and_iv(data: bytes) -> tuple[bytes, bytes]:
        info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)
        params = info.encryption_algorithm.parameters.parse(asn1.Pbes2Params)
        iv = params.encryption_scheme.parameters.parse(bytes)
        return params.key_derivation_func.parameters.salt, iv

    (salt1, iv1), (salt2, iv2) = salt_and_iv(first), salt_and_iv(second)
    assert (len(salt1), len(iv1)) == (8, 16)
    assert salt1 != salt2
    assert iv1 != iv2


def test_written_pbes2_omits_prf_and_key_length(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)

    info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)
    params = info.encryption_algorithm.parameters.parse(asn1.Pbes2Params)

    assert params.key_derivation_func.algorithm == asn1.OID_PBKDF2
    assert params.key_derivation_func.parameters.prf is None
    assert params.key_derivation_func.parameters.key_length is None
    assert params.encryption_scheme.algorithm == asn1.OID_SEED_CBC


def test_decrypted_key_signs_and_the_public_key_verifies(
    key: rsa.RSAPrivateKey, random_num: bytes
) -> None:
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)
    opened = decrypt_private_key(data, PASSWORD)

    signature = opened.private_key.sign(b"login challenge", padding.PKCS1v15(), SHA256())

    key.public_key().verify(signature, b"login challenge", padding.PKCS1v15(), SHA256())


def test_random_num_stays_out_of_the_repr(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    opened = DecryptedKey(
        private_key=key, random_num=random_num, scheme=KeyScheme.PBES2, iterations=1
    )
    assert random_num.hex() not in repr(opened)
    assert repr(random_num) not in repr(opened)


# --- PBES2 parameters other software writes ---------------------------------------------


def test_pbes2_with_explicit_sha256_prf_and_key_length_16_opens(
    key: rsa.RSAPrivateKey, random_num: bytes
) -> None:
    data = pbes2_key_file(
        private_key_info(key, random_num),
        PASSWORD,
        prf=keyfile.OID_HMAC_SHA256,
        key_length=16,
    )

    assert _same_key(decrypt_private_key(data, PASSWORD).private_key, key)


def test_pbes2_with_explicit_sha1_prf_opens(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    data = pbes2_key_file(private_key_info(key, random_num), PASSWORD, prf=asn1.OID_HMAC_SHA1)

    assert decrypt_private_key(data, PASSWORD).random_num == random_num


def test_key_without_random_num_opens_with_none(key: rsa.RSAPrivateKey) -> None:
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    data = pbes2_key_file(pkcs8, PASSWORD)

    opened = decrypt_private_key(data, PASSWORD)

    assert opened.random_num is None
    assert _same_key(opened.private_key, key)


# --- failures ---------------------------------------------------------------------------


def test_aes_pkcs8_written_by_cryptography_is_unsupported(key: rsa.RSAPrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )

    with pytest.raises(UnsupportedKeyAlgorithm) as caught:
        decrypt_private_key(data, PASSWORD)

    assert "지원하지 않는" in str(caught.value)


def test_unknown_prf_is_unsupported(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    hmac_sha512 = x509.ObjectIdentifier("1.2.840.113549.2.11")
    data = pbes2_key_file(private_key_info(key, random_num), PASSWORD, prf=hmac_sha512)

    with pytest.raises(UnsupportedKeyAlgorithm):
        decrypt_private_key(data, PASSWORD)


def test_key_length_other_than_16_is_malformed(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    data = pbes2_key_file(private_key_info(key, random_num), PASSWORD, key_length=32)

    with pytest.raises(MalformedKeyFile):
        decrypt_private_key(data, PASSWORD)


def test_ec_key_inside_is_unsupported() -> None:
    ec_key = ec.generate_private_key(ec.SECP256R1())
    pkcs8 = ec_key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    data = pbes2_key_file(pkcs8, PASSWORD)

    with pytest.raises(UnsupportedKeyAlgorithm):
        decrypt_private_key(data, PASSWORD)


def _rebuilt_with_count(data: bytes, count: int) -> bytes:
    info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)
    params = info.encryption_algorithm.parameters.parse(asn1.SeedPbeParams)
    return legacy_envelope(asn1.OID_SEED_CBC_WITH_SHA1, params.salt, count, info.encrypted_data)


@pytest.mark.parametrize("count", [keyfile.MAX_ITERATIONS + 1, 2**63 - 1, 2**64, 2**200])
def test_absurd_iteration_count_is_refused_before_any_derivation(
    monkeypatch: pytest.MonkeyPatch, key: rsa.RSAPrivateKey, random_num: bytes, count: int
) -> None:
    if count < 2**63:
        # Rewrite only the count: deriving that many rounds to build the file is no option.
        valid = legacy_key_file(private_key_info(key, random_num), PASSWORD, iterations=1)
        hostile = _rebuilt_with_count(valid, count)
    else:
        hostile = huge_iteration_envelope(count)

    def no_derivation(*_args: object) -> bytes:
        raise AssertionError("derived a key before checking the iteration count")

    monkeypatch.setattr(keyfile_crypto, "pbkdf1_sha1", no_derivation)
    monkeypatch.setattr(keyfile_crypto, "pbkdf2", no_derivation)
    started = time.perf_counter()
    with pytest.raises(IterationCountTooHigh) as caught:
        decrypt_private_key(hostile, PASSWORD)

    assert time.perf_counter() - started < 1
    assert "10,000,000" in str(caught.value)


def test_pbes2_iteration_count_above_the_cap_is_refused(
    key: rsa.RSAPrivateKey, random_num: bytes
) -> None:
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)
    info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)
    params = info.encryption_algorithm.parameters.parse(asn1.Pbes2Params)
    kdf = params.key_derivation_func.parameters
    iv = params.encryption_scheme.parameters.parse(bytes)
    hostile = der.encode_der(
        asn1.Pbes2EncryptedPrivateKeyInfo(
            encryption_algorithm=asn1.Pbes2Algorithm(
                algorithm=asn1.OID_PBES2,
                parameters=asn1.Pbes2ParamsOut(
                    key_derivation_func=asn1.Pbkdf2Algorithm(
                        algorithm=asn1.OID_PBKDF2,
                        parameters=asn1.Pbkdf2Params(
                            salt=kdf.salt,
                            iteration_count=keyfile.MAX_ITERATIONS + 1,
                            key_length=None,
                            prf=None,
                        ),
                    ),
                    encryption_scheme=asn1.SeedCbcAlgorithm(algorithm=asn1.OID_SEED_CBC, iv=iv),
                ),
            ),
            encrypted_data=info.encrypted_data,
        )
    )

    with pytest.raises(IterationCountTooHigh):
        decrypt_private_key(hostile, PASSWORD)


@pytest.mark.parametrize("count", [0, -1])
def test_iteration_count_below_one_is_malformed(
    key: rsa.RSAPrivateKey, random_num: bytes, count: int
) -> None:
    valid = legacy_key_file(private_key_info(key, random_num), PASSWORD, iterations=1)

    with pytest.raises(MalformedKeyFile):
        decrypt_private_key(_rebuilt_with_count(valid, count), PASSWORD)


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00", b"not a key file", b"\x30\x00", b"\x30\x82\xff\xff" + b"\x00" * 10],
)
def test_garbage_is_malformed(data: bytes) -> None:
    with pytest.raises(MalformedKeyFile):
        decrypt_private_key(data, PASSWORD)


def test_truncated_file_is_malformed(key: rsa.RSAPrivateKey, random_num: bytes) -> None:
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=FAST_ITERATIONS)

    with pytest.raises(MalformedKeyFile):
        decrypt_private_key(data[:-5], PASSWORD)


def test_oversized_file_is_refused_unread() -> None:
    with pytest.raises(MalformedKeyFile):
        decrypt_private_key(b"\x30" + b"\x00" * keyfile.MAX_KEY_FILE_SIZE, PASSWORD)


def test_every_failure_is_a_key_file_error() -> None:
    for error in (WrongKeyPassword, MalformedKeyFile, IterationCountTooHigh):
        assert issubclass(error, KeyFileError)
    assert issubclass(UnsupportedKeyAlgorithm, KeyFileError)


@pytest.mark.parametrize(
    ("password", "random_len", "iterations"),
    [("", 20, 2048), (PASSWORD, 19, 2048), (PASSWORD, 20, 0), (PASSWORD, 20, 10_000_001)],
)
def test_encrypt_rejects_bad_arguments(
    key: rsa.RSAPrivateKey, password: str, random_len: int, iterations: int
) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        encrypt_private_key(key, password, b"\x01" * random_len, iterations=iterations)
