"""Shrinking below 80×24 and growing back keeps the focus where it was, and the notice
covers the whole screen."""

from __future__ import annotations

from textual.widgets import Input
from tui_driver import (
    AppPilot,
    choose_kind,
    keep_harddisk,
    open_kind_choice,
    pane_id,
    scenario_customer,
    set_password,
    settle,
    type_text,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.widgets.too_small import TooSmallNotice

SIZE = (100, 30)


async def shrink_and_grow(pilot: AppPilot) -> None:
    await pilot.resize_terminal(60, 20)
    await pilot.pause()
    await pilot.resize_terminal(*SIZE)
    await pilot.pause()
    await pilot.pause()


async def test_typed_keys_reach_the_field_after_a_resize(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await type_text(pilot, customer.rrn[:3])
        await shrink_and_grow(pilot)
        await type_text(pilot, customer.rrn[3:6])
        front = wizard(app).query_one("#rrn-front", Input)
        assert app.focused is not None
        assert front.value == customer.rrn[:6], app.focused


def covered_by_notice(app: MgcertApp) -> list[tuple[int, int, str]]:
    """Cells of the terminal where something other than the notice is drawn."""
    width, height = app.size
    leaks = []
    for y in range(height):
        for x in range(width):
            widget, _ = app.screen.get_widget_at(x, y)
            if not isinstance(widget, TooSmallNotice):
                leaks.append((x, y, type(widget).__name__))
    return leaks


async def test_enter_on_the_completion_screen_works_after_a_resize(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        await keep_harddisk(pilot)
        await set_password(pilot)
        assert pane_id(app) == "done"
        await shrink_and_grow(pilot)
        await pilot.press("enter")  # 인증센터로, without a Tab first
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_notice_covers_every_cell(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await type_text(pilot, "850")
        for size in ((60, 20), (100, 20), (70, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert covered_by_notice(app) == [], size
        await pilot.resize_terminal(*SIZE)
        await pilot.press("escape")  # typed input: the abandon question, a dialog
        await settle(pilot)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert covered_by_notice(app) == []
