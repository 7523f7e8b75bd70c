"""Folder layouts real software scans: what is written under a root in each layout is
found by PyPinkSign's own discovery (``get_npki_path`` + ``choose_cert``) with its
platform and HOME pointed at that root, and by mgcert's."""

from __future__ import annotations

import inspect
from pathlib import Path

import pypinksign.pypinksign as pinksign_module
import pytest
from cryptography.hazmat.primitives import serialization
from npki_testkit import FAST_ITERATIONS, PASSWORD, certificate_for, shared_key
from pypinksign import choose_cert, get_npki_path

from mgcert.errors import MgcertError
from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.layouts import (
    FolderLayout,
    UnknownFolderLayout,
    medium_root,
    npki_folder,
)
from mgcert.npki.storage import discover, write_certificate

ORG = "MGSIM"
CN = "홍길동()0045000000122026112401"
FOLDER = f"cn={CN},ou=MG,ou=personal4IB,o={ORG},c=kr"
CERTIFICATE = certificate_for(shared_key(0), cn=CN)
CERT_DER = CERTIFICATE.public_bytes(serialization.Encoding.DER)
KEY_DER = encrypt_private_key(shared_key(0), PASSWORD, new_random_num(), iterations=FAST_ITERATIONS)

# Where each layout puts the NPKI folder (NPKI.md "Where software looks").
DOCUMENTED = {
    FolderLayout.WINDOWS: "AppData/LocalLow/NPKI",
    FolderLayout.MACOS: "Library/Preferences/NPKI",
    FolderLayout.LINUX: "NPKI",
    FolderLayout.ANDROID: "NPKI",
    FolderLayout.REMOVABLE: "NPKI",
}
# PyPinkSign's platform names for the layouts its get_npki_path scans.
PYPINKSIGN_PLATFORMS = {
    FolderLayout.WINDOWS: "win32",
    FolderLayout.MACOS: "darwin",
    FolderLayout.LINUX: "linux",
}


def _write(root: Path, layout: FolderLayout) -> Path:
    return write_certificate(medium_root(root, layout), ORG, FOLDER, CERT_DER, KEY_DER)


@pytest.mark.parametrize("layout", list(FolderLayout), ids=lambda layout: layout.value)
def test_the_npki_folder_of_each_layout(tmp_path: Path, layout: FolderLayout) -> None:
    assert npki_folder(tmp_path, layout) == tmp_path / DOCUMENTED[layout]
    assert npki_folder(tmp_path, layout.value) == tmp_path / DOCUMENTED[layout]
    assert medium_root(tmp_path, layout) / "NPKI" == npki_folder(tmp_path, layout)

    folder = _write(tmp_path, layout)

    assert folder == tmp_path / DOCUMENTED[layout] / ORG / "USER" / FOLDER
    (stored,) = discover(medium_root(tmp_path, layout)).certificates
    assert stored.folder == folder


@pytest.mark.parametrize(
    "layout", list(PYPINKSIGN_PLATFORMS), ids=lambda layout: PYPINKSIGN_PLATFORMS[layout]
)
def test_pypinksign_finds_it_where_it_looks_on_that_platform(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: FolderLayout
) -> None:
    home = tmp_path / "home"
    _write(home, layout)
    monkeypatch.setattr(pinksign_module, "_platform", PYPINKSIGN_PLATFORMS[layout])
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)  # win32's first guess, "C:/Program Files/NPKI/", is relative here

    assert Path(get_npki_path()) == npki_folder(home, layout)
    found = choose_cert(cn="홍길동", pw=PASSWORD.encode())  # its own default path

    assert found.pub_cert.serial_number == CERTIFICATE.serial_number
    signature = found.sign(b"login challenge")
    assert found.verify(signature, b"login challenge")


def test_pypinksign_on_macos_prefers_documents_then_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its darwin list is ~/Documents/NPKI, ~/NPKI, ~/Library/Preferences/NPKI: a macOS
    layout is found only while the other two do not exist."""
    home = tmp_path / "home"
    _write(home, FolderLayout.MACOS)
    (home / "NPKI").mkdir()
    monkeypatch.setattr(pinksign_module, "_platform", "darwin")
    monkeypatch.setenv("HOME", str(home))

    assert Path(get_npki_path()) == home / "NPKI"


@pytest.mark.parametrize(
    "layout", [FolderLayout.ANDROID, FolderLayout.REMOVABLE], ids=lambda layout: layout.value
)
def test_layouts_pypinksign_does_not_scan(tmp_path: Path, layout: FolderLayout) -> None:
    """PyPinkSign's get_npki_path knows no Android storage and no removable drives ("This
    function can't manage certificates in portable storage"): for these the path is the
    documented one (``/sdcard/NPKI/<CA>/USER``, ``<drive>:\\NPKI``), and choose_cert finds
    the certificate when given that NPKI folder as its base path."""
    sdcard = tmp_path / "sdcard"
    _write(sdcard, layout)

    assert npki_folder(sdcard, layout) == sdcard / "NPKI"
    found = choose_cert(
        base_path=str(npki_folder(sdcard, layout)), cn="홍길동", pw=PASSWORD.encode()
    )
    assert found.pub_cert.serial_number == CERTIFICATE.serial_number


def test_a_root_must_always_be_given() -> None:
    # Nothing defaults to the user's home: writing there needs it passed in.
    for function in (medium_root, npki_folder):
        assert inspect.signature(function).parameters["root"].default is inspect.Parameter.empty


@pytest.mark.parametrize("name", ["Windows", "ios", "", "linux "])
def test_an_unknown_layout_gets_a_korean_message(tmp_path: Path, name: str) -> None:
    with pytest.raises(UnknownFolderLayout) as caught:
        npki_folder(tmp_path, name)
    assert isinstance(caught.value, MgcertError)
    assert "알 수 없는 폴더 배치" in str(caught.value)
    assert "windows, macos, linux, android, removable" in str(caught.value)


def test_layout_names() -> None:
    assert [layout.value for layout in FolderLayout] == [
        "windows",
        "macos",
        "linux",
        "android",
        "removable",
    ]
    assert FolderLayout.parse("macos") is FolderLayout.MACOS
    assert FolderLayout.parse(FolderLayout.LINUX) is FolderLayout.LINUX
