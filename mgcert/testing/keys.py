"""Key pairs for fixtures: fresh ones (realistic), or a few reused (fast).

RSA-2048 generation is most of a fixture's cost (~50–150 ms, varying a lot between
draws). Suites that only need *a* valid certificate per test can reuse key pairs:
then a fixture costs one CA signature, one KDF and two small files. The reused keys
are per process and never written anywhere but the fixtures' own key files.
"""

from __future__ import annotations

import threading

from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.npki.keys import generate_key_pair, make_csr

# Two: a certificate with a KM pair needs a second, different key.
_POOL_SIZE = 2
_pool: list[rsa.RSAPrivateKey] = []
_pool_lock = threading.Lock()


def reused_key(index: int) -> rsa.RSAPrivateKey:
    """One of this process's reused key pairs (``index`` 0 or 1), made on first use."""
    if not 0 <= index < _POOL_SIZE:
        raise ValueError(f"index must be below {_POOL_SIZE}")
    with _pool_lock:
        while len(_pool) <= index:
            _pool.append(generate_key_pair())
        return _pool[index]


class KeySource:
    """Where a CA's fixtures get their key pairs from (and their CSRs: a reused key's
    request is signed once, not once per certificate)."""

    def __init__(self, *, reuse: bool) -> None:
        self.reuse = reuse
        self._requests: dict[int, bytes] = {}

    def request(self, key: rsa.RSAPrivateKey) -> bytes:
        """The DER PKCS #10 request for ``key``."""
        if not self.reuse:
            return make_csr(key)
        cached = self._requests.get(id(key))
        if cached is None:
            cached = self._requests[id(key)] = make_csr(key)
        return cached

    def sign_key(self) -> rsa.RSAPrivateKey:
        return reused_key(0) if self.reuse else generate_key_pair()

    def km_key(self) -> rsa.RSAPrivateKey:
        return reused_key(1) if self.reuse else generate_key_pair()
