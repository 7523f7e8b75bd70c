"""Storage media and the NPKI folder layout (NPKI.md "Folder layout").

Each medium is a root folder; certificates live at
``<root>/NPKI/<CA org>/USER/<subject DN>/signCert.der`` + ``signPri.key``, the layout
PyPinkSign and the real certificate programs look for. A folder may also hold the
key-management pair ``kmCert.der`` + ``kmPri.key`` (TradeSign folders do; yessign
personal folders usually not): it is written in the same atomic step as the signing
pair when given, reported by :attr:`StoredCertificate.has_km_pair`, and deleted with it.

Writes are atomic: a new certificate folder is filled under a hidden staging name
and renamed into place, so it appears complete or not at all; a replaced key file is
written beside its target, fsynced and renamed over it. A certificate folder is never
replaced: writing where one exists succeeds only if it already holds the same
certificate. Folders are 0700, key files 0600, certificates 0644. Discovery never
raises for what it finds on a medium: a USB stick may hold anything, and every oddity
becomes a :class:`DiscoveryProblem`; one damaged certificate never hides the others.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import os
import shutil
import stat
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from cryptography import x509
from cryptography.utils import CryptographyDeprecationWarning

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg
from mgcert.npki.names import InvalidName, is_safe_folder_name, validate_org

NPKI_DIR = "NPKI"
USER_DIR = "USER"
CERT_FILE = "signCert.der"
KEY_FILE = "signPri.key"
KM_CERT_FILE = "kmCert.der"
KM_KEY_FILE = "kmPri.key"
FOLDER_PREFIX = "cn="  # PyPinkSign's discovery only looks at USER/cn=... folders

FOLDER_MODE = 0o700
KEY_MODE = 0o600
CERT_MODE = 0o644
# Certificates and key files are a few KiB; a bigger "signCert.der" is something else
# and is not read into memory.
MAX_FILE_SIZE = 64 * 1024
# Room a certificate pair needs, with margin, checked before the CA is asked to issue.
MIN_FREE_BYTES = 64 * 1024
_TEMP_PREFIX = ".mgcert-"
# A writer fills and renames its staging folder within a second or so; one this old
# was left by a process that was killed.
STALE_STAGING_AGE = timedelta(minutes=10)

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # opening a FIFO must not block discovery


class MediumKind(enum.Enum):
    """Where a 공동인증서 can be stored, as the bank app's medium picker lists them."""

    HARDDISK = "harddisk"
    REMOVABLE = "removable"
    PHONE = "phone"
    TOKEN = "token"  # noqa: S105 (보안토큰, not a secret)

    @property
    def label(self) -> str:
        return _MEDIUM_LABELS[self]

    @property
    def available(self) -> bool:
        """False for 보안토큰: shown in the picker like the real app, but not simulated."""
        return self is not MediumKind.TOKEN


_MEDIUM_LABELS = {
    MediumKind.HARDDISK: msg.MEDIUM_HARDDISK,
    MediumKind.REMOVABLE: msg.MEDIUM_REMOVABLE,
    MediumKind.PHONE: msg.MEDIUM_PHONE,
    MediumKind.TOKEN: msg.MEDIUM_TOKEN,
}


class StorageError(MgcertError):
    """A medium or a certificate folder could not be used."""


class MediumNotWritable(StorageError):
    """The medium cannot take a certificate (missing, read-only, full, not a folder)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.MEDIUM_NOT_WRITABLE.format(path=path))


class CertificateFilesUnreadable(StorageError):
    """A certificate folder's files are missing, unreadable or not a certificate."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{msg.CERTIFICATE_FILES_UNREADABLE.format(path=path)} ({reason})")


class CertificateDamaged(CertificateFilesUnreadable):
    """signCert.der is there but is not a usable certificate: bad DER, or a field the
    center reads does not parse or breaks RFC 5280. ``path`` is the certificate folder;
    ``str()`` is the listing's line for it ("손상된 인증서: <folder>")."""

    def __init__(self, folder: Path, reason: str = msg.PROBLEM_BAD_CERTIFICATE) -> None:
        self.path = folder
        self.reason = reason
        StorageError.__init__(self, msg.DAMAGED_CERTIFICATE.format(folder=folder))


