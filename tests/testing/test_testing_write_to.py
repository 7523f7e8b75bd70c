"""NpkiCertificate.write_to and to_pfx: the folders and files other software looks for.

Also the project's own use of the plugin: these tests take ``npki_cert`` and
``npki_ca`` from mgcert's pytest plugin, as another project would.
"""

from __future__ import annotations

from pathlib import Path

import pypinksign
import pytest
from pypinksign import choose_cert, get_npki_path
from testing_support import openssl

from mgcert.npki.keyfile import decrypt_private_key
from mgcert.npki.layouts import npki_folder
from mgcert.npki.pfx import read_pfx
from mgcert.npki.vid import verify_vid
from mgcert.testing import NpkiCA, NpkiCertificate, TargetFolderTaken

PYPINKSIGN_PLATFORMS = {"windows": "win32", "macos": "darwin", "linux": "linux"}


@pytest.mark.parametrize("layout", list(PYPINKSIGN_PLATFORMS))
def test_pypinksign_finds_a_written_fixture_where_it_looks(
    npki_cert: NpkiCertificate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str
) -> None:
    home = tmp_path / "home"
    folder = npki_cert.write_to(home, layout=layout)
    assert folder.parent.parent.parent == npki_folder(home, layout)
    monkeypatch.setattr(pypinksign.pypinksign, "_platform", PYPINKSIGN_PLATFORMS[layout])
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    assert Path(get_npki_path()) == npki_folder(home, layout)
    found = choose_cert(cn=npki_cert.name, pw=npki_cert.password.encode())
    assert found.pub_cert.serial_number == npki_cert.serial


@pytest.mark.parametrize("layout", ["android", "removable"])
def test_sd_card_and_drive_roots(npki_cert: NpkiCertificate, tmp_path: Path, layout: str) -> None:
    folder = npki_cert.write_to(tmp_path / "sd", layout=layout)
    assert folder.parent.parent.parent == tmp_path / "sd" / "NPKI"
    found = choose_cert(
        base_path=str(tmp_path / "sd" / "NPKI"), cn=npki_cert.name, pw=npki_cert.password.encode()
    )
    assert found.pub_cert.serial_number == npki_cert.serial


def test_writing_twice_is_harmless_and_a_stranger_in_the_way_is_refused(
    npki_ca: NpkiCA, npki_cert: NpkiCertificate, tmp_path: Path
) -> None:
    first = npki_cert.write_to(tmp_path / "usb", layout="removable")
    assert npki_cert.write_to(tmp_path / "usb", layout="removable") == first
    # Another certificate with this folder name: same name and CN tail are impossible
    # from one CA, so plant a different signCert.der where the folder would go.
    (first / "signCert.der").write_bytes(npki_ca.issue().cert_der)
    with pytest.raises(TargetFolderTaken, match="이미"):
        npki_cert.write_to(tmp_path / "usb", layout="removable")


def test_a_pfx_keeps_the_random_num_and_reimports(
    npki_cert: NpkiCertificate, tmp_path: Path
) -> None:
    path = npki_cert.to_pfx(tmp_path / "cert.pfx", "Pfx-pass-2026!")
    assert path.stat().st_mode & 0o777 == 0o600
    shown = openssl(
        "pkcs12", "-info", "-nodes", "-in", path, "-passin", "env:PW", env={"PW": "Pfx-pass-2026!"}
    )
    assert shown.returncode == 0, shown.stderr
    assert "1.2.410.200004.10.1.1.3" in shown.stdout + shown.stderr
    contents = read_pfx(path.read_bytes(), "Pfx-pass-2026!")
    assert contents.random_num == npki_cert.random_num
    assert contents.random_num is not None
    assert npki_cert.rrn is not None
    assert verify_vid(contents.certificate, npki_cert.rrn, contents.random_num)


def test_the_plugin_fixture_is_a_fresh_valid_general_certificate(
    npki_ca: NpkiCA, npki_cert: NpkiCertificate, tmp_path: Path
) -> None:
    assert npki_cert.kind == "general"
    assert npki_cert.folder.is_relative_to(tmp_path)
    assert npki_ca.status(npki_cert) == "good"
    opened = decrypt_private_key(npki_cert.key_path.read_bytes(), npki_cert.password)
    assert opened.random_num == npki_cert.random_num
