"""Which tools open each signPri.key form mgcert writes (facts for NPKI.md, checked here).

- PyPinkSign 0.5 opens all three: PBES2, seedCBCWithSHA1 and the old top-level SEED
  form (its ``load_prikey`` has a branch for each OID), with or without randomNum.
- OpenSSL 3 ``pkcs8 -provider legacy -provider default`` opens PBES2 only; both PBKDF1
  forms stop with "unknown pbe algorithm" (it has no PBE for those OIDs) and exit 1.

The password reaches openssl through the environment, never argv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.hashes import SHA256
from npki_testkit import PASSWORD, certificate_for, shared_key
from pypinksign import PinkSign

from mgcert.npki.keyfile import KeyScheme, encrypt_private_key, new_random_num

PASSWORD_ENV = "MGCERT_TEST_KEY_PASSWORD"
PROVIDERS = ["-provider", "legacy", "-provider", "default"]  # SEED lives in "legacy"
ALL_FORMS = list(KeyScheme)
PBKDF1_FORMS = [KeyScheme.SEED_CBC_WITH_SHA1, KeyScheme.OLD_SEED]


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return shared_key(3)


def _pinksign(key: rsa.RSAPrivateKey) -> PinkSign:
    cert = certificate_for(key)
    return PinkSign(pubkey_data=cert.public_bytes(serialization.Encoding.DER))


def _openssl_pkcs8(key_file: Path, password: str) -> subprocess.CompletedProcess[bytes]:
    openssl = shutil.which("openssl")
    assert openssl is not None, "openssl is required (.ci/run installs it)"
    return subprocess.run(
        [
            openssl,
            "pkcs8",
            "-inform",
            "DER",
            "-outform",
            "DER",
            "-in",
            str(key_file),
            "-passin",
            f"env:{PASSWORD_ENV}",
            *PROVIDERS,
        ],
        env={**os.environ, PASSWORD_ENV: password},
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("iterations", [1024, 2048])
@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_pypinksign_opens_each_form_and_finds_the_random_num(
    key: rsa.RSAPrivateKey, scheme: KeyScheme, iterations: int
) -> None:
    random_num = new_random_num()
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=iterations, scheme=scheme)
    signer = _pinksign(key)

    signer.load_prikey(prikey_data=data, prikey_password=PASSWORD.encode("utf-8"))

    assert signer.prikey.private_numbers() == key.private_numbers()
    assert bytes(signer._rand_num.asOctets()) == random_num
    signature = signer.sign(b"login challenge")
    public = certificate_for(key).public_key()
    assert isinstance(public, rsa.RSAPublicKey)
    public.verify(signature, b"login challenge", padding.PKCS1v15(), SHA256())


@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_pypinksign_opens_each_form_without_random_num(
    key: rsa.RSAPrivateKey, scheme: KeyScheme
) -> None:
    data = encrypt_private_key(key, PASSWORD, None, iterations=2048, scheme=scheme)
    signer = _pinksign(key)

    signer.load_prikey(prikey_data=data, prikey_password=PASSWORD.encode("utf-8"))

    assert signer.prikey.private_numbers() == key.private_numbers()
    # PyPinkSign only sets _rand_num when the attribute is there (its rand_num stays None).
    assert getattr(signer, "_rand_num", None) is None


@pytest.mark.parametrize("scheme", ALL_FORMS, ids=lambda s: s.cli_name)
def test_pypinksign_refuses_each_form_with_a_wrong_password(
    key: rsa.RSAPrivateKey, scheme: KeyScheme
) -> None:
    data = encrypt_private_key(key, PASSWORD, new_random_num(), iterations=2048, scheme=scheme)

    with pytest.raises(ValueError, match=r"."):
        _pinksign(key).load_prikey(prikey_data=data, prikey_password=b"not the password")


@pytest.mark.slow
def test_pypinksign_opens_pbes2_at_1_300_000(key: rsa.RSAPrivateKey) -> None:
    random_num = new_random_num()
    data = encrypt_private_key(key, PASSWORD, random_num, iterations=1_300_000)
    signer = _pinksign(key)

    signer.load_prikey(prikey_data=data, prikey_password=PASSWORD.encode("utf-8"))

    assert signer.prikey.private_numbers() == key.private_numbers()
    assert bytes(signer._rand_num.asOctets()) == random_num


@pytest.mark.parametrize("iterations", [1, 2048])
def test_openssl_opens_pbes2(key: rsa.RSAPrivateKey, tmp_path: Path, iterations: int) -> None:
    key_file = tmp_path / "signPri.key"
    key_file.write_bytes(
        encrypt_private_key(key, PASSWORD, new_random_num(), iterations=iterations)
    )

    result = _openssl_pkcs8(key_file, PASSWORD)

    assert result.returncode == 0, result.stderr.decode(errors="replace")
    opened = serialization.load_der_private_key(result.stdout, None)
    assert isinstance(opened, rsa.RSAPrivateKey)
    assert opened.private_numbers() == key.private_numbers()


@pytest.mark.parametrize("scheme", PBKDF1_FORMS, ids=lambda s: s.cli_name)
def test_openssl_does_not_know_the_pbkdf1_forms(
    key: rsa.RSAPrivateKey, tmp_path: Path, scheme: KeyScheme
) -> None:
    key_file = tmp_path / "signPri.key"
    key_file.write_bytes(
        encrypt_private_key(key, PASSWORD, new_random_num(), iterations=2048, scheme=scheme)
    )

    result = _openssl_pkcs8(key_file, PASSWORD)

    # Not a password problem: it has no PBE algorithm for these OIDs, even with legacy.
    assert result.returncode == 1
    assert result.stdout == b""
    assert b"unknown pbe algorithm" in result.stderr
