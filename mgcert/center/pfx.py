"""PFX 내보내기 / 가져오기: a stored certificate to a PKCS #12 file and back (NPKI.md "PFX").

Banks and browser certificate services import only PFX and check the VID with the
randomNum in the key bag, so both directions keep it:

- export proves the certificate password, then writes the certificate, its key (with
  the randomNum) and the issuing CA chain, protected by a PFX password that follows the
  certificate password rule (10+ characters with letters, digits and specials: the
  file travels by mail and USB stick, and a PFX cannot be locked like an account). The
  KDF count is the center's key protection count, for the key, the certificates and
  the MAC alike. The file is new (0600, temp + fsync + link): an existing file is
  never replaced.
- import reads the PFX, **refuses one without randomNum** (without it the bank cannot
  check the 주민등록번호 through the VID, so the certificate could not be used), and
  writes signCert.der + signPri.key into the medium's NPKI folder under a new
  certificate password, as the center writes every new key file. A certificate already
  on that medium is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.center.catalog import Catalog, open_key
from mgcert.center.certinfo import issuer_org
from mgcert.center.context import CenterContext
from mgcert.center.errors import CenterError, KeyWithoutRandomNum
from mgcert.center.media import check_medium
from mgcert.center.models import CertificateEntry, MediumLocation
from mgcert.center.password_problems import password_problems
from mgcert.errors import MgcertError
from mgcert.messages import center as center_msg
from mgcert.messages import npki as msg
from mgcert.npki import storage
from mgcert.npki.keyfile import encrypt_with
from mgcert.npki.names import InvalidName, folder_name, validate_org
from mgcert.npki.password_rule import (
    PasswordMismatch,
    WeakPassword,
    validate_new_password,
)
from mgcert.npki.pfx import MAX_PFX_SIZE, PfxTooLarge, pfx_bytes, read_pfx

PFX_SUFFIX = ".pfx"
_TEMP_PREFIX = ".mgcert-"
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO named as the PFX must not hang us
# No hard links (FAT/exFAT USB sticks): fall back to a checked rename.
_NO_LINKS = frozenset(
    code
    for code in (errno.EPERM, errno.EXDEV, getattr(errno, "ENOTSUP", None), errno.EOPNOTSUPP)
    if code is not None
)


# --- errors -----------------------------------------------------------------------------------


class PfxPasswordEmpty(CenterError):
    default_message = msg.PFX_PASSWORD_EMPTY


class WeakPfxPassword(WeakPassword):
    """The new PFX password misses a part of the certificate password rule.

    ``failed`` names the rule's parts (the checklist's labels); the message says what
    is wrong, positively ("사용할 수 없는 문자(')가 들어 있습니다"), from ``problems``."""

    def __init__(self, failed: list[str], problems: Sequence[str]) -> None:
        self.failed = failed
        self.problems = tuple(problems)
        MgcertError.__init__(self, msg.PFX_WEAK_PASSWORD.format(failed=" ".join(problems)))


class WeakNewCertificatePassword(WeakPassword):
    """가져오기: the new certificate password misses a part of the rule (said positively)."""

    def __init__(self, failed: list[str], problems: Sequence[str]) -> None:
        self.failed = failed
        self.problems = tuple(problems)
        MgcertError.__init__(
            self, center_msg.NEW_CERTIFICATE_PASSWORD_WEAK.format(problems=" ".join(problems))
        )


class PfxPasswordMismatch(PasswordMismatch):
    """The PFX password (or the new certificate password) and its confirmation differ."""

    def __init__(self, what: str) -> None:
        MgcertError.__init__(self, center_msg.PASSWORD_CONFIRM_DIFFERS.format(what=what))


class PfxPathEmpty(CenterError):
    default_message = msg.PFX_PATH_EMPTY


class PfxFileExists(CenterError):
    """The target file exists: it is never replaced."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.PFX_FILE_EXISTS.format(path=path))


class PfxFolderMissing(CenterError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.PFX_FOLDER_MISSING.format(path=path))


