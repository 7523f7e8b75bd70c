"""복사 / 가져오기 onto a medium whose folder of that name is already taken.

A copy of the same certificate already there is refused and left as it is (even with a
newer password); an import of it is a no-op; another certificate in the way is refused
and left untouched (more in test_center_copy_safety.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from center_support import KIM, NEW_PASSWORD, demo_entry, entry, issue, phone

from mgcert.center import (
    CertificateAlreadyOnMedium,
    CertificateCenter,
    CertificateEntry,
    CopyTargetOccupied,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.npki import storage
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key
from mgcert.npki.storage import CertificateFolderExists


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _copy_with_newer_password(center: CertificateCenter) -> CertificateEntry:
    """The demo certificate on the phone, whose copy there has a new password."""
    copied = center.copy_certificate(demo_entry(center), phone(center))
    center.change_password(copied, DEMO_CERTIFICATE_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    return center.refresh(copied)


def _other_certificate_in_the_demo_folder(center: CertificateCenter) -> Path:
    """Another certificate's files in a phone folder named like the demo certificate's."""
    other = entry(center, issue(center, KIM).serial_hex)
    taken = phone(center).root / "NPKI" / other.stored.ca_folder / "USER"
    taken = taken / demo_entry(center).stored.folder.name
    taken.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(other.stored.folder, taken)
    return taken


def _refused_message(folder: Path) -> str:
    return f"저장매체의 같은 이름 폴더에 다른 인증서가 이미 있어 저장하지 않았습니다: {folder}"


def test_copying_again_is_refused_and_keeps_the_copy_that_is_there(
    center: CertificateCenter,
) -> None:
    on_phone = _copy_with_newer_password(center)
    before = _files(on_phone.stored.folder)

    with pytest.raises(CertificateAlreadyOnMedium) as raised:
        center.copy_certificate(demo_entry(center), phone(center))

    assert raised.value.folder == on_phone.stored.folder
    assert _files(on_phone.stored.folder) == before
    decrypt_private_key(storage.read_key_file(on_phone.stored), NEW_PASSWORD)
    with pytest.raises(WrongKeyPassword):
        decrypt_private_key(storage.read_key_file(on_phone.stored), DEMO_CERTIFICATE_PASSWORD)


def test_copy_refuses_another_certificate_in_the_way(center: CertificateCenter) -> None:
    taken = _other_certificate_in_the_demo_folder(center)
    before = _files(taken)

    with pytest.raises(CopyTargetOccupied) as caught:
        center.copy_certificate(demo_entry(center), phone(center))

    assert caught.value.occupant.stored.folder == taken
    assert _files(taken) == before
    decrypt_private_key(storage.read_key_file(demo_entry(center).stored), DEMO_CERTIFICATE_PASSWORD)


def test_import_onto_the_same_certificate_keeps_the_copy_that_is_there(
    center: CertificateCenter,
) -> None:
    on_phone = _copy_with_newer_password(center)
    before = _files(on_phone.stored.folder)
    ticket = center.export_certificate(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)

    imported = center.import_certificate(ticket.code, phone(center))

    assert imported.stored.folder == on_phone.stored.folder
    assert _files(on_phone.stored.folder) == before
    decrypt_private_key(storage.read_key_file(imported.stored), NEW_PASSWORD)


def test_import_refuses_another_certificate_in_the_way_and_keeps_the_code(
    center: CertificateCenter, tmp_path: Path
) -> None:
    taken = _other_certificate_in_the_demo_folder(center)
    before = _files(taken)
    demo = demo_entry(center)
    ticket = center.export_certificate(demo, DEMO_CERTIFICATE_PASSWORD)

    with pytest.raises(CertificateFolderExists) as caught:
        center.import_certificate(ticket.code, phone(center))

    assert str(caught.value) == _refused_message(taken)
    assert _files(taken) == before
    # Nothing was imported, so the code still works on another medium.
    usb = tmp_path / "usb"
    usb.mkdir()
    imported = center.import_certificate(ticket.code, center.removable(usb))
    assert imported.serial == demo.serial
    decrypt_private_key(storage.read_key_file(imported.stored), DEMO_CERTIFICATE_PASSWORD)
