"""The 주민등록번호 field takes a pasted number and IME digits, moves on after six digits,
and after a refusal the cursor is on the field the refusal is about; a wrong import
code puts the cursor back on the code."""

from __future__ import annotations

from flow_driver import open_menu, pane_error, pane_id
from textual import events
from textual.widgets import Input
from tui_driver import (
    AppPilot,
    choose_kind,
    error_on_screen,
    open_kind_choice,
    scenario_customer,
    settle,
    type_text,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp

SIZE = (100, 36)
RRN = "850315-1000010"


def fields(app: MgcertApp) -> tuple[Input, Input]:
    screen = wizard(app)
    return screen.query_one("#rrn-front", Input), screen.query_one("#rrn-back", Input)


async def to_customer_step(pilot: AppPilot) -> None:
    await open_kind_choice(pilot)
    await choose_kind(pilot)


async def paste(pilot: AppPilot, text: str) -> None:
    """A bracketed paste, as the terminal delivers it: one Paste event to the focus."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await settle(pilot)


async def test_a_pasted_number_fills_both_parts(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_customer_step(pilot)
        await paste(pilot, RRN)
        front, back = fields(app)
        assert (front.value, back.value) == ("850315", "1000010")
        assert app.focused is back


async def test_a_number_pasted_into_the_back_part_fills_both(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_customer_step(pilot)
        front, back = fields(app)
        back.focus()
        await settle(pilot)
        await paste(pilot, RRN)
        assert (front.value, back.value) == ("850315", "1000010")


async def test_full_width_ime_digits_are_taken(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_customer_step(pilot)
        await type_text(pilot, "８５０３１５")
        front, back = fields(app)
        assert front.value == "850315"
        assert app.focused is back


async def test_six_digits_move_on_and_a_habitual_tab_does_not_skip_the_back_part(
    app: MgcertApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_customer_step(pilot)
        _front, back = fields(app)
        await type_text(pilot, "850315")
        assert app.focused is back
        await pilot.press("tab")  # typed out of habit: stays on the empty back part
        assert app.focused is back
        await type_text(pilot, "1000010")
        await pilot.press("tab")
        assert app.focused is wizard(app).query_one("#account", Input)


async def test_an_unknown_number_puts_the_cursor_on_it(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await to_customer_step(pilot)
        await type_text(pilot, "9901011000000")  # nobody's number
        await pilot.press("tab")
        await type_text(pilot, customer.account)
        await pilot.press("tab")
        await type_text(pilot, customer.account_password)
        await pilot.press("enter")
        await settle(pilot)
        assert error_on_screen(app)
        assert app.focused is fields(app)[0]


async def test_a_wrong_import_code_puts_the_cursor_back_on_the_code(app: MgcertApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "export")
        await pilot.press("tab", "enter")  # 가져오기
        await settle(pilot)
        assert pane_id(app) == "import"
        await type_text(pilot, "123412341234")
        await pilot.press("tab", "tab", "enter")  # past the medium list to 가져오기
        await settle(pilot)
        assert pane_error(app)
        assert app.focused is app.screen.query_one("#import-code", Input)
