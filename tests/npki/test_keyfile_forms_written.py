"""Every signPri.key form written, at any count, and read back; the names users type.

The structure of each written file is checked with the declared ASN.1 classes, and the
two PBKDF1 forms are also decrypted by hand (PyPinkSign's own PBKDF1 + SEED), so a
writer and reader that agreed on a wrong IV or OID would still fail here.
"""

from __future__ import annotations

import hashlib
import time

import pytest
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.primitives.asymmetric import rsa
from npki_testkit import OLD_SEED_IV, PASSWORD, shared_key
from pypinksign.pypinksign import pbkdf1, seed_cbc_128_decrypt

from mgcert.npki import asn1
from mgcert.npki.keyfile import (
    DEFAULT_ITERATIONS,
    FIXTURE_ITERATIONS,
    KEY_FORM_NAMES,
    MAX_ITERATIONS,
    InvalidKeyProtection,
    IterationCountOutOfRange,
    KeyProtection,
    KeyScheme,
    UnknownKeyForm,
    WrongKeyPassword,
    decrypt_private_key,
    encrypt_private_key,
    encrypt_with,
    new_random_num,
    parse_iterations,
    private_key_info,
    read_key_file_parameters,
)
from mgcert.npki.vid import RANDOM_NUM_LENGTH

ALL_FORMS = list(KeyScheme)
PBKDF1_FORMS = [KeyScheme.SEED_CBC_WITH_SHA1, KeyScheme.OLD_SEED]
TOP_LEVEL_OIDS = {
    KeyScheme.PBES2: "1.2.840.113549.1.5.13",
    KeyScheme.SEED_CBC_WITH_SHA1: "1.2.410.200004.1.15",
    KeyScheme.OLD_SEED: "1.2.410.200004.1.4",
}


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return shared_key(2)


def _same_key(a: rsa.RSAPrivateKey, b: rsa.RSAPrivateKey) -> bool:
    return a.private_numbers() == b.private_numbers()


# --- round trips ------------------------------------------------------------------------


@pytest.mark.parametrize("iterations", [1, 1024, 2048])
@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_each_form_round_trips_at_each_count(
    key: rsa.RSAPrivateKey, scheme: KeyScheme, iterations: int
) -> None:
    random_num = new_random_num()

    data = encrypt_private_key(key, PASSWORD, random_num, iterations=iterations, scheme=scheme)
    opened = decrypt_private_key(data, PASSWORD)

    assert opened.scheme is scheme
    assert opened.iterations == iterations
    assert _same_key(opened.private_key, key)
    assert opened.random_num == random_num
    params = read_key_file_parameters(data)
    assert (params.scheme, params.iterations) == (scheme, iterations)


@pytest.mark.slow
def test_pbes2_round_trips_at_1_300_000(key: rsa.RSAPrivateKey) -> None:
    random_num = new_random_num()

    data = encrypt_private_key(key, PASSWORD, random_num, iterations=1_300_000)
    opened = decrypt_private_key(data, PASSWORD)

    assert (opened.scheme, opened.iterations) == (KeyScheme.PBES2, 1_300_000)
    assert opened.random_num == random_num
    assert _same_key(opened.private_key, key)


@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_each_form_refuses_a_wrong_password(key: rsa.RSAPrivateKey, scheme: KeyScheme) -> None:
    data = encrypt_private_key(key, PASSWORD, new_random_num(), iterations=64, scheme=scheme)

    with pytest.raises(WrongKeyPassword):
        decrypt_private_key(data, PASSWORD + "x")


@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_encrypt_with_a_protection_writes_its_form_and_count(
    key: rsa.RSAPrivateKey, scheme: KeyScheme
) -> None:
    data = encrypt_with(key, PASSWORD, new_random_num(), KeyProtection(scheme, 777))

    assert read_key_file_parameters(data).protection == KeyProtection(scheme, 777)


def test_default_form_is_pbes2(key: rsa.RSAPrivateKey) -> None:
    data = encrypt_private_key(key, PASSWORD, new_random_num(), iterations=16)

    assert read_key_file_parameters(data).scheme is KeyScheme.PBES2


# --- the bytes on disk, checked without our reader ---------------------------------------


