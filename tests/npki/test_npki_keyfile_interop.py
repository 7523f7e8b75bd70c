"""Key files mgcert writes open in the NPKI tools people already use.

PyPinkSign (the Python NPKI library) and OpenSSL 3 with the legacy provider (SEED).
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
from npki_testkit import FAST_ITERATIONS, PASSWORD, certificate_for, shared_key
from pypinksign import PinkSign

from mgcert.npki.keyfile import decrypt_private_key, encrypt_private_key, new_random_num

PASSWORDS = [PASSWORD, "한글비밀번호Ab1!"]  # UTF-8 must mean the same bytes everywhere
PASSWORD_ENV = "MGCERT_TEST_KEY_PASSWORD"
PROVIDERS = ["-provider", "legacy", "-provider", "default"]  # SEED lives in "legacy"


def _openssl_pkcs8(args: list[str], password: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``openssl pkcs8`` with the SEED-capable providers; password via the env."""
    openssl = shutil.which("openssl")
    assert openssl is not None, "openssl is required (.ci/run installs it)"
    return subprocess.run(
        [openssl, "pkcs8", "-inform", "DER", "-outform", "DER", *args, *PROVIDERS],
        env={**os.environ, PASSWORD_ENV: password},
        capture_output=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return shared_key(1)


@pytest.mark.parametrize("password", PASSWORDS)
def test_pypinksign_opens_our_key_file(key: rsa.RSAPrivateKey, password: str) -> None:
    random_num = new_random_num()
    data = encrypt_private_key(key, password, random_num, iterations=FAST_ITERATIONS)
    cert = certificate_for(key)

    signer = PinkSign(pubkey_data=cert.public_bytes(serialization.Encoding.DER))
    signer.load_prikey(prikey_data=data, prikey_password=password.encode("utf-8"))

    assert signer.prikey.private_numbers() == key.private_numbers()
    # PyPinkSign keeps the randomNum (as a pyasn1 BIT STRING) in a private attribute.
    assert bytes(signer._rand_num.asOctets()) == random_num
    # Its signature verifies with the certificate's public key, as a bank would check.
    signature = signer.sign(b"login challenge")
    cert_key = cert.public_key()
    assert isinstance(cert_key, rsa.RSAPublicKey)
    cert_key.verify(signature, b"login challenge", padding.PKCS1v15(), SHA256())


def test_pypinksign_refuses_a_wrong_password(key: rsa.RSAPrivateKey) -> None:
    data = encrypt_private_key(key, PASSWORD, new_random_num(), iterations=FAST_ITERATIONS)
    signer = PinkSign(pubkey_data=certificate_for(key).public_bytes(serialization.Encoding.DER))

    with pytest.raises(ValueError, match=r"."):
        signer.load_prikey(prikey_data=data, prikey_password=b"not the password")


@pytest.mark.parametrize("password", PASSWORDS)
def test_openssl_opens_our_key_file(key: rsa.RSAPrivateKey, password: str, tmp_path: Path) -> None:
    key_file = tmp_path / "signPri.key"
    key_file.write_bytes(
        encrypt_private_key(key, password, new_random_num(), iterations=FAST_ITERATIONS)
    )

    result = _openssl_pkcs8(["-in", str(key_file), "-passin", f"env:{PASSWORD_ENV}"], password)

    assert result.returncode == 0, result.stderr.decode(errors="replace")
    opened = serialization.load_der_private_key(result.stdout, None)
    assert isinstance(opened, rsa.RSAPrivateKey)
    assert opened.private_numbers() == key.private_numbers()


def test_openssl_refuses_a_wrong_password(key: rsa.RSAPrivateKey, tmp_path: Path) -> None:
    key_file = tmp_path / "signPri.key"
    key_file.write_bytes(
        encrypt_private_key(key, PASSWORD, new_random_num(), iterations=FAST_ITERATIONS)
    )

    result = _openssl_pkcs8(
        ["-in", str(key_file), "-passin", f"env:{PASSWORD_ENV}"], "wrong password"
    )

    assert result.returncode != 0


def test_key_re_encrypted_by_openssl_with_its_defaults_still_opens(
    key: rsa.RSAPrivateKey, tmp_path: Path
) -> None:
    # A user who re-encrypts a key with openssl gets PBES2 + HMAC-SHA256 + SEED: we read it.
    plain = tmp_path / "plain.der"
    plain.write_bytes(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    args = ["-topk8", "-in", str(plain), "-v2", "seed-cbc", "-iter", str(FAST_ITERATIONS)]

    result = _openssl_pkcs8([*args, "-passout", f"env:{PASSWORD_ENV}"], PASSWORD)

    assert result.returncode == 0, result.stderr.decode(errors="replace")

    opened = decrypt_private_key(result.stdout, PASSWORD)

    assert opened.private_key.private_numbers() == key.private_numbers()
    assert opened.random_num is None
