"""인증서 관리 → PFX 내보내기 (e) / PFX 가져오기 (i), by keyboard: success, and each refusal
shown inline in Korean while the dialog stays open."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from flow_driver import DEMO_PASSWORD, SIZE, entries, open_menu, text_of
from textual import events
from tui_driver import AppPilot, settle, type_text

from mgcert.center import CertificateCenter, MediumKind
from mgcert.npki.keyfile import decrypt_private_key
from mgcert.npki.pfx import pfx_bytes, read_pfx
from mgcert.npki.vid import verify_vid
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.manage.pfx_export_modal import PfxExportModal
from mgcert.tui.widgets.field_error import FieldError

PFX_PASSWORD = "Pfx#Tui-2026"
NEW_PASSWORD = "Imported#Tui27"
PARK_RRN = "7805121000008"


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The home folder the export dialog offers, inside the test's own folder."""
    folder = tmp_path / "user-home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def field_error(app: MgcertApp) -> str:
    return app.screen.query_one(FieldError).text


async def paste(pilot: AppPilot, text: str) -> None:
    """Paste into the focused field, as a terminal delivers a pasted path (typing 80
    characters key by key costs seconds and tests nothing more)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def fill(pilot: AppPilot, *values: str | Path) -> None:
    """Each value into the focused field (a path pasted, a password typed), then Enter."""
    for value in values:
        if isinstance(value, Path):
            await paste(pilot, str(value))
        else:
            await type_text(pilot, value)
        await pilot.press("enter")
    await settle(pilot)


async def replace_path(pilot: AppPilot, path: Path) -> None:
    """The path field is prefilled: empty it, paste ``path``, Enter (submits)."""
    await pilot.press("end", "ctrl+u")
    await fill(pilot, path)


async def open_export(pilot: AppPilot) -> None:
    await open_menu(pilot, "manage")
    await pilot.press("e")  # the cursor is on the only certificate, 박지훈's
    await settle(pilot)
    assert pilot.app.screen.id == "pfx-export"


async def open_import(pilot: AppPilot) -> None:
    await open_menu(pilot, "manage")
    await pilot.press("i")
    await settle(pilot)
    assert pilot.app.screen.id == "pfx-import"


# --- export ------------------------------------------------------------------------------------


async def test_export_writes_a_pfx_with_the_random_num(
    app: MgcertApp, center: CertificateCenter, out: Path
) -> None:
    demo = center.list_certificates(center.medium(MediumKind.HARDDISK)).entries[0]
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        screen = app.screen
        assert isinstance(screen, PfxExportModal)
        offered = out / center.suggested_pfx_name(demo)
        assert screen.default_path == offered
        await fill(pilot, DEMO_PASSWORD, PFX_PASSWORD, PFX_PASSWORD)
        await pilot.press("enter")  # the offered path as it is
        await settle(pilot)
        assert app.screen.id == "manage"
        notice = " ".join(text_of(app, "#flow-notice").split())
        assert "PFX 파일로 내보냈습니다" in notice
    assert stat.S_IMODE(offered.stat().st_mode) == 0o600
    contents = read_pfx(offered.read_bytes(), PFX_PASSWORD)
    opened = decrypt_private_key(demo.stored.key_path.read_bytes(), DEMO_PASSWORD)
    assert contents.random_num == opened.random_num
    assert contents.random_num is not None
    assert verify_vid(contents.certificate, PARK_RRN, contents.random_num)


async def test_export_refusals_stay_in_the_dialog(
    app: MgcertApp, center: CertificateCenter, out: Path
) -> None:
    taken = out / "taken.pfx"
    taken.write_bytes(b"keep me")
    async with app.run_test(size=SIZE) as pilot:
        await open_export(pilot)
        # Wrong certificate password.
        await fill(pilot, "Wrong#pass99", PFX_PASSWORD, PFX_PASSWORD)
        await replace_path(pilot, out / "a.pfx")
        assert app.screen.id == "pfx-export"
        assert "비밀번호가 올바르지 않습니다" in field_error(app)
        # A PFX password that misses the rule.
        await fill(pilot, DEMO_PASSWORD, "short1!", "short1!")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.id == "pfx-export"
        assert "PFX 비밀번호도 인증서 비밀번호 규칙을 따라야 합니다" in field_error(app)
        # An existing file is never replaced.
        await fill(pilot, DEMO_PASSWORD, PFX_PASSWORD, PFX_PASSWORD)
        await replace_path(pilot, taken)
        assert app.screen.id == "pfx-export"
        assert "같은 이름의 파일이 이미 있어 저장하지 않았습니다" in field_error(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.id == "manage"
    assert taken.read_bytes() == b"keep me"
    assert sorted(p.name for p in out.iterdir()) == ["taken.pfx"]


# --- import ------------------------------------------------------------------------------------


@pytest.fixture
def exported(center: CertificateCenter, out: Path) -> Path:
    demo = center.list_certificates(center.medium(MediumKind.HARDDISK)).entries[0]
    return center.export_pfx(demo, DEMO_PASSWORD, PFX_PASSWORD, PFX_PASSWORD, out / "park.pfx").path


async def test_import_to_the_phone(
    app: MgcertApp, center: CertificateCenter, exported: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot)
        await fill(pilot, exported, PFX_PASSWORD, NEW_PASSWORD)
        await type_text(pilot, NEW_PASSWORD)
        # To the medium choice: 하드디스크 is chosen; 휴대폰 comes third.
        await pilot.press("tab", "down", "down", "enter", "tab", "enter")
        await settle(pilot)
        assert app.screen.id == "manage"
        notice = " ".join(text_of(app, "#flow-notice").split())
        assert "휴대폰에 저장했습니다" in notice
    assert entries(center, MediumKind.PHONE) == ["박지훈"]
    imported = center.list_certificates(center.medium(MediumKind.PHONE)).entries[0]
    key = decrypt_private_key(imported.stored.key_path.read_bytes(), NEW_PASSWORD)
    assert key.random_num is not None
    assert verify_vid(imported.stored.certificate, PARK_RRN, key.random_num)


async def test_import_refusals_stay_in_the_dialog(
    app: MgcertApp, center: CertificateCenter, exported: Path, out: Path
) -> None:
    demo = center.list_certificates(center.medium(MediumKind.HARDDISK)).entries[0]
    opened = decrypt_private_key(demo.stored.key_path.read_bytes(), DEMO_PASSWORD)
    plain = out / "plain.pfx"
    plain.write_bytes(pfx_bytes(demo.stored.certificate, opened.private_key, None, PFX_PASSWORD))
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot)
        # Wrong PFX password.
        await fill(pilot, exported, "Wrong#pass99", NEW_PASSWORD, NEW_PASSWORD)
        assert app.screen.id == "pfx-import"
        assert "PFX 파일 비밀번호가 올바르지 않습니다" in field_error(app)
        # A PFX without randomNum: refused, and the message says why.
        await pilot.press("shift+tab")  # back to the path field (keeps its text)
        await pilot.press("end", "ctrl+u")
        await fill(pilot, plain, PFX_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
        assert app.screen.id == "pfx-import"
        error = field_error(app)
        assert "randomNum" in error
        assert "주민등록번호" in error
        # The same certificate on the medium chosen (하드디스크, the default).
        await pilot.press("shift+tab")
        await pilot.press("end", "ctrl+u")
        await fill(pilot, exported, PFX_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
        assert app.screen.id == "pfx-import"
        assert "하드디스크에 이미 있어 가져오지 않았습니다" in field_error(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.id == "manage"
    assert entries(center, MediumKind.PHONE) == []
    assert decrypt_private_key(demo.stored.key_path.read_bytes(), DEMO_PASSWORD)
