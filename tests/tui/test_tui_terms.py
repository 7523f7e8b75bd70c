"""약관: each certificate shows its own terms, and each can be read (issue 14 point 7)."""

from __future__ import annotations

from flow_driver import open_menu, text_of
from tui_driver import (
    choose_kind,
    enter_customer,
    open_kind_choice,
    pane_id,
    scenario_customer,
    settle,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.messages import terms
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.terms_text import TermTextModal

SIZE = (100, 36)


def shown_terms(app: MgcertApp) -> list[str]:
    return [str(box.label) for box in app.screen.query(".term")]


async def test_joint_certificate_terms_name_the_ca_and_open_with_v(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await enter_customer(pilot, scenario_customer(center, DemoScenario.ORDINARY))
        assert shown_terms(app) == [term.title for term in terms.JOINT_CERTIFICATE_TERMS]
        await pilot.press("tab", "tab")  # past 전체 동의 to the second term
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, TermTextModal)
        assert text_of(app, "#term-title") == terms.JOINT_CERTIFICATE_SERVICE.title
        assert "4,400원" in text_of(app, "#term-summary")
        await pilot.press("escape")
        await settle(pilot)
        assert pane_id(app) == "terms"
        assert app.focused is not None
        assert app.focused.id == "term-1"  # back where the person was reading


async def test_financial_certificate_terms_are_its_own(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "financial")
        await enter_customer(pilot, scenario_customer(center, DemoScenario.ORDINARY))
        titles = shown_terms(app)
        assert titles == [term.title for term in terms.FINANCIAL_CERTIFICATE_TERMS]
        assert not any("공동인증서" in title for title in titles)
        assert any("금융결제원" in title for title in titles)
