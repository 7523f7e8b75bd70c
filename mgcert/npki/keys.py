"""The holder's key pair and the certificate request the bank sends to the CA (NPKI.md).

The private key never leaves the holder's side: the CA gets only the CSR, which proves
possession of the key by its signature.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

KEY_SIZE = 2048
PUBLIC_EXPONENT = 65537


def generate_key_pair() -> rsa.RSAPrivateKey:
    """A fresh RSA-2048 key with e = 65537, the NPKI personal-certificate profile."""
    return rsa.generate_private_key(public_exponent=PUBLIC_EXPONENT, key_size=KEY_SIZE)


def make_csr(key: rsa.RSAPrivateKey) -> bytes:
    """A DER PKCS #10 request for ``key``, signed with SHA-256.

    The subject is left empty on purpose: the CA writes the subject DN from the bank's
    issue request (CN, O, OU), not from anything the client claims.
    """
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([]))
        .sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.DER)
