"""What users get: the default KDF cost, and encryption that leaves the UI thread alive."""

from __future__ import annotations

import threading
import time

import pytest
from cryptography.hazmat import asn1 as der
from npki_testkit import PASSWORD, shared_key

from mgcert.npki import asn1, keyfile
from mgcert.npki.keyfile import decrypt_private_key, encrypt_private_key, new_random_num


@pytest.mark.slow
def test_encrypt_uses_the_default_iteration_count_of_1_300_000() -> None:
    assert keyfile.DEFAULT_ITERATIONS == 1_300_000
    key = shared_key(0)

    data = encrypt_private_key(key, PASSWORD, new_random_num())  # no iterations argument

    # Read the count back with the declared structures, independently of our reader.
    info = der.decode_der(asn1.EncryptedPrivateKeyInfo, data)
    params = info.encryption_algorithm.parameters.parse(asn1.Pbes2Params)
    assert params.key_derivation_func.parameters.iteration_count == 1_300_000
    opened = decrypt_private_key(data, PASSWORD)
    assert opened.iterations == 1_300_000
    assert opened.private_key.private_numbers() == key.private_numbers()


def test_key_derivation_lets_other_threads_run() -> None:
    # The TUI encrypts in a worker thread; a KDF that held the GIL would freeze the
    # screen (spinner, clock) for the whole derivation.
    key = shared_key(0)
    done = threading.Event()

    def encrypt() -> None:
        encrypt_private_key(key, PASSWORD, new_random_num(), iterations=400_000)
        done.set()

    worker = threading.Thread(target=encrypt)
    worker.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()

    # A derivation of this size takes well over 50 ms; with the GIL held the loop above
    # gets one or two turns, with the GIL released it gets dozens.
    assert ticks >= 10
