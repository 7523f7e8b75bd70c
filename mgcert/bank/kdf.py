"""scrypt for account passwords and 금융인증서 PINs.

Each stored hash records its own cost, so a bank opened with a cheaper cost (tests)
still verifies rows written with the default and vice versa. The cost read back from
the database is bounded, so a tampered row cannot make verification take minutes.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

SALT_BYTES = 16
KEY_BYTES = 32
_MAX_N = 2**20
_MAX_R = 16
_MAX_P = 4


@dataclass(frozen=True)
class ScryptCost:
    """scrypt parameters; ``DEFAULT_SCRYPT`` is what users get."""

    n: int
    r: int
    p: int

    def __post_init__(self) -> None:
        if not (2 <= self.n <= _MAX_N and self.n & (self.n - 1) == 0):
            raise ValueError("scrypt n must be a power of two within bounds")
        if not (1 <= self.r <= _MAX_R and 1 <= self.p <= _MAX_P):
            raise ValueError("scrypt r/p out of bounds")

    def encode(self) -> str:
        """``scrypt:<n>:<r>:<p>``, stored beside each hash."""
        return f"scrypt:{self.n}:{self.r}:{self.p}"

    @classmethod
    def decode(cls, text: str) -> ScryptCost:
        """Parse :meth:`encode` output; bounds are checked (ValueError)."""
        name, n, r, p = text.split(":")
        if name != "scrypt":
            raise ValueError("not a scrypt cost")
        return cls(int(n), int(r), int(p))


DEFAULT_SCRYPT = ScryptCost(n=2**14, r=8, p=1)


def derive(secret: str, salt: bytes, cost: ScryptCost) -> bytes:
    """A 32-byte key from a short secret (4-digit password, 6-digit PIN)."""
    return hashlib.scrypt(
        secret.encode("utf-8"),
        salt=salt,
        n=cost.n,
        r=cost.r,
        p=cost.p,
        # 128·r·n bytes plus slack; the default (16 MiB) is OpenSSL's 32 MiB cap anyway.
        maxmem=256 * cost.r * cost.n + 1024 * 1024,
        dklen=KEY_BYTES,
    )


def new_salt() -> bytes:
    """A fresh random salt for one stored hash or key."""
    return secrets.token_bytes(SALT_BYTES)
