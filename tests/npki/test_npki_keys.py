"""Key pair and CSR: RSA-2048, e = 65537, PKCS #10 signed with SHA-256."""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from npki_testkit import shared_key

from mgcert.npki.keys import generate_key_pair, make_csr


def test_key_pair_is_rsa_2048_with_e_65537() -> None:
    key = generate_key_pair()

    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.key_size == 2048
    assert key.public_key().public_numbers().e == 65537


def test_csr_is_der_signed_with_sha256_by_the_key() -> None:
    key = shared_key(0)

    csr = x509.load_der_x509_csr(make_csr(key))

    assert csr.is_signature_valid
    assert isinstance(csr.signature_hash_algorithm, hashes.SHA256)
    assert csr.public_key() == key.public_key()
    assert list(csr.subject) == []  # the CA writes the subject, not the client


def test_two_key_pairs_differ() -> None:
    assert generate_key_pair().private_numbers() != shared_key(0).private_numbers()
