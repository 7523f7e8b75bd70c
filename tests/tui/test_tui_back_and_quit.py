"""Esc goes back one step (asking only where typed input would be reset) and leaves a
flow from its first step; Ctrl+Q asks mid-flow and quits at once from home."""

from __future__ import annotations

import pytest
from flow_driver import open_menu
from flow_driver import pane_id as flow_pane_id
from textual.widgets import Input
from tui_driver import (
    AppPilot,
    choose_kind,
    choose_method,
    enter_customer,
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
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.kind_choice import KindChoiceScreen

SIZE = (100, 36)


async def escape(pilot: AppPilot) -> None:
    await pilot.press("escape")
    await settle(pilot)


async def test_escape_goes_back_step_by_step_keeping_what_was_typed(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        assert pane_id(app) == "phone-method"
        await escape(pilot)
        assert pane_id(app) == "terms"
        await escape(pilot)
        assert pane_id(app) == "customer"
        assert wizard(app).query_one("#rrn-front", Input).value == customer.rrn[:6]
        # The first step, with typed input: leaving asks.
        await escape(pilot)
        assert isinstance(app.screen, ConfirmModal)


async def test_escape_asks_before_resetting_a_typed_code(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        await choose_method(pilot, second=True)  # SMS
        assert pane_id(app) == "sms"
        await pilot.press("enter")  # 인증번호 받기: the cursor moves to the code
        await settle(pilot)
        await type_text(pilot, "123")
        await escape(pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # 계속 입력 has focus
        await settle(pilot)
        assert pane_id(app) == "sms"
        await escape(pilot)
        await pilot.press("tab", "enter")  # 이전 단계로
        await settle(pilot)
        assert pane_id(app) == "phone-method"


async def test_escape_on_an_empty_first_step_leaves_the_flow(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        assert isinstance(app.screen, KindChoiceScreen)
        await choose_kind(pilot)
        assert pane_id(app) == "customer"
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_escape_in_a_flow_screen_goes_back_to_its_first_pane(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "export")
        await pilot.press("tab", "enter")  # 가져오기
        await settle(pilot)
        assert flow_pane_id(app) == "import"
        await escape(pilot)  # nothing typed: no question
        assert flow_pane_id(app) == "choice"
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


@pytest.fixture
def exits(app: MgcertApp, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    calls: list[bool] = []
    monkeypatch.setattr(app, "exit", lambda *args, **kwargs: calls.append(True))
    return calls


async def test_ctrl_q_mid_flow_asks_first(
    app: MgcertApp, center: CertificateCenter, exits: list[bool]
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await enter_customer(pilot, customer)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert exits == []
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # 계속하기 has focus
        await settle(pilot)
        assert pane_id(app) == "terms"
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.press("tab", "enter")  # 종료
        await settle(pilot)
        assert exits == [True]


async def test_ctrl_q_twice_quits(app: MgcertApp, exits: list[bool]) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert exits == []
        await pilot.press("ctrl+q")
        assert exits == [True]


async def test_ctrl_q_quits_at_once_from_home(app: MgcertApp, exits: list[bool]) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        assert exits == [True]
