"""Handing issued files to a learner in the browser (``mgcert web``): one zip download.

Under textual-serve (:attr:`App.is_web`) the certificate folder's files (signCert.der,
signPri.key, and kmCert.der / kmPri.key when present) are zipped in memory and given
to :meth:`App.deliver_binary`, which makes the browser download them. In a terminal
there is nothing to hand over (the files are on this machine already): nothing
happens. The key file stays encrypted under the certificate password, as on disk.
"""

from __future__ import annotations

import hashlib
import io
import stat
import zipfile
from pathlib import Path
from typing import Any

from textual.app import App

from mgcert.errors import MgcertError
from mgcert.messages import web as msg
from mgcert.npki.storage import (
    CERT_FILE,
    KEY_FILE,
    KEY_MODE,
    KM_CERT_FILE,
    KM_KEY_FILE,
    MAX_FILE_SIZE,
    NPKI_DIR,
)

ZIP_MIME_TYPE = "application/zip"
_KEY_FILES = frozenset({KEY_FILE, KM_KEY_FILE})
_CERT_MODE = 0o644


class CertificateFilesMissing(MgcertError):
    """The folder has no signing pair (nothing to download)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        super().__init__(msg.CERTIFICATE_FILES_MISSING.format(folder=folder))


def certificate_files(folder: Path) -> list[Path]:
    """The files of the certificate in ``folder`` that go into the zip (regular files
    only, never a symlink); :class:`CertificateFilesMissing` without the signing pair."""
    found = [folder / name for name in (CERT_FILE, KEY_FILE, KM_CERT_FILE, KM_KEY_FILE)]
    present = [path for path in found if _regular_file(path)]
    names = {path.name for path in present}
    if not {CERT_FILE, KEY_FILE} <= names:
        raise CertificateFilesMissing(folder)
    if not {KM_CERT_FILE, KM_KEY_FILE} <= names:  # half a KM pair is not offered
        present = [path for path in present if path.name in (CERT_FILE, KEY_FILE)]
    return present


def _regular_file(path: Path) -> bool:
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size <= MAX_FILE_SIZE


def archive_folder(folder: Path) -> str:
    """Where the files sit in the zip: from ``NPKI/`` on when the folder is in an NPKI
    tree (unzipped in a home folder it is where programs look), else the folder's name."""
    parts = folder.parts
    if NPKI_DIR in parts:
        start = len(parts) - 1 - parts[::-1].index(NPKI_DIR)
        return "/".join(parts[start:])
    return folder.name


def certificate_zip(folder: Path) -> bytes:
    """The zip of :func:`certificate_files` (keys 0600, certificates 0644 inside)."""
    prefix = archive_folder(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in certificate_files(folder):
            entry = zipfile.ZipInfo(f"{prefix}/{path.name}", date_time=(2024, 1, 1, 0, 0, 0))
            mode = KEY_MODE if path.name in _KEY_FILES else _CERT_MODE
            entry.external_attr = (stat.S_IFREG | mode) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, path.read_bytes())
    return buffer.getvalue()


def download_name(folder: Path) -> str:
    """An ASCII file name (textual-serve puts it in a header as is): the serial number
    of the certificate, else a digest of its file."""
    data = (folder / CERT_FILE).read_bytes()
    try:
        from cryptography import x509

        tag = format(x509.load_der_x509_certificate(data).serial_number, "x")
    except ValueError:
        tag = hashlib.sha256(data).hexdigest()[:12]
    return f"mgcert-certificate-{tag}.zip"


def offer_certificate_files(app: App[Any], folder: Path) -> bool:
    """Start the browser download of the certificate in ``folder`` (True), or do
    nothing outside the browser (False). Raises :class:`CertificateFilesMissing`
    when the folder has no signing pair."""
    if not app.is_web:
        return False
    data = certificate_zip(folder)
    app.deliver_binary(
        io.BytesIO(data),
        save_filename=download_name(folder),
        open_method="download",
        mime_type=ZIP_MIME_TYPE,
    )
    return True
