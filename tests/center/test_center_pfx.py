"""PFX 내보내기 / 가져오기: the randomNum travels, the VID still verifies, nothing is
overwritten, and every refusal is a typed error that leaves the media as they were."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from center_support import KIM, PARK, PASSWORD, demo_entry, harddisk, issue, phone
from cryptography.hazmat import asn1 as der
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from mgcert.center import CertificateCenter, KeyWithoutRandomNum, MediumKind, MediumUnavailable
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.center.pfx import (
    PfxAlreadyOnMedium,
    PfxFileExists,
    PfxFileNotFound,
    PfxFileUnreadable,
    PfxFolderMissing,
    PfxPasswordEmpty,
    PfxPathEmpty,
    PfxWithoutRandomNum,
    WeakPfxPassword,
)
from mgcert.npki import pfx_asn1, storage
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key, encrypt_private_key
from mgcert.npki.password_rule import PasswordMismatch, WeakPassword
from mgcert.npki.pfx import MAX_PFX_SIZE, MalformedPfx, PfxTooLarge, WrongPfxPassword, pfx_bytes
from mgcert.npki.storage import CertificateFolderExists
from mgcert.npki.vid import verify_vid

PFX_PASSWORD = "Pfx#Export2026"
IMPORTED_PASSWORD = "Imported#2026pw"


def rrn_digits(rrn: str) -> str:
    return rrn.replace("-", "")


def export_demo(center: CertificateCenter, target: Path | str) -> Path:
    return center.export_pfx(
        demo_entry(center), DEMO_CERTIFICATE_PASSWORD, PFX_PASSWORD, PFX_PASSWORD, target
    ).path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for PFX files (tmp_path also holds the data home)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


# --- export ------------------------------------------------------------------------------------


def test_export_then_import_keeps_the_random_num_and_the_vid(
    center: CertificateCenter, out: Path
) -> None:
    demo = demo_entry(center)
    original = decrypt_private_key(demo.stored.key_path.read_bytes(), DEMO_CERTIFICATE_PASSWORD)
    result = center.export_pfx(
        demo, DEMO_CERTIFICATE_PASSWORD, PFX_PASSWORD, PFX_PASSWORD, out / "park.pfx"
    )
    assert result.path == out / "park.pfx"
    assert result.serial_hex == demo.serial_hex
    assert result.chain_length == 2
    assert stat.S_IMODE(result.path.stat().st_mode) == 0o600
    assert [p.name for p in out.iterdir()] == ["park.pfx"]  # no temp file left

    loaded = pkcs12.load_pkcs12(result.path.read_bytes(), PFX_PASSWORD.encode("ascii"))
    assert loaded.cert is not None
    assert loaded.cert.certificate == demo.stored.certificate
    assert [c.certificate for c in loaded.additional_certs] == [
        center.mg_ca.issuing_certificate,
        center.mg_ca.root_certificate,
    ]

    imported = center.import_pfx(
        result.path, PFX_PASSWORD, IMPORTED_PASSWORD, IMPORTED_PASSWORD, phone(center)
    )
    assert imported.location.kind is MediumKind.PHONE
    assert imported.stored.cert_der == demo.stored.cert_der
    assert imported.stored.folder.name == demo.stored.folder.name
    key = decrypt_private_key(imported.stored.key_path.read_bytes(), IMPORTED_PASSWORD)
    assert key.random_num == original.random_num
    assert key.private_key.private_numbers() == original.private_key.private_numbers()
    assert key.iterations == center.key_protection.iterations
    assert key.random_num is not None
    assert verify_vid(imported.stored.certificate, rrn_digits(PARK.rrn), key.random_num)
    assert not verify_vid(imported.stored.certificate, rrn_digits(KIM.rrn), key.random_num)
    assert stat.S_IMODE(imported.stored.key_path.stat().st_mode) == 0o600
    with pytest.raises(WrongKeyPassword):
        decrypt_private_key(imported.stored.key_path.read_bytes(), PFX_PASSWORD)


def test_the_pfx_uses_the_centers_kdf_count(center: CertificateCenter, out: Path) -> None:
    path = export_demo(center, out / "park.pfx")
    pfx = der.decode_der(pfx_asn1.Pfx, path.read_bytes())
    assert pfx.mac_data is not None
    assert pfx.mac_data.iterations == center.key_protection.iterations


def test_an_existing_file_is_never_replaced(center: CertificateCenter, out: Path) -> None:
    target = out / "taken.pfx"
    target.write_bytes(b"someone else's file")
    with pytest.raises(PfxFileExists) as raised:
        export_demo(center, target)
    assert "이미 있어 저장하지 않았습니다" in str(raised.value)
    assert str(target) in str(raised.value)
    assert target.read_bytes() == b"someone else's file"
    link = out / "link.pfx"
    link.symlink_to(out / "nowhere.pfx")
    with pytest.raises(PfxFileExists):
        export_demo(center, link)
    assert not (out / "nowhere.pfx").exists()


def test_a_file_appearing_meanwhile_is_not_replaced(
    center: CertificateCenter, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = out / "race.pfx"
    real_link = os.link

    def other_writer_first(src: str, dst: str, **kwargs: object) -> None:
        Path(dst).write_bytes(b"theirs")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", other_writer_first)
    with pytest.raises(PfxFileExists):
        export_demo(center, target)
    assert target.read_bytes() == b"theirs"
    assert sorted(p.name for p in out.iterdir()) == ["race.pfx"]


def test_without_hard_links_the_file_is_renamed_into_place(
    center: CertificateCenter, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: str, dst: str, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "FAT has no hard links")

    monkeypatch.setattr(os, "link", no_links)
    path = export_demo(center, out / "fat.pfx")
    assert pkcs12.load_pkcs12(path.read_bytes(), PFX_PASSWORD.encode("ascii")).key is not None
    assert sorted(p.name for p in out.iterdir()) == ["fat.pfx"]


def test_a_folder_target_gets_the_suggested_name(center: CertificateCenter, out: Path) -> None:
    demo = demo_entry(center)
    path = export_demo(center, out)
    assert path == out / center.suggested_pfx_name(demo)
    assert path.name == f"박지훈_{demo.serial_hex}.pfx"


def test_export_refusals(center: CertificateCenter, out: Path) -> None:
    demo = demo_entry(center)
    target = out / "park.pfx"
    with pytest.raises(WrongKeyPassword):
        center.export_pfx(demo, "Wrong#pass2026", PFX_PASSWORD, PFX_PASSWORD, target)
    with pytest.raises(PfxPasswordEmpty):
        center.export_pfx(demo, DEMO_CERTIFICATE_PASSWORD, "", "", target)
    with pytest.raises(WeakPfxPassword) as weak:
        center.export_pfx(demo, DEMO_CERTIFICATE_PASSWORD, "short1!", "short1!", target)
    assert "PFX 비밀번호" in str(weak.value)
    assert "10자리 이상" in str(weak.value)
    assert isinstance(weak.value, WeakPassword)
    with pytest.raises(PasswordMismatch):
        center.export_pfx(demo, DEMO_CERTIFICATE_PASSWORD, PFX_PASSWORD, PFX_PASSWORD + "x", target)
    with pytest.raises(PfxFolderMissing):
        export_demo(center, out / "no-such-folder" / "park.pfx")
    for blank in ("", "  "):  # never "." (the current folder) by accident
        with pytest.raises(PfxPathEmpty):
            export_demo(center, blank)
    assert list(out.iterdir()) == []


def test_a_key_without_random_num_is_not_exported(center: CertificateCenter, out: Path) -> None:
    demo = demo_entry(center)
    opened = decrypt_private_key(demo.stored.key_path.read_bytes(), DEMO_CERTIFICATE_PASSWORD)
    storage.replace_key_file(
        demo.stored,
        encrypt_private_key(opened.private_key, DEMO_CERTIFICATE_PASSWORD, None, iterations=2048),
    )
    with pytest.raises(KeyWithoutRandomNum):
        export_demo(center, out / "park.pfx")
    assert list(out.iterdir()) == []


# --- import -----------------------------------------------------------------------------------


def test_a_pfx_without_random_num_is_refused(center: CertificateCenter, out: Path) -> None:
    demo = demo_entry(center)
    opened = decrypt_private_key(demo.stored.key_path.read_bytes(), DEMO_CERTIFICATE_PASSWORD)
    plain = out / "plain.pfx"
    plain.write_bytes(pfx_bytes(demo.stored.certificate, opened.private_key, None, PFX_PASSWORD))
    with pytest.raises(PfxWithoutRandomNum) as raised:
        center.import_pfx(plain, PFX_PASSWORD, IMPORTED_PASSWORD, IMPORTED_PASSWORD, phone(center))
    assert "randomNum" in str(raised.value)
    assert "주민등록번호" in str(raised.value)
    assert files_under(phone(center).root) == []


def test_import_refusals_leave_the_medium_untouched(center: CertificateCenter, out: Path) -> None:
    path = export_demo(center, out / "park.pfx")
    target = phone(center)

    def attempt(
        source: Path, pfx_password: str = PFX_PASSWORD, new: str = IMPORTED_PASSWORD
    ) -> None:
        center.import_pfx(source, pfx_password, new, new, target)

    with pytest.raises(WrongPfxPassword):
        attempt(path, pfx_password="Wrong#pass2026")
    with pytest.raises(WeakPassword):
        attempt(path, new="weak")
    with pytest.raises(PfxFileNotFound):
        attempt(out / "missing.pfx")
    with pytest.raises(PfxPathEmpty):
        center.import_pfx("", PFX_PASSWORD, IMPORTED_PASSWORD, IMPORTED_PASSWORD, target)
    with pytest.raises(PfxFileUnreadable):
        attempt(out)
    garbage = out / "garbage.pfx"
    garbage.write_bytes(b"\x30\x03\x02\x01\x03")
    with pytest.raises(MalformedPfx):
        attempt(garbage)
    huge = out / "huge.pfx"
    huge.write_bytes(bytes(MAX_PFX_SIZE + 1))
    with pytest.raises(PfxTooLarge):
        attempt(huge)
    fifo = out / "fifo.pfx"
    os.mkfifo(fifo)
    with pytest.raises(PfxFileUnreadable):
        attempt(fifo)
    with pytest.raises(MediumUnavailable):
        center.import_pfx(
            path,
            PFX_PASSWORD,
            IMPORTED_PASSWORD,
            IMPORTED_PASSWORD,
            center.medium(MediumKind.TOKEN),
        )
    assert files_under(target.root) == []


def test_the_same_certificate_on_the_medium_is_refused(
    center: CertificateCenter, out: Path
) -> None:
    demo = demo_entry(center)
    path = export_demo(center, out / "park.pfx")
    key_before = demo.stored.key_path.read_bytes()
    with pytest.raises(PfxAlreadyOnMedium) as raised:
        center.import_pfx(
            path, PFX_PASSWORD, IMPORTED_PASSWORD, IMPORTED_PASSWORD, harddisk(center)
        )
    assert "하드디스크에 이미 있어" in str(raised.value)
    assert demo.stored.key_path.read_bytes() == key_before  # the old password still opens it


def test_another_certificate_in_the_folder_is_refused(center: CertificateCenter, out: Path) -> None:
    demo = demo_entry(center)
    path = export_demo(center, out / "park.pfx")
    # Something else already sits in the folder this certificate would take on the phone.
    other = issue(center, KIM, location=phone(center))
    folder = phone(center).root / "NPKI" / demo.stored.ca_folder / "USER"
    squatter = folder / demo.stored.folder.name
    (folder / other.folder.name).rename(squatter)
    with pytest.raises(CertificateFolderExists):
        center.import_pfx(path, PFX_PASSWORD, IMPORTED_PASSWORD, IMPORTED_PASSWORD, phone(center))
    assert (squatter / storage.KEY_FILE).read_bytes() != b""
    assert decrypt_private_key((squatter / storage.KEY_FILE).read_bytes(), PASSWORD)


def test_imported_certificate_passes_the_login_check(center: CertificateCenter, out: Path) -> None:
    path = export_demo(center, out / "park.pfx")
    imported = center.import_pfx(
        path, PFX_PASSWORD, IMPORTED_PASSWORD, IMPORTED_PASSWORD, phone(center)
    )
    report = center.login_check(imported, IMPORTED_PASSWORD)
    assert report.ok, report


def test_an_other_institution_certificate_round_trips(center: CertificateCenter, out: Path) -> None:
    other = center.simulator.make_other_institution_certificate(
        KIM.customer_id, harddisk(center), PASSWORD
    )
    result = center.export_pfx(other, PASSWORD, PFX_PASSWORD, PFX_PASSWORD, out / "o.pfx")
    loaded = pkcs12.load_pkcs12(result.path.read_bytes(), PFX_PASSWORD.encode("ascii"))
    assert [c.certificate for c in loaded.additional_certs] == [
        center.other_ca.issuing_certificate,
        center.other_ca.root_certificate,
    ]
    imported = center.import_pfx(
        result.path, PFX_PASSWORD, IMPORTED_PASSWORD, IMPORTED_PASSWORD, phone(center)
    )
    assert imported.stored.cert_der == other.stored.cert_der
    assert imported.issuer_org == other.issuer_org
    key = decrypt_private_key(imported.stored.key_path.read_bytes(), IMPORTED_PASSWORD)
    assert key.random_num is not None
    assert verify_vid(imported.stored.certificate, rrn_digits(KIM.rrn), key.random_num)
    assert imported.stored.cert_der == other.stored.certificate.public_bytes(
        serialization.Encoding.DER
    )
