"""복사 and 가져오기 to a chosen USB folder, remembered for the next choice; 복사 onto a
medium that already holds the certificate is refused in the dialog (issue 14 points 11
and 12)."""

from __future__ import annotations

from pathlib import Path

from flow_driver import open_menu, text_of
from textual.widgets import Input, RadioSet
from tui_driver import AppPilot, settle, type_text

from mgcert.center import CertificateCenter, MediumKind
from mgcert.tui.app import MgcertApp
from mgcert.tui.widgets.folder_field import FolderField

SIZE = (100, 36)


def certificates_under(root: Path) -> list[Path]:
    return sorted(root.rglob("signCert.der"))


async def copy_to_usb(pilot: AppPilot, folder: Path) -> None:
    """인증서 관리 → c → 이동식디스크 (the first choice) → its folder → 복사."""
    await pilot.press("c")
    await settle(pilot)
    field = pilot.app.screen.query_one("#copy-folder-input", Input)
    field.value = ""
    field.focus()
    await type_text(pilot, str(folder))
    await pilot.press("enter")
    await settle(pilot)


async def test_copy_to_a_chosen_usb_folder_and_the_folder_is_offered_again(
    app: MgcertApp, center: CertificateCenter, tmp_path: Path
) -> None:
    stick = tmp_path / "my-usb"
    stick.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "manage")
        await copy_to_usb(pilot, stick)
        assert app.screen.id == "manage"
        assert [p.parent.name.split("()")[0] for p in certificates_under(stick)] == ["cn=박지훈"]
        assert "이동식디스크에 복사했습니다" in text_of(app, "#flow-notice")
        # The next copy offers the same folder.
        await pilot.press("c")
        await settle(pilot)
        assert app.screen.query_one("#copy-folder-input", Input).value == str(stick)


async def test_copy_onto_a_medium_that_holds_it_already_is_refused_in_the_dialog(
    app: MgcertApp, center: CertificateCenter, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "manage")
        await copy_to_usb(pilot, stick)
        before = {p: p.read_bytes() for p in stick.rglob("*") if p.is_file()}
        await copy_to_usb(pilot, stick)
        assert app.screen.id == "copy"  # the dialog stays, saying why
        assert "이미" in text_of(app, "FieldError")
        assert {p: p.read_bytes() for p in stick.rglob("*") if p.is_file()} == before


async def test_the_folder_row_shows_only_for_the_usb_stick(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "manage")
        await pilot.press("c")
        await settle(pilot)
        row = app.screen.query_one(FolderField)
        assert row.display  # 이동식디스크 is the first choice
        await pilot.press("down")  # 휴대폰
        await settle(pilot)
        assert not row.display
        pressed = app.screen.query_one("#copy-target", RadioSet).pressed_button
        assert pressed is not None
        assert pressed.name == MediumKind.PHONE.name
