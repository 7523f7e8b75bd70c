"""Whatever a signPri.key contains, opening it ends in a key or in a KeyFileError.

Thousands of mutated, truncated, extended and random files, with the right and a wrong
password, plus valid envelopes around garbage plaintext (which reach the PKCS #8 and
RSA parsers). Files use a low iteration count, and MAX_ITERATIONS is lowered for this
module, so a mutated count cannot make one example take seconds. The key is 1024-bit:
the parsers are the same, and OpenSSL's consistency check of a damaged 2048-bit key
(primality tests) would cost 50 ms per example.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from npki_testkit import PASSWORD, legacy_key_file, pbes2_key_file

from mgcert.npki import keyfile
from mgcert.npki.keyfile import (
    DecryptedKey,
    KeyFileError,
    decrypt_private_key,
    encrypt_private_key,
    private_key_info,
)

FUZZ_ITERATIONS = 16
FUZZ_MAX_ITERATIONS = 50_000
RANDOM_NUM = bytes(range(20))
KEY = rsa.generate_private_key(public_exponent=65537, key_size=1024)  # noqa: S505 (speed)
PLAINTEXT = private_key_info(KEY, RANDOM_NUM)
VALID_FILES = [
    encrypt_private_key(KEY, PASSWORD, RANDOM_NUM, iterations=FUZZ_ITERATIONS),
    legacy_key_file(PLAINTEXT, PASSWORD, iterations=FUZZ_ITERATIONS),
    legacy_key_file(PLAINTEXT, PASSWORD, old_seed=True, iterations=FUZZ_ITERATIONS),
]
# 2,600 files in all, about 7 s on one idle core.
FUZZ_SETTINGS = settings(
    max_examples=800,
    deadline=None,  # one example derives a key; timing varies with machine load
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.fixture(scope="module", autouse=True)
def _low_iteration_cap() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(keyfile, "MAX_ITERATIONS", FUZZ_MAX_ITERATIONS)
        yield


def _open(data: bytes, password: str) -> None:
    try:
        result = decrypt_private_key(data, password)
    except KeyFileError:
        return
    # A mutation that still decrypts (e.g. in the last bytes of a bigger length) is fine.
    assert isinstance(result, DecryptedKey)


@st.composite
def mutated_files(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID_FILES)))
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "set", "truncate", "insert", "delete"]))
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        if action == "flip" and data:
            data[position] ^= 1 << draw(st.integers(0, 7))
        elif action == "set" and data:
            data[position] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[position:]
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[position : position + draw(st.integers(1, 8))]
    return bytes(data)


# Mutations near the start hit the envelope (OIDs, lengths, salt, count); spread ones
# hit the ciphertext. Both matter, so sample positions across the whole file.
@FUZZ_SETTINGS
@given(data=mutated_files(), right_password=st.booleans())
def test_mutated_key_files_raise_only_key_file_errors(data: bytes, right_password: bool) -> None:
    _open(data, PASSWORD if right_password else "Wrong-pass-1!")


@settings(max_examples=500, deadline=None)
@given(data=st.binary(max_size=2048))
def test_random_bytes_raise_only_key_file_errors(data: bytes) -> None:
    _open(data, PASSWORD)


@settings(max_examples=500, deadline=None)
@given(body=st.binary(max_size=300), length=st.integers(0, 0xFFFF))
def test_der_looking_garbage_raises_only_key_file_errors(body: bytes, length: int) -> None:
    header = b"\x30\x82" + length.to_bytes(2, "big")
    _open(header + body, PASSWORD)


@FUZZ_SETTINGS
@given(
    plaintext=st.one_of(
        st.binary(max_size=400),
        st.builds(
            lambda cut, flip: (
                PLAINTEXT[:cut] + bytes([PLAINTEXT[cut] ^ flip]) + PLAINTEXT[cut + 1 :]
            ),
            st.integers(0, len(PLAINTEXT) - 1),
            st.integers(1, 255),
        ),
        st.integers(0, len(PLAINTEXT)).map(lambda cut: PLAINTEXT[:cut]),
    )
)
def test_garbage_plaintext_under_the_right_password_raises_only_key_file_errors(
    plaintext: bytes,
) -> None:
    # Right password, valid padding: the plaintext parsers see arbitrary input.
    _open(pbes2_key_file(plaintext, PASSWORD, iterations=FUZZ_ITERATIONS), PASSWORD)
