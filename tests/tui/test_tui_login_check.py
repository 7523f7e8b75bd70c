"""로그인 확인: every check shown; a revoked certificate fails the revocation check."""

from __future__ import annotations

from flow_driver import (
    DEMO_PASSWORD,
    SIZE,
    enter_password,
    open_menu,
    pane_id,
    pick,
    table_text,
    text_of,
)

from mgcert.center import CertificateCenter, MediumKind
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.steps.result_pane import ResultPane


def shown_checks(app: MgcertApp) -> str:
    return table_text(app, "#done-table")


async def test_login_with_the_demo_certificate_passes_every_check(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "login")
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, DEMO_PASSWORD)
        assert pane_id(app) == "done"
        assert "로그인 성공" in text_of(app, "#done-heading")
        table = shown_checks(app)
        assert table.count("✔ 통과") == 5
        assert "✘" not in table
        assert not app.screen.query_one(ResultPane).has_class("-failed")


async def test_login_with_a_revoked_certificate_fails_the_revocation_check(
    app: MgcertApp, center: CertificateCenter
) -> None:
    demo = center.list_certificates(center.medium(MediumKind.HARDDISK)).entries[0]
    center.revoke_certificate(demo, DEMO_PASSWORD)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "login")
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, DEMO_PASSWORD)
        assert pane_id(app) == "done"
        assert "로그인 거부" in text_of(app, "#done-heading")
        table = shown_checks(app)
        assert table.count("✘ 실패") >= 1
        revocation_line = next(line for line in table.splitlines() if "폐기 여부" in line)
        assert "✘ 실패" in revocation_line
        assert app.screen.query_one(ResultPane).has_class("-failed")