@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_top_level_oid_is_the_forms_own(key: rsa.RSAPrivateKey, scheme: KeyScheme) -> None:
    data = encrypt_private_key(key, PASSWORD, new_random_num(), iterations=16, scheme=scheme)

    info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)

    assert info.encryption_algorithm.algorithm.dotted_string == TOP_LEVEL_OIDS[scheme]


@pytest.mark.parametrize("scheme", PBKDF1_FORMS, ids=lambda s: s.cli_name)
def test_pbkdf1_forms_carry_an_8_byte_salt_and_the_count(
    key: rsa.RSAPrivateKey, scheme: KeyScheme
) -> None:
    data = encrypt_private_key(key, PASSWORD, new_random_num(), iterations=1024, scheme=scheme)

    info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)
    params = info.encryption_algorithm.parameters.parse(asn1.SeedPbeParams)

    assert len(params.salt) == 8
    assert params.iteration_count == 1024


@pytest.mark.parametrize(
    ("scheme", "derived_iv"),
    [(KeyScheme.SEED_CBC_WITH_SHA1, True), (KeyScheme.OLD_SEED, False)],
    ids=["seedcbc-sha1", "seed-cbc"],
)
def test_pbkdf1_forms_decrypt_by_hand_with_their_iv_and_not_the_other(
    key: rsa.RSAPrivateKey, scheme: KeyScheme, derived_iv: bool
) -> None:
    random_num = new_random_num()
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=1024, scheme=scheme)
    info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)
    params = info.encryption_algorithm.parameters.parse(asn1.SeedPbeParams)
    material = pbkdf1(PASSWORD.encode(), params.salt, params.iteration_count, 20)
    sha1_iv = hashlib.sha1(material[16:20]).digest()[:16]  # noqa: S324 (the format)
    right, wrong = (sha1_iv, OLD_SEED_IV) if derived_iv else (OLD_SEED_IV, sha1_iv)

    plain = seed_cbc_128_decrypt(material[:16], info.encrypted_data, right)

    assert plain == private_key_info(key, random_num)
    # CBC with the other IV garbles the first block: the IV really is the form's own.
    other = seed_cbc_128_decrypt(material[:16], info.encrypted_data, wrong)
    assert other[:16] != plain[:16]
    assert other[16:] == plain[16:]


@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_every_file_gets_a_fresh_salt(key: rsa.RSAPrivateKey, scheme: KeyScheme) -> None:
    random_num = new_random_num()
    first = encrypt_private_key(key, PASSWORD, random_num, iterations=16, scheme=scheme)
    second = encrypt_private_key(key, PASSWORD, random_num, iterations=16, scheme=scheme)

    assert first != second


# --- without randomNum (a gallery case) --------------------------------------------------


def test_private_key_info_without_random_num_has_no_attributes(key: rsa.RSAPrivateKey) -> None:
    info = der.decode_der(asn1.PrivateKeyInfo, private_key_info(key, None))

    assert info.attributes is None
    with_it = der.decode_der(asn1.PrivateKeyInfo, private_key_info(key, new_random_num()))
    assert with_it.attributes is not None


@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_each_form_can_be_written_without_random_num(
    key: rsa.RSAPrivateKey, scheme: KeyScheme
) -> None:
    data = encrypt_private_key(key, PASSWORD, None, iterations=16, scheme=scheme)

    opened = decrypt_private_key(data, PASSWORD)

    assert opened.random_num is None
    assert _same_key(opened.private_key, key)


# --- bad arguments -----------------------------------------------------------------------


@pytest.mark.parametrize("iterations", [0, -1, MAX_ITERATIONS + 1])
@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_a_count_out_of_range_is_refused_in_every_form(
    key: rsa.RSAPrivateKey, scheme: KeyScheme, iterations: int
) -> None:
    with pytest.raises(IterationCountOutOfRange, match="반복 횟수"):
        encrypt_private_key(key, PASSWORD, None, iterations=iterations, scheme=scheme)


