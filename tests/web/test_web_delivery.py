"""offer_certificate_files: a zip handed to deliver_binary in the browser, nothing in a terminal."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from textual.app import App

from mgcert.tui.delivery import (
    CertificateFilesMissing,
    archive_folder,
    certificate_zip,
    download_name,
    offer_certificate_files,
)

SERIAL = 0x1A2B3C4D


def _certificate_der() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "홍길동")])
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(SERIAL)
        .not_valid_before(now)
        .not_valid_after(now + dt.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.DER)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = (
        tmp_path / "harddisk" / "NPKI" / "yessign" / "USER" / "cn=홍길동()0011045,ou=MG,o=yessign"
    )
    path.mkdir(parents=True)
    (path / "signCert.der").write_bytes(_certificate_der())
    key = path / "signPri.key"
    key.write_bytes(b"encrypted key bytes")
    key.chmod(0o600)
    return path


class Recorder(App[None]):
    """An app that says whether it runs in a browser and records what it delivers."""

    def __init__(self, web: bool) -> None:
        super().__init__()
        self._web = web
        self.delivered: list[tuple[bytes, dict[str, Any]]] = []

    @property
    def is_web(self) -> bool:
        return self._web

    def deliver_binary(  # type: ignore[override]
        self, path_or_file: str | Path | BinaryIO, **options: Any
    ) -> str | None:
        assert isinstance(path_or_file, io.BytesIO)
        self.delivered.append((path_or_file.getvalue(), options))
        return "key"


async def test_in_a_terminal_nothing_is_delivered(folder: Path) -> None:
    app = Recorder(web=False)
    async with app.run_test():
        assert app.is_web is False
        assert offer_certificate_files(app, folder) is False
    assert app.delivered == []


async def test_a_real_terminal_app_is_not_web(folder: Path) -> None:
    """Not the recorder: Textual's own is_web under Pilot (headless driver)."""
    app: App[None] = App()
    async with app.run_test():
        assert offer_certificate_files(app, folder) is False


async def test_in_the_browser_the_folder_is_zipped_and_delivered(folder: Path) -> None:
    app = Recorder(web=True)
    async with app.run_test():
        assert offer_certificate_files(app, folder) is True
    [(data, options)] = app.delivered
    assert options["save_filename"] == f"mgcert-certificate-{SERIAL:x}.zip"
    assert options["mime_type"] == "application/zip"
    assert options["open_method"] == "download"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        prefix = "NPKI/yessign/USER/cn=홍길동()0011045,ou=MG,o=yessign"
        assert names == [f"{prefix}/signCert.der", f"{prefix}/signPri.key"]
        assert archive.read(f"{prefix}/signPri.key") == b"encrypted key bytes"
        assert archive.read(f"{prefix}/signCert.der") == (folder / "signCert.der").read_bytes()
        modes = {info.filename: (info.external_attr >> 16) & 0o777 for info in archive.infolist()}
    assert modes[f"{prefix}/signPri.key"] == 0o600
    assert modes[f"{prefix}/signCert.der"] == 0o644


def test_a_km_pair_goes_along_but_not_half_of_one(folder: Path) -> None:
    (folder / "kmCert.der").write_bytes(b"km cert")
    names = zipfile.ZipFile(io.BytesIO(certificate_zip(folder))).namelist()
    assert not any(name.endswith("kmCert.der") for name in names)
    (folder / "kmPri.key").write_bytes(b"km key")
    names = zipfile.ZipFile(io.BytesIO(certificate_zip(folder))).namelist()
    assert [name.rsplit("/", 1)[1] for name in names] == [
        "signCert.der",
        "signPri.key",
        "kmCert.der",
        "kmPri.key",
    ]


def test_a_symlinked_key_is_not_followed(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "elsewhere.key"
    secret.write_bytes(b"not this")
    (folder / "signPri.key").unlink()
    os.symlink(secret, folder / "signPri.key")
    with pytest.raises(CertificateFilesMissing, match="내려받을 인증서 파일"):
        certificate_zip(folder)


async def test_a_folder_without_the_pair_says_so_in_korean(tmp_path: Path) -> None:
    app = Recorder(web=True)
    async with app.run_test():
        with pytest.raises(CertificateFilesMissing, match=r"signCert\.der"):
            offer_certificate_files(app, tmp_path)
    assert app.delivered == []


def test_an_unreadable_certificate_still_gets_an_ascii_name(folder: Path) -> None:
    (folder / "signCert.der").write_bytes(b"not DER")
    name = download_name(folder)
    assert name.isascii()
    assert name.startswith("mgcert-certificate-")
    assert name.endswith(".zip")


def test_outside_an_npki_tree_the_folder_name_is_the_prefix(tmp_path: Path) -> None:
    assert archive_folder(tmp_path / "cn=x") == "cn=x"
