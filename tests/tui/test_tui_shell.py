"""The shell: 준비 중 menu items, help, the simulator overlay, abandoning a flow."""

from __future__ import annotations

import pytest
from textual.widgets import Input
from tui_driver import (
    choose_kind,
    open_kind_choice,
    pane_id,
    scenario_customer,
    settle,
    type_text,
    walk_to_identity,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.messages import tui as msg
from mgcert.tui.app import MgcertApp
from mgcert.tui.menu import FLOWS
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.help import HelpScreen
from mgcert.tui.screens.simulator.panel import SimulatorPanel
from mgcert.tui.widgets.too_small import TooSmallNotice

SIZE = (100, 36)


async def test_unbuilt_menu_item_says_not_ready_and_stays_home(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A menu item whose flow is not registered (as in part 1) must not be a dead end.
    monkeypatch.delitem(FLOWS, "renew")
    app = MgcertApp(center)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")  # 인증서 갱신
        await settle(pilot)
        assert app.screen.id == "home"
        notices = [n.message for n in app._notifications]
        assert any(msg.MENU_RENEW in text and "준비 중" in text for text in notices)


async def test_simulator_overlay_keeps_typed_input_and_focus(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await type_text(pilot, "8503")  # not six digits: the cursor stays here
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SimulatorPanel)
        await pilot.press("f2")  # the same key closes it
        await settle(pilot)
        assert wizard(app).query_one("#rrn-front", Input).value == "8503"
        assert app.focused is wizard(app).query_one("#rrn-front", Input)


async def test_help_explains_the_current_step_and_common_mistakes(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.topic == "customer"
        text = str(app.screen.query_one("#help-mistakes").render())
        assert "재발급" in text
        await pilot.press("escape")
        await settle(pilot)
        assert pane_id(app) == "customer"


async def test_escape_asks_before_abandoning_a_half_done_flow(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, scenario_customer(center, DemoScenario.ORDINARY))
        await pilot.press("escape", "escape")  # back to ① (tests/tui/test_tui_back_and_quit)
        await settle(pilot)
        assert pane_id(app) == "customer"
        await pilot.press("escape")  # ① holds typed input: leaving asks
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # the safe answer (계속하기) has focus
        await settle(pilot)
        assert pane_id(app) == "customer"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("tab", "enter")  # 그만두기
        await settle(pilot)
        assert app.screen.id == "home"


async def test_shrinking_below_80x24_shows_the_notice_and_growing_back_restores(
    app: MgcertApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.query(TooSmallNotice)  # mounted only when needed
        await pilot.resize_terminal(70, 20)
        await settle(pilot)
        notice = app.screen.query_one(TooSmallNotice)
        assert notice.display
        assert "70×20" in str(notice.render())
        assert not app.screen.query_one("#home-body").display
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert not notice.display
        assert app.screen.query_one("#home-body").display
        assert app.screen.has_class("-too-narrow") is False