def test_a_count_out_of_range_is_a_value_error(key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(ValueError, match="10,000,000"):
        encrypt_private_key(key, PASSWORD, None, iterations=0)


@pytest.mark.parametrize("iterations", [True, 2048.0, "2048"])
def test_a_count_that_is_not_an_int_is_a_type_error(
    key: rsa.RSAPrivateKey, iterations: object
) -> None:
    with pytest.raises(TypeError):
        encrypt_private_key(key, PASSWORD, None, iterations=iterations)  # type: ignore[arg-type]


def test_a_scheme_that_is_not_a_key_scheme_is_a_type_error(key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(TypeError):
        encrypt_private_key(key, PASSWORD, None, iterations=16, scheme="pbes2")  # type: ignore[arg-type]


def test_random_num_of_the_wrong_length_is_refused(key: rsa.RSAPrivateKey) -> None:
    with pytest.raises(ValueError, match=str(RANDOM_NUM_LENGTH)):
        encrypt_private_key(key, PASSWORD, b"\x01" * 19, iterations=16)


# --- names and the protection value --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "scheme"),
    [
        ("pbes2", KeyScheme.PBES2),
        ("seedcbc-sha1", KeyScheme.SEED_CBC_WITH_SHA1),
        ("seed-cbc", KeyScheme.OLD_SEED),
        ("  SEEDCBC-SHA1 ", KeyScheme.SEED_CBC_WITH_SHA1),
    ],
)
def test_user_facing_names_choose_the_form(text: str, scheme: KeyScheme) -> None:
    assert KeyScheme.from_cli(text) is scheme


def test_cli_names_are_issue_16s_and_round_trip() -> None:
    assert KEY_FORM_NAMES == ("pbes2", "seedcbc-sha1", "seed-cbc")
    for scheme in KeyScheme:
        assert KeyScheme.from_cli(scheme.cli_name) is scheme


@pytest.mark.parametrize("text", ["", "seed", "seedCBCWithSHA1", "aes", "pbes 2", "PBES-2"])
def test_other_names_are_refused_in_korean_with_the_choices(text: str) -> None:
    with pytest.raises(UnknownKeyForm) as caught:
        KeyScheme.from_cli(text)
    assert "개인키 형식" in str(caught.value)
    assert "pbes2, seedcbc-sha1, seed-cbc" in str(caught.value)
    assert isinstance(caught.value, InvalidKeyProtection)
    assert isinstance(caught.value, ValueError)


def test_a_hostile_name_is_echoed_short_and_on_one_line() -> None:
    with pytest.raises(UnknownKeyForm) as caught:
        KeyScheme.from_cli("x\n" * 500)
    message = str(caught.value)
    assert "\n" not in message
    assert len(message) < 200


@pytest.mark.parametrize(("text", "count"), [("1", 1), (" 2048 ", 2048), ("10000000", 10**7)])
def test_typed_counts_are_read(text: str, count: int) -> None:
    assert parse_iterations(text) == count


@pytest.mark.parametrize(
    "text",
    ["", " ", "0", "-1", "+5", "10000001", "2e3", "1_000", "1,000", "abc", "٣", "9" * 5000],
)
def test_typed_counts_that_are_not_1_to_10_million_are_refused(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(IterationCountOutOfRange) as caught:
        parse_iterations(text)
    assert "1 이상 10,000,000 이하" in str(caught.value)
    assert time.perf_counter() - started < 0.1


def test_protection_defaults_are_the_tuis_and_the_fixtures_real_count() -> None:
    assert KeyProtection() == KeyProtection(KeyScheme.PBES2, DEFAULT_ITERATIONS)
    assert DEFAULT_ITERATIONS == 1_300_000
    assert FIXTURE_ITERATIONS == 2048
    assert KeyProtection.fixture(KeyScheme.OLD_SEED) == KeyProtection(KeyScheme.OLD_SEED, 2048)


def test_protection_is_checked_when_made() -> None:
    with pytest.raises(IterationCountOutOfRange):
        KeyProtection(iterations=0)
    with pytest.raises(TypeError):
        KeyProtection("pbes2", 2048)  # type: ignore[arg-type]


def test_protection_changes_only_the_fields_given() -> None:
    base = KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024)

    assert base.with_changes() == base
    assert base.with_changes(iterations=4096) == KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 4096)
    assert base.with_changes(scheme=KeyScheme.PBES2) == KeyProtection(KeyScheme.PBES2, 1024)


def test_protection_says_its_form_by_the_cli_name_and_in_korean() -> None:
    protection = KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 2048)

    assert protection.to_json() == {"key_form": "seedcbc-sha1", "iterations": 2048}
    assert protection.label == "seedCBCWithSHA1 (PBKDF1-SHA1, SEED-CBC), 반복 2,048회"
