"""The command palette (Ctrl+P): flows and simulator actions by their Korean names."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from typing import Any

from textual.command import CommandInput, CommandList, CommandPalette
from textual.widgets import TabbedContent
from tui_driver import open_kind_choice, settle, type_text

from mgcert.center import CertificateCenter
from mgcert.errors import MgcertError
from mgcert.messages import palette as msg
from mgcert.messages import tui as tui_msg
from mgcert.tui.app import MgcertApp
from mgcert.tui.menu import FLOWS, MENU, LazyScreen
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.help import HelpScreen
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.simulator.panel import SimulatorPanel
from mgcert.tui.widgets.key_footer import KeyFooter

SIZE = (100, 36)
AppPilot = Any


def flow_class(key: str) -> type:
    factory = FLOWS[key]
    assert isinstance(factory, LazyScreen)
    cls = factory.load()
    assert isinstance(cls, type)
    return cls


async def open_palette(pilot: AppPilot) -> CommandPalette:
    await pilot.press("ctrl+p")
    await settle(pilot)
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette), palette
    return palette


async def run_command(pilot: AppPilot, query: str) -> None:
    """Ctrl+P, type ``query``, wait for the list, Enter on the best hit."""
    palette = await open_palette(pilot)
    await type_text(pilot, query)
    commands = palette.query_one(CommandList)
    for _ in range(100):  # the providers answer in the background
        await pilot.pause(0.02)
        if commands.option_count and commands.highlighted is not None:
            break
    assert commands.option_count, f"nothing found for {query!r}"
    await pilot.press("enter")
    await settle(pilot)


def listed(palette: CommandPalette) -> list[str]:
    commands = palette.query_one(CommandList)
    # Each prompt is the name, then the help line below it.
    return [
        str(commands.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(commands.option_count)
    ]


async def test_ctrl_p_lists_every_flow_and_no_english_system_command(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        palette = await open_palette(pilot)
        assert palette.query_one(CommandInput).placeholder == msg.PALETTE_PLACEHOLDER
        await pilot.pause(0.2)
        names = listed(palette)
        for item in MENU:
            if item.key in FLOWS:
                assert item.label in names
        assert msg.PALETTE_BRANCH in names
        for english in ("Quit", "Theme", "Keys", "Screenshot"):
            assert not any(english.lower() in name.lower() for name in names)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_typing_renewal_and_enter_opens_the_renewal_screen(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "갱신")
        assert isinstance(app.screen, flow_class("renew"))


async def test_decomposed_hangul_is_found_too(app: MgcertApp) -> None:
    import unicodedata

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        palette = await open_palette(pilot)
        palette.query_one(CommandInput).value = unicodedata.normalize("NFD", "관리")
        await pilot.pause(0.3)
        assert tui_msg.MENU_MANAGE in listed(palette)


async def test_clock_travel_from_the_palette(app: MgcertApp, center: CertificateCenter) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = center.clock.offset
        await run_command(pilot, "+30일")
        assert center.clock.offset - before == timedelta(days=30)
        assert isinstance(app.screen, HomeScreen)


async def test_simulator_tab_from_the_palette_and_switching_inside_the_panel(
    app: MgcertApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "OTP")
        panel = app.screen
        assert isinstance(panel, SimulatorPanel)
        assert panel.query_one(TabbedContent).active == "sim-otp-tab"
        # Over the open panel, a tab command switches it instead of opening a second one.
        await run_command(pilot, "시뮬레이터: 시계")
        assert app.screen is panel
        assert panel.query_one(TabbedContent).active == "sim-clock-tab"


async def test_branch_visit_from_the_palette_unlocks(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = center.simulator.sheets()[0].customer_id
    app.session.customer_id = customer
    for _ in range(20):
        if center.simulator.lock_state(customer).any_locked:
            break
        with contextlib.suppress(MgcertError):  # each wrong code is refused until the lock
            center.bank.verify_otp(customer, "000000")
    assert center.simulator.lock_state(customer).any_locked
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "잠금 해제")
        assert not center.simulator.lock_state(customer).any_locked


async def test_a_flow_from_inside_a_flow_asks_first(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        flow = app.screen
        assert not isinstance(flow, HomeScreen)
        await run_command(pilot, "갱신")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # the safe answer (계속하기) has focus
        await settle(pilot)
        assert app.screen is flow

        await run_command(pilot, "갱신")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.click("#confirm-yes")
        await settle(pilot)
        assert isinstance(app.screen, flow_class("renew"))
        # The flow left is gone: below the renewal screen is home.
        assert [type(s) for s in app.screen_stack[:-1]] == [HomeScreen]


async def test_a_flow_chosen_over_the_simulator_panel_opens_from_home(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SimulatorPanel)
        await run_command(pilot, "로그인 확인")
        assert isinstance(app.screen, flow_class("login"))
        assert [type(s) for s in app.screen_stack[:-1]] == [HomeScreen]


async def test_palette_from_inside_a_flow_runs_simulator_actions(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        flow = app.screen
        await run_command(pilot, "+1일")
        assert center.clock.offset == timedelta(days=1)
        assert app.screen is flow
        await run_command(pilot, "보안카드")
        assert isinstance(app.screen, SimulatorPanel)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is flow


async def test_footer_and_help_name_ctrl_p(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(KeyFooter)
        palette_key = next(k for k in footer.children if getattr(k, "key", None) == "ctrl+p")
        assert getattr(palette_key, "description", None) == msg.KEY_PALETTE
        assert palette_key.region.right <= SIZE[0]
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert any(key == "Ctrl+P" for key, _ in tui_msg.HELP_COMMON_KEYS)


def test_palette_looks_right(snap_compare: Any, center: CertificateCenter) -> None:
    async def run_before(pilot: AppPilot) -> None:
        await settle(pilot)
        await open_palette(pilot)
        await type_text(pilot, "인증서")
        await pilot.pause(0.3)

    assert snap_compare(MgcertApp(center), terminal_size=(80, 24), run_before=run_before)
