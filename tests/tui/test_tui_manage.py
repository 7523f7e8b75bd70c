"""인증서 관리: details, 암호 변경, 복사, 삭제 (confirmed), 폐기 (confirmed, CRL lists it)."""

from __future__ import annotations

from flow_driver import (
    DEMO_PASSWORD,
    SIZE,
    enter_password,
    entries,
    open_menu,
    pick,
    table_text,
    text_of,
)
from tui_driver import GOOD_PASSWORD, settle, type_text

from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, CertificateEntry, EntryStatus, MediumKind
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.manage.details_modal import DetailsModal

NEW_PASSWORD = "Fresh#Pass2027"


def demo_entry(
    center: CertificateCenter, kind: MediumKind = MediumKind.HARDDISK
) -> CertificateEntry:
    return center.list_certificates(center.medium(kind)).entries[0]


async def test_details_show_every_field_with_folder_and_fingerprint(
    app: MgcertApp, center: CertificateCenter
) -> None:
    details = center.details(demo_entry(center))
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "manage")
        await pick(pilot, lambda e: e.name == "박지훈")
        assert isinstance(app.screen, DetailsModal)
        shown = table_text(app, "#details-table").replace("\n", "")
        for needle in (details.sha256_fingerprint[:20], details.serial_hex, "SHA-256 지문"):
            assert needle in shown, f"{needle!r} not in the details table:\n{shown}"
        assert str(details.folder)[-20:] in shown.replace(" ", "").replace("│", "")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.id == "manage"


async def test_change_password_then_copy_then_delete_the_copy(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "manage")
        await pilot.press("p")
        await settle(pilot)
        assert app.screen.id == "change-password"
        # A wrong current password is refused by the fields; the dialog stays.
        for text in ("Wrong#pass99", NEW_PASSWORD, NEW_PASSWORD):
            await type_text(pilot, text)
            await pilot.press("enter")
        await settle(pilot)
        assert app.screen.id == "change-password"
        assert "비밀번호가 올바르지 않습니다" in text_of(app, "FieldError")
        for text in (DEMO_PASSWORD, NEW_PASSWORD, NEW_PASSWORD):
            await type_text(pilot, text)
            await pilot.press("enter")
        await settle(pilot)
        assert app.screen.id == "manage"
        key = demo_entry(center).stored.key_path.read_bytes()
        assert decrypt_private_key(key, NEW_PASSWORD).random_num is not None
        try:
            decrypt_private_key(key, DEMO_PASSWORD)
        except WrongKeyPassword:
            pass
        else:
            raise AssertionError("the old password still opens the key")

        # 복사 to 휴대폰 (offered after 이동식디스크 for a 하드디스크 certificate).
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert entries(center, MediumKind.PHONE) == ["박지훈"]
        assert "휴대폰에 복사했습니다" in text_of(app, "#flow-notice")

        # 삭제 the phone copy: the first answer keeps it, the second deletes it.
        await pick(pilot, lambda e: e.location.kind is MediumKind.PHONE)
        await pilot.press("escape")  # close the details the Enter opened
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("enter")  # 취소 has focus
        await settle(pilot)
        assert entries(center, MediumKind.PHONE) == ["박지훈"]
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert entries(center, MediumKind.PHONE) == []
        assert entries(center, MediumKind.HARDDISK) == ["박지훈"]


async def test_revoke_is_confirmed_and_the_crl_lists_it(
    app: MgcertApp, center: CertificateCenter
) -> None:
    serial = demo_entry(center).serial
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "manage")
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("tab", "enter")  # 폐기
        await settle(pilot)
        assert app.screen.id == "password-prompt"
        await enter_password(pilot, GOOD_PASSWORD)  # wrong: the prompt stays
        assert app.screen.id == "password-prompt"
        assert center.mg_ca.status(serial) is CertificateStatus.GOOD
        await enter_password(pilot, DEMO_PASSWORD)
        assert app.screen.id == "manage"
        assert "CRL" in text_of(app, "#flow-notice")
        assert demo_entry(center).status is EntryStatus.REVOKED
    assert center.mg_ca.status(serial) is CertificateStatus.REVOKED
    assert center.mg_ca.crl().get_revoked_certificate_by_serial_number(serial) is not None


async def test_revoking_a_revoked_certificate_is_refused_before_the_confirmation(
    app: MgcertApp, center: CertificateCenter
) -> None:
    center.revoke_certificate(demo_entry(center), DEMO_PASSWORD)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "manage")
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.id == "manage"  # no ConfirmModal, no password prompt
        shown = " ".join(str(n.message) for n in app._notifications)
        assert "이미 폐기된" in shown