class PfxNotWritable(CenterError):
    """The PFX could not be written (permissions, a full disk: see the cause)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.PFX_NOT_WRITABLE.format(path=path))


class PfxFileNotFound(CenterError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.PFX_FILE_NOT_FOUND.format(path=path))


class PfxFileUnreadable(CenterError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.PFX_FILE_UNREADABLE.format(path=path))


class PfxWithoutRandomNum(CenterError):
    """The key carries no randomNum: the bank could not check the VID."""

    default_message = msg.PFX_WITHOUT_RANDOM_NUM


class PfxAlreadyOnMedium(CenterError):
    def __init__(self, medium: str, folder: Path) -> None:
        self.folder = folder
        super().__init__(msg.PFX_ALREADY_ON_MEDIUM.format(medium=medium, folder=folder))


class PfxNotNpkiCertificate(CenterError):
    """No NPKI folder can be named after it (no issuer O, subject not starting at CN)."""

    default_message = msg.PFX_NOT_NPKI_CERTIFICATE


class KeyNotForCertificate(CenterError):
    """The stored key file does not belong to the stored certificate."""

    default_message = msg.PFX_KEY_NOT_FOR_CERTIFICATE


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PfxExport:
    """Where the PFX went and what it holds."""

    path: Path
    serial_hex: str
    chain_length: int  # CA certificates included after the holder's


# --- the use cases ----------------------------------------------------------------------------


class PfxTransfer:
    """PFX 내보내기 / 가져오기 for :class:`~mgcert.center.CertificateCenter`."""

    def __init__(self, ctx: CenterContext, catalog: Catalog) -> None:
        self._ctx = ctx
        self._catalog = catalog

    def export_pfx(
        self,
        entry: CertificateEntry,
        password: str,
        pfx_password: str,
        confirm: str,
        target: Path | str,
    ) -> PfxExport:
        """Write ``entry`` as a new PFX at ``target`` (a file, or a folder to put
        :func:`suggested_file_name` in). The certificate password proves possession."""
        pfx_password = checked_pfx_password(pfx_password, confirm)
        path = _target_file(target, entry)
        _check_target(path)  # before the KDF: a taken name is said at once
        entry = self._catalog.refresh(entry)
        decrypted = open_key(entry, password)
        if decrypted.random_num is None:
            raise KeyWithoutRandomNum  # a PFX without it would fail every VID check
        certificate = entry.stored.certificate
        if not _belongs_to(certificate, decrypted.private_key):
            raise KeyNotForCertificate
        chain = self._chain(certificate)
        data = pfx_bytes(
            certificate,
            decrypted.private_key,
            decrypted.random_num,
            pfx_password,
            chain=chain,
            iterations=self._ctx.key_protection.iterations,
        )
        write_new_file(path, data)
        return PfxExport(path=path, serial_hex=entry.serial_hex, chain_length=len(chain))

    def import_pfx(
        self,
        source: Path | str,
        pfx_password: str,
        new_password: str,
        confirm: str,
        target: MediumLocation,
    ) -> CertificateEntry:
        """Write the PFX's certificate and key (re-encrypted under ``new_password``) to
        ``target``; returns the entry as found there."""
        new_password = checked_new_password(new_password, confirm)
        check_medium(target)
        path = _source_file(source)
        contents = read_pfx(read_pfx_file(path), pfx_password)
        if contents.random_num is None:
            raise PfxWithoutRandomNum
        cert_der = contents.certificate.public_bytes(serialization.Encoding.DER)
        certificate = storage.parse_certificate(path, cert_der)  # every field readable
        try:
            ca_org = validate_org(issuer_org(certificate))
            name = folder_name(certificate.subject)
        except InvalidName as exc:
            raise PfxNotNpkiCertificate from exc
        self._refuse_existing(target, ca_org, name, cert_der)
        key_der = encrypt_with(
            contents.private_key, new_password, contents.random_num, self._ctx.key_protection
        )
        folder = storage.write_certificate(
            target.root, ca_org, name, cert_der, key_der, create_root=target.create_root
        )
        return self._catalog.find(target, folder)

    def _chain(self, certificate: x509.Certificate) -> tuple[x509.Certificate, ...]:
        """Issuing CA then root, for a certificate of a CA the bank knows."""
        ca = self._catalog.ca_for(certificate)
        if ca is None:
            return ()
        return (ca.issuing_certificate, ca.root_certificate)

    @staticmethod
    def _refuse_existing(target: MediumLocation, ca_org: str, name: str, cert_der: bytes) -> None:
        """The same certificate already there → :class:`PfxAlreadyOnMedium`; another one
        (or anything else) in its folder → ``CertificateFolderExists``, as for a copy."""
        folder = target.root / storage.NPKI_DIR / ca_org / storage.USER_DIR / name
        if not os.path.lexists(folder):
            return
        try:
            existing = storage.load_certificate(folder).cert_der
        except storage.CertificateFilesUnreadable as exc:
            raise storage.CertificateFolderExists(folder) from exc
        if existing == cert_der:
            raise PfxAlreadyOnMedium(target.label, folder)
        raise storage.CertificateFolderExists(folder)


# --- passwords and paths --------------------------------------------------------------------


def checked_pfx_password(password: str, confirm: str) -> str:
    """The NFC PFX password when it meets the certificate password rule and matches."""
    if not password:
        raise PfxPasswordEmpty
    try:
        return validate_new_password(password, confirm)
    except WeakPassword as weak:
        raise WeakPfxPassword(weak.failed, password_problems(password)) from weak
    except PasswordMismatch as differs:
        raise PfxPasswordMismatch(center_msg.PFX_PASSWORD_NAME) from differs


def checked_new_password(password: str, confirm: str) -> str:
    """The NFC new certificate password of a 가져오기, checked like a PFX password."""
    try:
        return validate_new_password(password, confirm)
    except WeakPassword as weak:
        raise WeakNewCertificatePassword(weak.failed, password_problems(password)) from weak
    except PasswordMismatch as differs:
        raise PfxPasswordMismatch(center_msg.NEW_CERTIFICATE_PASSWORD_NAME) from differs


def suggested_file_name(entry: CertificateEntry) -> str:
    """``<holder>_<serial>.pfx``, safe as one file name."""
    stem = f"{entry.name}_{entry.serial_hex}"
    stem = "".join("_" if ch in '/\\\x00:*?"<>|' else ch for ch in stem).strip(". ")
    return f"{stem or entry.serial_hex}{PFX_SUFFIX}"


def _target_file(target: Path | str, entry: CertificateEntry) -> Path:
    if not str(target).strip():
        raise PfxPathEmpty
    path = Path(target).expanduser()
    if path.is_dir():
        return path / suggested_file_name(entry)
    return path


def _source_file(source: Path | str) -> Path:
    if not str(source).strip():
        raise PfxPathEmpty
    return Path(source).expanduser()


def _check_target(path: Path) -> None:
    if os.path.lexists(path):
        raise PfxFileExists(path)
    if not path.parent.is_dir():
        raise PfxFolderMissing(path.parent)


def _belongs_to(certificate: x509.Certificate, key: rsa.RSAPrivateKey) -> bool:
    public = certificate.public_key()
    return (
        isinstance(public, rsa.RSAPublicKey)
        and public.public_numbers() == key.public_key().public_numbers()
    )


# --- files --------------------------------------------------------------------------------------


def read_pfx_file(path: Path) -> bytes:
    """The bytes of a PFX file (regular file, at most :data:`MAX_PFX_SIZE` bytes)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise PfxFileNotFound(path) from exc
    except OSError as exc:
        raise PfxFileUnreadable(path) from exc
    try:
        with os.fdopen(fd, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                raise PfxFileUnreadable(path)
            data = file.read(MAX_PFX_SIZE + 1)
    except OSError as exc:
        raise PfxFileUnreadable(path) from exc
    if len(data) > MAX_PFX_SIZE:
        raise PfxTooLarge(MAX_PFX_SIZE)
    return data


def write_new_file(path: Path, data: bytes) -> None:
    """Write ``data`` as a new 0600 file at ``path``, all or nothing, never replacing.

    Filled and fsynced under a temporary name beside it, then hard-linked into place
    (``link`` fails if the name is taken, so nothing is overwritten even in a race);
    where the file system has no hard links, renamed after a last check.
    """
    _check_target(path)
    try:
        fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise PfxNotWritable(path) from exc
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fchmod(file.fileno(), 0o600)
            os.fsync(file.fileno())
        _publish(temp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise PfxNotWritable(path) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def _publish(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path, follow_symlinks=False)
    except FileExistsError as exc:
        raise PfxFileExists(path) from exc
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        if os.path.lexists(path):
            raise PfxFileExists(path) from exc
        os.rename(temp, path)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