class CertificateFolderExists(StorageError):
    """The target folder already holds another certificate (or something else): nothing
    is written, so an existing certificate and its key are never replaced."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(msg.CERTIFICATE_FOLDER_EXISTS.format(folder=folder))


class UnsafeFolderName(InvalidName):
    """A certificate folder name that could escape ``USER/`` or that discovery skips."""

    default_message = msg.UNSAFE_FOLDER_NAME


@dataclass(frozen=True)
class StoredCertificate:
    """A certificate pair found on (or written to) a medium."""

    folder: Path
    cert_path: Path
    key_path: Path
    certificate: x509.Certificate
    cert_der: bytes = field(repr=False)
    # Both kmCert.der and kmPri.key are regular files in the folder (not read yet:
    # a damaged KM pair never hides the signing pair; see read_km_certificate).
    has_km_pair: bool = False

    @property
    def ca_folder(self) -> str:
        """The ``NPKI/<CA org>`` folder name the certificate sits under."""
        return self.folder.parent.parent.name

    @property
    def km_cert_path(self) -> Path:
        """``kmCert.der`` in the folder (present when :attr:`has_km_pair`)."""
        return self.folder / KM_CERT_FILE

    @property
    def km_key_path(self) -> Path:
        """``kmPri.key`` in the folder (present when :attr:`has_km_pair`)."""
        return self.folder / KM_KEY_FILE


@dataclass(frozen=True)
class DiscoveryProblem:
    """Something under ``NPKI/`` that looks like a certificate but cannot be used."""

    path: Path
    reason: str
    # A certificate folder whose signCert.der is damaged (path is then the folder).
    damaged: bool = False


@dataclass(frozen=True)
class Discovery:
    certificates: list[StoredCertificate]
    problems: list[DiscoveryProblem]


# --- discovery --------------------------------------------------------------------------


def discover(root: Path) -> Discovery:
    """Every certificate under ``root/NPKI``, plus what was wrong with the rest.

    Never raises for the medium's content: junk folders, unreadable files, symlinks,
    FIFOs and damaged certificates are reported as problems, each folder on its own.
    Folders and files whose name starts with a dot (``.DS_Store``, mgcert's own
    staging folders) are ignored.
    """
    certificates: list[StoredCertificate] = []
    problems: list[DiscoveryProblem] = []
    npki = root / NPKI_DIR
    for ca_dir in _subfolders(npki, problems, report_files=False):
        user_dir = ca_dir / USER_DIR
        if not _lexists(user_dir):
            continue  # a CA folder may hold CA certificates only
        if os.path.islink(user_dir):
            problems.append(DiscoveryProblem(user_dir, msg.PROBLEM_SYMLINK))
            continue
        for folder in _subfolders(user_dir, problems, report_files=True):
            if not folder.name.startswith(FOLDER_PREFIX):
                problems.append(DiscoveryProblem(folder, msg.PROBLEM_NOT_A_CERTIFICATE_FOLDER))
                continue
            try:
                certificates.append(load_certificate(folder))
            except CertificateDamaged as problem:
                problems.append(DiscoveryProblem(folder, problem.reason, damaged=True))
            except CertificateFilesUnreadable as problem:
                problems.append(DiscoveryProblem(problem.path, problem.reason))
            except Exception:  # one odd folder must not hide the others
                problems.append(DiscoveryProblem(folder, msg.PROBLEM_UNREADABLE))
    return Discovery(certificates=certificates, problems=problems)


def load_certificate(folder: Path) -> StoredCertificate:
    """The pair in one certificate folder; :class:`CertificateFilesUnreadable` if unusable
    (:class:`CertificateDamaged` when signCert.der is there but not a usable certificate)."""
    cert_path = folder / CERT_FILE
    key_path = folder / KEY_FILE
    cert_der = _read_small_file(cert_path, missing_reason=msg.PROBLEM_MISSING_CERT)
    try:
        key_mode = os.lstat(key_path).st_mode
    except FileNotFoundError as exc:
        raise CertificateFilesUnreadable(key_path, msg.PROBLEM_MISSING_KEY) from exc
    except OSError as exc:
        raise CertificateFilesUnreadable(key_path, msg.PROBLEM_UNREADABLE) from exc
    if stat.S_ISLNK(key_mode):
        raise CertificateFilesUnreadable(key_path, msg.PROBLEM_SYMLINK)
    if not stat.S_ISREG(key_mode):
        raise CertificateFilesUnreadable(key_path, msg.PROBLEM_UNREADABLE)
    certificate = parse_certificate(folder, cert_der)
    return StoredCertificate(
        folder=folder,
        cert_path=cert_path,
        key_path=key_path,
        certificate=certificate,
        cert_der=cert_der,
        has_km_pair=_km_pair_present(folder),
    )


def _km_pair_present(folder: Path) -> bool:
    """True when kmCert.der and kmPri.key are both regular files (never follows links)."""
    for name in (KM_CERT_FILE, KM_KEY_FILE):
        try:
            if not stat.S_ISREG(os.lstat(folder / name).st_mode):
                return False
        except OSError:
            return False
    return True


def parse_certificate(folder: Path, cert_der: bytes) -> x509.Certificate:
    """The certificate in ``cert_der``, with every field the center reads checked now.

    cryptography decodes some fields only when they are first touched, so a damaged
    file could otherwise load here and fail later, in the middle of a listing. Raises
    :class:`CertificateDamaged` (naming ``folder``) for any failure.
    """
    try:
        with warnings.catch_warnings():
            # A serial that is not positive only warns (for now); it is refused below.
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            certificate = x509.load_der_x509_certificate(cert_der)
            serial = certificate.serial_number
        if serial <= 0:
            raise CertificateDamaged(folder, msg.PROBLEM_BAD_SERIAL)
        _ = certificate.version
        for name in (certificate.subject, certificate.issuer):
            _ = [attribute.value for attribute in name]
            name.rfc4514_string()
        _ = (certificate.not_valid_before_utc, certificate.not_valid_after_utc)
        _ = list(certificate.extensions)  # policies, subjectAltName (VID)
        _ = certificate.signature_algorithm_oid
        certificate.public_key()
    except CertificateDamaged:
        raise
    except Exception as exc:  # untrusted bytes: the parser raises many kinds
        raise CertificateDamaged(folder) from exc
    return certificate


def read_key_file(stored: StoredCertificate) -> bytes:
    """The signPri.key bytes; :class:`CertificateFilesUnreadable` if they cannot be read."""
    return _read_small_file(stored.key_path, missing_reason=msg.PROBLEM_MISSING_KEY)


def read_km_certificate(stored: StoredCertificate) -> x509.Certificate:
    """The folder's kmCert.der; :class:`CertificateFilesUnreadable` when it is missing
    or unreadable, :class:`CertificateDamaged` when it is not a usable certificate."""
    der = _read_small_file(stored.km_cert_path, missing_reason=msg.PROBLEM_MISSING_KM_CERT)
    try:
        return parse_certificate(stored.folder, der)
    except CertificateDamaged as exc:
        raise CertificateDamaged(stored.folder, msg.PROBLEM_BAD_KM_CERTIFICATE) from exc


def read_km_key_file(stored: StoredCertificate) -> bytes:
    """The kmPri.key bytes; :class:`CertificateFilesUnreadable` if they cannot be read."""
    return _read_small_file(stored.km_key_path, missing_reason=msg.PROBLEM_MISSING_KM_KEY)


def _subfolders(
    parent: Path, problems: list[DiscoveryProblem], *, report_files: bool
) -> list[Path]:
    """Real (non-symlink) subfolders of ``parent`` in name order; oddities reported."""
    try:
        with os.scandir(parent) as entries:
            found = sorted(entries, key=lambda entry: entry.name)
    except FileNotFoundError:
        return []
    except OSError:
        problems.append(DiscoveryProblem(parent, msg.PROBLEM_UNREADABLE_FOLDER))
        return []
    folders: list[Path] = []
    for entry in found:
        path = Path(entry.path)
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_symlink():
                problems.append(DiscoveryProblem(path, msg.PROBLEM_SYMLINK))
            elif entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif report_files:
                problems.append(DiscoveryProblem(path, msg.PROBLEM_NOT_A_CERTIFICATE_FOLDER))
        except OSError:
            problems.append(DiscoveryProblem(path, msg.PROBLEM_UNREADABLE))
    return folders


def _read_small_file(path: Path, *, missing_reason: str) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError as exc:
        raise CertificateFilesUnreadable(path, missing_reason) from exc
    except OSError as exc:
        # ELOOP is what O_NOFOLLOW gives for a symlink.
        reason = msg.PROBLEM_SYMLINK if os.path.islink(path) else msg.PROBLEM_UNREADABLE
        raise CertificateFilesUnreadable(path, reason) from exc
    try:
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise CertificateFilesUnreadable(path, msg.PROBLEM_UNREADABLE)
            data = file.read(MAX_FILE_SIZE + 1)
    except OSError as exc:
        raise CertificateFilesUnreadable(path, msg.PROBLEM_UNREADABLE) from exc
    if len(data) > MAX_FILE_SIZE:
        raise CertificateFilesUnreadable(path, msg.PROBLEM_TOO_LARGE)
    return data


def _lexists(path: Path) -> bool:
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


# --- writing ----------------------------------------------------------------------------


def check_writable(root: Path, *, create_root: bool = True) -> None:
    """Raise :class:`MediumNotWritable` unless a certificate can be written under ``root``.

    Actually creates and removes a file: permission bits do not tell (root ignores
    them, read-only mounts and full disks do not show in them). Pass
    ``create_root=False`` for a removable disk, so a missing mount point is reported
    instead of being created on the local disk.
    """
    try:
        _ensure_root(root, create_root=create_root)
        fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".probe", dir=root)
        try:
            os.write(fd, b"\0")
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
        if shutil.disk_usage(root).free < MIN_FREE_BYTES:
            raise MediumNotWritable(root)
    except OSError as exc:
        raise MediumNotWritable(root) from exc


def write_certificate(
    root: Path,
    ca_org: str,
    folder_name: str,
    cert_der: bytes,
    key_der: bytes,
    *,
    create_root: bool = True,
    km_cert_der: bytes | None = None,
    km_key_der: bytes | None = None,
    durable: bool = True,
) -> Path:
    """Write the pair to ``root/NPKI/<ca_org>/USER/<folder_name>/``; returns that folder.

    ``durable=False`` skips the fsyncs (still atomic against a killed process, not
    against a power cut): for throw-away test fixtures, where they are most of the cost.

    With ``km_cert_der`` and ``km_key_der`` (both or neither) the folder also gets
    ``kmCert.der`` and ``kmPri.key``, in the same atomic step: the folder appears with
    all four files or not at all.

    Never replaces an existing folder. If the folder exists and already holds this very
    certificate (``signCert.der`` byte-identical, and ``kmCert.der`` too when a KM pair
    is asked for) it is returned unchanged, whatever its key files hold (a retried
    write, or a copy whose password was changed since); anything else there raises
    :class:`CertificateFolderExists` and nothing is written. The same holds when
    another process creates the folder at the same moment: one rename wins and the
    other call sees its folder.

    Refuses names that could escape their parent (:class:`InvalidName` /
    :class:`UnsafeFolderName`); any file-system failure becomes
    :class:`MediumNotWritable` and leaves no partial folder behind.
    """
    validate_org(ca_org)
    if not is_safe_folder_name(folder_name) or not folder_name.startswith(FOLDER_PREFIX):
        raise UnsafeFolderName
    if (km_cert_der is None) != (km_key_der is None):
        raise ValueError(msg.KM_PAIR_INCOMPLETE)  # a programming error, not user input
    files = {KEY_FILE: (key_der, KEY_MODE)}
    if km_cert_der is not None and km_key_der is not None:
        files[KM_KEY_FILE] = (km_key_der, KEY_MODE)
        files[KM_CERT_FILE] = (km_cert_der, CERT_MODE)
    files[CERT_FILE] = (cert_der, CERT_MODE)
    try:
        user_dir = _ensure_user_dir(root, ca_org, create_root=create_root)
        target = user_dir / folder_name
        if not _lexists(target):
            try:
                _create_folder(user_dir, target, files, durable=durable)
            except OSError as exc:
                if not _taken_by_another_writer(exc, target):
                    raise
            else:
                return target
    except OSError as exc:
        raise MediumNotWritable(root) from exc
    _check_holds_certificate(target, cert_der)
    if km_cert_der is not None:
        _check_holds_km_certificate(target, km_cert_der)
    return target


def _taken_by_another_writer(error: OSError, target: Path) -> bool:
    """The rename failed because ``target`` appeared meanwhile (another process)."""
    in_the_way = (errno.EEXIST, errno.ENOTEMPTY, errno.ENOTDIR, errno.EISDIR)
    return error.errno in in_the_way and _lexists(target)


def _check_holds_certificate(target: Path, cert_der: bytes) -> None:
    """Raise :class:`CertificateFolderExists` unless ``target`` holds ``cert_der``.

    The key file must be there (a regular file), but its bytes may differ: the same
    certificate's key re-encrypted under a newer password is still its key.
    """
    try:
        if not stat.S_ISDIR(os.lstat(target).st_mode):
            raise CertificateFolderExists(target)
        existing = _read_small_file(target / CERT_FILE, missing_reason=msg.PROBLEM_MISSING_CERT)
        key_mode = os.lstat(target / KEY_FILE).st_mode
    except (OSError, CertificateFilesUnreadable) as exc:
        raise CertificateFolderExists(target) from exc
    if existing != cert_der or not stat.S_ISREG(key_mode):
        raise CertificateFolderExists(target)


def _check_holds_km_certificate(target: Path, km_cert_der: bytes) -> None:
    """As :func:`_check_holds_certificate`, for the KM pair of a folder."""
    try:
        existing = _read_small_file(
            target / KM_CERT_FILE, missing_reason=msg.PROBLEM_MISSING_KM_CERT
        )
        key_mode = os.lstat(target / KM_KEY_FILE).st_mode
    except (OSError, CertificateFilesUnreadable) as exc:
        raise CertificateFolderExists(target) from exc
    if existing != km_cert_der or not stat.S_ISREG(key_mode):
        raise CertificateFolderExists(target)


def replace_key_file(
    stored: StoredCertificate, key_der: bytes, *, km_key_der: bytes | None = None
) -> None:
    """Atomically replace signPri.key (after a password change); stays 0600.

    With ``km_key_der``, kmPri.key is replaced first, the same way (each file atomically;
    the two together are not one step).
    """
    try:
        if km_key_der is not None:
            _replace_file(stored.km_key_path, km_key_der, KEY_MODE)
        _replace_file(stored.key_path, key_der, KEY_MODE)
        _fsync_dir(stored.folder)
    except OSError as exc:
        raise MediumNotWritable(stored.folder) from exc


def delete_certificate(stored: StoredCertificate) -> None:
    """Remove the pair (key first) and the folder if nothing else is left in it.

    A KM pair (kmCert.der and kmPri.key both there) goes too, its key first; a lone
    kmCert.der or any other file is someone else's and stays.
    """
    try:
        if _km_pair_present(stored.folder):
            stored.km_key_path.unlink(missing_ok=True)
            stored.km_cert_path.unlink(missing_ok=True)
        stored.key_path.unlink(missing_ok=True)
        stored.cert_path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # not empty: someone else's files stay
            stored.folder.rmdir()
        _fsync_dir(stored.folder.parent)
    except OSError as exc:
        raise MediumNotWritable(stored.folder) from exc


def clean_stale_staging(root: Path, *, older_than: timedelta = STALE_STAGING_AGE) -> list[Path]:
    """Remove staging folders a killed writer left in ``root/NPKI/*/USER/``; what went.

    Only real folders (never a symlink, never followed) named with mgcert's staging
    prefix, whose mtime is more than ``older_than`` ago: a live writer's staging folder
    is seconds old and stays. Never raises for the medium: a folder that cannot be
    read or removed is skipped (and is not in the result).
    """
    removed: list[Path] = []
    cutoff = time.time() - older_than.total_seconds()
    npki = root / NPKI_DIR
    if os.path.islink(npki):
        return removed
    ignored: list[DiscoveryProblem] = []  # oddities are discovery's business, not ours
    for ca_dir in _subfolders(npki, ignored, report_files=False):
        user_dir = ca_dir / USER_DIR
        try:
            if not stat.S_ISDIR(os.lstat(user_dir).st_mode):
                continue  # missing, a file, or a symlink
            with os.scandir(user_dir) as entries:
                found = list(entries)
        except OSError:
            continue
        for entry in found:
            path = Path(entry.path)
            try:
                if not entry.name.startswith(_TEMP_PREFIX) or not entry.is_dir(
                    follow_symlinks=False
                ):
                    continue
                if entry.stat(follow_symlinks=False).st_mtime > cutoff:
                    continue
                # rmtree removes a symlink inside without following it (on Linux it
                # works through file descriptors, so a swapped-in link is not either).
                shutil.rmtree(path)
            except OSError:
                continue
            removed.append(path)
    return removed


def _ensure_root(root: Path, *, create_root: bool) -> None:
    if create_root:
        root.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    elif not root.is_dir():
        raise FileNotFoundError(root)


def _ensure_user_dir(root: Path, ca_org: str, *, create_root: bool) -> Path:
    _ensure_root(root, create_root=create_root)
    path = root
    for part in (NPKI_DIR, ca_org, USER_DIR):
        path = path / part
        if os.path.islink(path):
            # A planted link would send the private key somewhere else.
            raise NotADirectoryError(path)
        try:
            path.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            if not path.is_dir():
                raise
        else:
            os.chmod(path, FOLDER_MODE)  # mkdir's mode is filtered by the umask
    return path


def _create_folder(
    user_dir: Path, target: Path, files: dict[str, tuple[bytes, int]], *, durable: bool = True
) -> None:
    """Fill a staging folder with ``files`` (name → data, mode) and rename it to ``target``."""
    staging = Path(tempfile.mkdtemp(prefix=_TEMP_PREFIX, dir=user_dir))  # 0700
    try:
        for name, (data, mode) in files.items():
            _write_new_file(staging / name, data, mode, durable=durable)
        if durable:
            _fsync_dir(staging)
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if durable:
        _fsync_dir(user_dir)


def _replace_file(path: Path, data: bytes, mode: int) -> None:
    temp = _write_temp_beside(path, data, mode)
    try:
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _write_temp_beside(path: Path, data: bytes, mode: int) -> Path:
    # mkstemp creates the file 0600, so a key is never readable by others, not even
    # for the moment before the chmod.
    fd, name = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=".tmp", dir=path.parent)
    try:
        _write_fd(fd, data, mode)
    except BaseException:
        os.unlink(name)
        raise
    return Path(name)


def _write_new_file(path: Path, data: bytes, mode: int, *, durable: bool = True) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    _write_fd(os.open(path, flags, 0o600), data, mode, durable=durable)


def _write_fd(fd: int, data: bytes, mode: int, *, durable: bool = True) -> None:
    with os.fdopen(fd, "wb") as file:
        file.write(data)
        file.flush()
        os.fchmod(file.fileno(), mode)
        if durable:
            os.fsync(file.fileno())


def _fsync_dir(path: Path) -> None:
    """Make a rename durable: fsync the folder holding the new name (POSIX only)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
