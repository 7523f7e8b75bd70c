"""A randomNum that is not 160 bits is a damaged key file, reported when the file is
opened — never a traceback later, when a password change could not write it back."""

from __future__ import annotations

import secrets

import pytest

from mgcert.npki import keyfile_write
from mgcert.npki.keyfile import MalformedKeyFile, decrypt_private_key, encrypt_private_key
from mgcert.npki.keys import generate_key_pair

PASSWORD = "Passw0rd!xy"


@pytest.mark.parametrize("length", [1, 19, 21, 32])
def test_an_odd_length_random_num_is_a_damaged_file(
    monkeypatch: pytest.MonkeyPatch, length: int
) -> None:
    key = generate_key_pair()
    with monkeypatch.context() as patch:  # let the writer make what no writer should
        patch.setattr(keyfile_write, "RANDOM_NUM_LENGTH", length)
        data = encrypt_private_key(key, PASSWORD, secrets.token_bytes(length), iterations=16)
    with pytest.raises(MalformedKeyFile):
        decrypt_private_key(data, PASSWORD)


def test_a_160_bit_random_num_reads_back() -> None:
    random_num = secrets.token_bytes(20)
    data = encrypt_private_key(generate_key_pair(), PASSWORD, random_num, iterations=16)
    assert decrypt_private_key(data, PASSWORD).random_num == random_num
