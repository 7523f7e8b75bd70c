"""One media capability table (center/media.py) that the picker, copy and import read;
copy and import can target a chosen USB folder (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from center_support import demo_entry

from mgcert.center import CertificateCenter, MediumKind, MediumUnavailable, media
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD


def test_the_table_covers_every_medium_kind_once() -> None:
    assert [row.kind for row in media.MEDIA_TABLE] == list(MediumKind)
    token = media.capability(MediumKind.TOKEN)
    assert (token.available, token.listed, token.copy_target, token.import_target) == (
        False, False, False, False,
    )  # fmt: skip
    assert [row.kind for row in media.MEDIA_TABLE if row.needs_folder] == [MediumKind.REMOVABLE]
    assert MediumKind.TOKEN not in media.listed_kinds()
    assert MediumKind.TOKEN not in media.copy_target_kinds()
    assert media.IMPORT_DEFAULT in media.import_target_kinds()


def test_changing_the_table_changes_what_copy_and_import_accept(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = tuple(
        media.MediumCapability(
            r.kind, r.needs_folder, r.available, r.listed, False, r.import_target
        )
        if r.kind is MediumKind.PHONE
        else r
        for r in media.MEDIA_TABLE
    )
    monkeypatch.setattr(media, "MEDIA_TABLE", rows)
    assert MediumKind.PHONE not in media.copy_target_kinds()
    with pytest.raises(MediumUnavailable):
        center.copy_certificate(demo_entry(center), center.medium(MediumKind.PHONE))


def test_copy_and_import_to_a_chosen_usb_folder(center: CertificateCenter, tmp_path: Path) -> None:
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    demo = demo_entry(center)
    copied = center.copy_certificate(demo, center.medium_at(MediumKind.REMOVABLE, usb))
    assert copied.location.root == usb
    assert copied.stored.folder.is_relative_to(usb / "NPKI")

    other = tmp_path / "second-stick"
    other.mkdir()
    ticket = center.export_certificate(demo, DEMO_CERTIFICATE_PASSWORD)
    imported = center.import_certificate(ticket.code, center.medium_at(MediumKind.REMOVABLE, other))
    assert imported.stored.folder.is_relative_to(other / "NPKI")


def test_a_folder_is_ignored_for_media_that_take_none(
    center: CertificateCenter, tmp_path: Path
) -> None:
    assert center.medium_at(MediumKind.PHONE, tmp_path) == center.medium(MediumKind.PHONE)
