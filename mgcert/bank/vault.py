"""Secrets at rest: the server secret file and the keys the bank derives from it.

``bank.db`` alone must yield nothing secret. The bank keeps one 32-byte random secret
in a 0600 file beside the database (``bank-secret.key``, made with the database) and
derives from it, with HKDF-SHA256 and one label each:

- a **field key** (AES-256-GCM) for values the bank must read back: the OTP devices'
  seeds, the 보안카드 seed and the 주민등록번호. Each value is sealed with associated
  data naming its row (``otp seed|customer=<id>``, ``rrn|customer=<id>``, ``security
  card seed``), so a sealed value copied onto another row does not open;
- an **RRN index key**: HMAC-SHA256 of the 주민등록번호, kept in a UNIQUE column, is how
  a customer is found by RRN without the RRN in clear;
- a **pepper** for account passwords: the stored hash is
  ``HMAC-SHA256(pepper, account number | scrypt(password, salt))``. The pepper is
  applied after scrypt (not to the password before it) so that the migration could
  pepper the existing hashes without knowing the passwords; either way, guessing the
  10^4 passwords offline needs the secret file. The 금융인증서 PIN is peppered already:
  its key is HKDF'd with the secret as salt (see cloud.py).

``meta.secret_id`` (a fingerprint, :func:`secret_id`) records which secret the file's
sealed values need. :func:`unlock` runs inside the transaction that opens the file:
when the file has sealed values and the secret file is missing, damaged or another
one, opening fails (:class:`BankSecretMissing`, :class:`BankSecretMismatch`); a secret
is only ever made for a file with nothing sealed yet, never over existing data.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mgcert.bank.errors import BankDataUnreadable, BankSecretMismatch, BankSecretMissing

SECRET_FILE_NAME = "bank-secret.key"  # noqa: S105 (a file name, not a secret)
SECRET_BYTES = 32
SECRET_ID_KEY = "secret_id"  # noqa: S105 (a meta key; its value is a fingerprint)
NONCE_BYTES = 12
_SEALED_V1 = b"\x01"  # format byte of a sealed value: 1 || nonce || ciphertext+tag


def secret_id(secret: bytes) -> bytes:
    """A fingerprint that names the secret without revealing it."""
    return hashlib.sha256(b"mgcert bank secret id\x00" + secret).digest()[:16]


class ServerSecret:
    """The 0600 key file beside the database."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> bytes | None:
        """The secret; None if there is no file. A damaged or unreadable file raises
        BankSecretMissing (it is never replaced: sealed data may need it)."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise BankSecretMissing(self.path) from exc
        if len(data) != SECRET_BYTES:
            raise BankSecretMissing(self.path)
        return data

    def create(self) -> bytes:
        """Make the secret (0600, fsynced, atomically); another process's wins a race."""
        secret = secrets.token_bytes(SECRET_BYTES)
        tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secret)
                handle.flush()
                os.fsync(handle.fileno())
            # link() fails if the file exists: never overwrite a secret.
            os.link(tmp, self.path)
        except FileExistsError:
            winner = self.load()
            if winner is None:
                raise BankSecretMissing(self.path) from None
            return winner
        except OSError as exc:
            raise BankSecretMissing(self.path) from exc
        finally:
            tmp.unlink(missing_ok=True)
        _fsync_folder(self.path.parent)
        return secret


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _derive(secret: bytes, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=label).derive(secret)


def rrn_aad(customer_id: int) -> bytes:
    """Associated data of a customer's sealed 주민등록번호."""
    return f"mgcert rrn|customer={customer_id}".encode()


def otp_seed_aad(customer_id: int) -> bytes:
    """Associated data of a customer's sealed OTP seed."""
    return f"mgcert otp seed|customer={customer_id}".encode()


SECURITY_CARD_SEED_AAD = b"mgcert security card seed|meta"


class Vault:
    """The keys derived from one server secret (see the module docstring)."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) != SECRET_BYTES:
            raise ValueError("server secret must be 32 bytes")
        self.secret = secret
        self.fingerprint = secret_id(secret)
        self._field = AESGCM(_derive(secret, b"mgcert bank field encryption v1"))
        self._rrn_key = _derive(secret, b"mgcert bank rrn index v1")
        self._pepper = _derive(secret, b"mgcert bank account password pepper v1")

    def __repr__(self) -> str:
        return "Vault(<secret>)"  # never the key material in a log line or traceback

    def seal(self, plaintext: bytes, aad: bytes) -> bytes:
        """Encrypt one value for a row (random nonce)."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        return _SEALED_V1 + nonce + self._field.encrypt(nonce, plaintext, aad)

    def unseal(self, sealed: bytes, aad: bytes) -> bytes:
        """Decrypt a value made by :meth:`seal` for the same row; BankDataUnreadable."""
        sealed = bytes(sealed)
        if not sealed.startswith(_SEALED_V1) or len(sealed) < 1 + NONCE_BYTES + 16:
            raise BankDataUnreadable
        nonce, body = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
        try:
            return self._field.decrypt(nonce, body, aad)
        except InvalidTag:
            raise BankDataUnreadable from None

    def rrn_index(self, rrn13: str) -> bytes:
        """The keyed hash a customer is looked up by."""
        return hmac.new(self._rrn_key, b"rrn|" + rrn13.encode("ascii"), hashlib.sha256).digest()

    def pepper(self, account_number: str, password_hash: bytes) -> bytes:
        """What is stored for an account's scrypt hash (bound to the account)."""
        message = account_number.encode("ascii") + b"|" + bytes(password_hash)
        return hmac.new(self._pepper, message, hashlib.sha256).digest()


def unlock(conn: sqlite3.Connection, secret_file: ServerSecret, *, has_meta: bool) -> Vault:
    """The vault for the file being opened (inside its opening transaction).

    ``has_meta`` is False for a brand-new file (no tables yet).
    """
    stored = None
    if has_meta:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (SECRET_ID_KEY,)).fetchone()
        stored = None if row is None else bytes(row[0])
    secret = secret_file.load()
    if stored is not None:
        if secret is None:
            raise BankSecretMissing(secret_file.path)
        if not hmac.compare_digest(secret_id(secret), stored):
            raise BankSecretMismatch(secret_file.path)
        return Vault(secret)
    # Nothing sealed yet (a new file, or one from before schema v3): use the file's
    # secret if there is one (older 금융인증서 rows were made with it), else make one.
    return Vault(secret if secret is not None else secret_file.create())


def record_secret(conn: sqlite3.Connection, vault: Vault) -> None:
    """Note in the file which secret its sealed values need (migration v3)."""
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (SECRET_ID_KEY, vault.fingerprint)
    )
