"""PC ↔ 스마트폰 인증서 복사: export with a 12-digit one-time code, import on the other side.

The exporting side proves the password; the certificate and its (still encrypted)
key are parked under ``<home>/transfer/<id>/`` sealed with AES-256-GCM under a key
derived from the code with scrypt (random salt per export). The code is never stored:
the importing side finds the parked export by deriving the key for each pending one
and checking a verifier. Valid 3 minutes (the center's clock), single use; a used or
expired export keeps only its verifier so the error can say which it was, and is
forgotten after a day.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from mgcert.center import rules
from mgcert.center.catalog import Catalog, open_key
from mgcert.center.context import CenterContext
from mgcert.center.errors import ExportExpired, ExportUsed, WrongExportCode
from mgcert.center.media import check_import_target
from mgcert.center.models import CertificateEntry, ExportTicket, MediumLocation
from mgcert.npki import storage
from mgcert.npki.keyfile import key_file_der

CODE_DIGITS = 12
FORGET_AFTER = timedelta(days=1)
_SCRYPT_N = 2**14
_META = "meta.json"
_SEALED = "sealed.bin"
_VERIFIER_LABEL = b"mgcert-export-verifier"


@dataclass(frozen=True)
class _Parked:
    folder: Path
    salt: bytes
    nonce: bytes
    verifier: bytes
    expires_at: datetime
    used: bool


def new_code() -> str:
    """12 random decimal digits (``secrets``)."""
    return "".join(secrets.choice("0123456789") for _ in range(CODE_DIGITS))


def normalize_code(code: str) -> str | None:
    """Digits only (spaces and hyphens allowed when typed); ``None`` if not 12 digits."""
    digits = "".join(ch for ch in code if ch not in " -")
    if len(digits) != CODE_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def _derive(code: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=_SCRYPT_N, r=8, p=1).derive(code.encode("ascii"))


def _verifier(key: bytes) -> bytes:
    return hmac.new(key, _VERIFIER_LABEL, "sha256").digest()


class Transfer:
    """내보내기 / 가져오기 of certificates between media through a one-time code."""

    def __init__(self, ctx: CenterContext, catalog: Catalog) -> None:
        self._ctx = ctx
        self._catalog = catalog
        self._dir = ctx.home.root / "transfer"

    def export_certificate(self, entry: CertificateEntry, password: str) -> ExportTicket:
        """Prove the password, park the sealed files, return the code to show."""
        entry = self._catalog.refresh(entry)
        open_key(entry, password)
        payload = json.dumps(
            {
                "ca_org": entry.stored.ca_folder,
                "folder_name": entry.stored.folder.name,
                "cert": entry.stored.cert_der.hex(),
                "key": key_file_der(storage.read_key_file(entry.stored)).hex(),
            }
        ).encode("ascii")
        code = new_code()
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        key = _derive(code, salt)
        expires_at = self._ctx.clock.now() + rules.EXPORT_CODE_LIFETIME
        self._forget_old()
        folder = self._dir / secrets.token_hex(8)
        folder.mkdir(parents=True, mode=0o700)
        _write(folder / _SEALED, AESGCM(key).encrypt(nonce, payload, None))
        meta = {
            "salt": salt.hex(),
            "nonce": nonce.hex(),
            "verifier": _verifier(key).hex(),
            "expires_at": expires_at.isoformat(),
            "used": False,
        }
        _write(folder / _META, json.dumps(meta).encode("ascii"))
        return ExportTicket(code=code, expires_at=expires_at)

    def import_certificate(self, code: str, target: MediumLocation) -> CertificateEntry:
        """Write the exported certificate to ``target``; the code then stops working."""
        digits = normalize_code(code)
        if digits is None:
            raise WrongExportCode
        check_import_target(target)
        for parked in self._parked():
            key = _derive(digits, parked.salt)
            if not hmac.compare_digest(_verifier(key), parked.verifier):
                continue
            if parked.used:
                raise ExportUsed
            if self._ctx.timers.running() and self._ctx.clock.now() > parked.expires_at:
                self._spend(parked)
                raise ExportExpired
            payload = json.loads(
                AESGCM(key).decrypt(parked.nonce, (parked.folder / _SEALED).read_bytes(), None)
            )
            folder = storage.write_certificate(
                target.root,
                payload["ca_org"],
                payload["folder_name"],
                bytes.fromhex(payload["cert"]),
                bytes.fromhex(payload["key"]),
                create_root=target.create_root,
            )
            self._spend(parked)
            return self._catalog.find(target, folder)
        raise WrongExportCode

    def _parked(self) -> list[_Parked]:
        found: list[_Parked] = []
        if not self._dir.is_dir():
            return found
        for folder in sorted(self._dir.iterdir()):
            try:
                meta = json.loads((folder / _META).read_text(encoding="ascii"))
                found.append(
                    _Parked(
                        folder=folder,
                        salt=bytes.fromhex(meta["salt"]),
                        nonce=bytes.fromhex(meta["nonce"]),
                        verifier=bytes.fromhex(meta["verifier"]),
                        expires_at=datetime.fromisoformat(meta["expires_at"]),
                        used=bool(meta["used"]),
                    )
                )
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged export cannot be imported; ignore it
        return found

    def _spend(self, parked: _Parked) -> None:
        """Drop the sealed files, keep the verifier to say "already used/expired"."""
        with contextlib.suppress(FileNotFoundError):
            (parked.folder / _SEALED).unlink()
        meta = json.loads((parked.folder / _META).read_text(encoding="ascii"))
        in_time = not self._ctx.timers.running() or self._ctx.clock.now() <= parked.expires_at
        meta["used"] = meta["used"] or in_time
        _write(parked.folder / _META, json.dumps(meta).encode("ascii"))

    def _forget_old(self) -> None:
        if not self._ctx.timers.running():
            return  # paused timers: an export waits however far the clock moved
        now = self._ctx.clock.now()
        for parked in self._parked():
            if now - parked.expires_at > FORGET_AFTER:
                shutil.rmtree(parked.folder, ignore_errors=True)


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
