"""내보내기/가져오기: the code moves a certificate to the phone; an expired code is refused."""

from __future__ import annotations

from datetime import timedelta

from flow_driver import (
    DEMO_PASSWORD,
    SIZE,
    enter_password,
    entries,
    open_menu,
    pane_error,
    pane_id,
    pick,
    text_of,
)
from textual.widgets import Digits
from tui_driver import AppPilot, settle, type_text

from mgcert.center import CertificateCenter, MediumKind
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.transfer.transfer_screen import ExportCode


async def export_demo_certificate(pilot: AppPilot, app: MgcertApp) -> str:
    await open_menu(pilot, "export")
    await pilot.press("enter")  # 내보내기 has focus
    await settle(pilot)
    await pick(pilot, lambda e: e.name == "박지훈")
    await enter_password(pilot, DEMO_PASSWORD)
    assert pane_id(app) == "code"
    code = str(app.screen.query_one("#export-code", Digits).value)
    assert len(code.replace("-", "")) == 12
    return code


async def test_export_then_import_to_the_phone(app: MgcertApp, center: CertificateCenter) -> None:
    assert entries(center, MediumKind.PHONE) == []
    async with app.run_test(size=SIZE) as pilot:
        code = await export_demo_certificate(pilot, app)
        assert "남은 시간 3:00" in text_of(app, "#export-left")
        center.simulator.advance_clock(timedelta(seconds=65))
        app.screen.query_one(ExportCode).tick()
        assert "남은 시간 1:55" in text_of(app, "#export-left")
        await pilot.press("enter")  # 가져오기로
        await settle(pilot)
        assert pane_id(app) == "import"
        await type_text(pilot, code)
        await pilot.press("enter")  # 휴대폰 is preselected
        await settle(pilot)
        assert pane_id(app) == "done"
        assert "가져오기 완료" in text_of(app, "#done-heading")
    assert entries(center, MediumKind.PHONE) == ["박지훈"]


async def test_expired_export_code_is_refused(app: MgcertApp, center: CertificateCenter) -> None:
    async with app.run_test(size=SIZE) as pilot:
        code = await export_demo_certificate(pilot, app)
        center.simulator.advance_clock(timedelta(minutes=3, seconds=1))
        app.screen.query_one(ExportCode).tick()
        assert "유효시간(3분)이 지났습니다" in text_of(app, "#export-left")
        await pilot.press("enter")
        await settle(pilot)
        await type_text(pilot, code)
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "import"
        assert "만료" in pane_error(app) or "지났" in pane_error(app)
        assert app.screen.query_one("#import-code").value == ""  # type: ignore[attr-defined]
    assert entries(center, MediumKind.PHONE) == []
