"""Keyboard moves through the part-2 flows, shared by their Pilot and snapshot tests.

Keys are pressed the way a person would; codes come from what the screen shows or from
the simulated devices (the center's simulator facade). Setting the stage (a
certificate with a given expiry) goes through the center directly.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from rich.console import Console
from textual.widgets import Digits, Static
from tui_driver import GOOD_PASSWORD, AppPilot, DemoCustomer, settle, type_text

from mgcert.center import CertificateCenter, CertificateEntry, IssuanceResult, MediumKind
from mgcert.center.renewal import renewal_window
from mgcert.npki.profile import CertificateKind
from mgcert.tui.app import MgcertApp
from mgcert.tui.menu import MENU
from mgcert.tui.screens.issuance.device_steps import SecurityCardStep
from mgcert.tui.screens.manage.manage_screen import ManageScreen
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.field_error import FieldError

SIZE = (100, 36)
DEMO_PASSWORD = "Jihoon2580!"  # 박지훈's demo certificate (mgcert.center.demo)
OTHER_PASSWORD = "Other#2580x"


# ---------------------------------------------------------------- stage setting (center)


def issue_certificate(center: CertificateCenter, customer: DemoCustomer) -> IssuanceResult:
    """A fresh 1-year MG 공동인증서 on the 하드디스크, through the center's own flow."""
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(customer.rrn, customer.account, customer.account_password)
    flow.agree_terms(True)
    prompt = flow.start_ars()
    center.simulator.key_in_ars(customer.customer_id, prompt.code)
    flow.confirm_ars()
    challenge = flow.security_card_challenge()
    cells = center.simulator.security_card(customer.customer_id).cells
    flow.verify_security_card(cells[challenge.first_cell][:2], cells[challenge.second_cell][2:])
    location = center.medium(MediumKind.HARDDISK)
    return flow.issue(location, GOOD_PASSWORD, GOOD_PASSWORD)


def move_clock_to_days_before_window(center: CertificateCenter, result: IssuanceResult) -> None:
    """Advance so that renewal opens tomorrow: 31 days before the expiry day."""
    opens = renewal_window(result.not_after).opens_on
    days = (opens - center.clock.today_kst()).days - 1
    center.simulator.advance_clock(timedelta(days=days))


def entries(center: CertificateCenter, kind: MediumKind = MediumKind.HARDDISK) -> list[str]:
    return [e.name for e in center.list_certificates(center.medium(kind)).entries]


# ---------------------------------------------------------------- moving through screens


def flow_screen(app: MgcertApp) -> FlowScreen:
    screen = app.screen
    assert isinstance(screen, FlowScreen), screen
    return screen


def current_step(app: MgcertApp) -> Step[Any]:
    """The pane a flow shows now (인증서 관리 is one list: its picker)."""
    screen = app.screen
    if isinstance(screen, ManageScreen):
        return screen.picker
    step = flow_screen(app).current_step
    assert step is not None
    return step


def pane_id(app: MgcertApp) -> str:
    return current_step(app).id or ""


def text_of(app: MgcertApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def table_text(app: MgcertApp, selector: str) -> str:
    """A Static holding a Rich table, as plain text (one line per row)."""
    static = app.screen.query_one(selector, Static)
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


def pane_error(app: MgcertApp) -> str:
    return current_step(app).query_one(FieldError).text


async def open_menu(pilot: AppPilot, key: str) -> None:
    """From the home screen, ↓ to the menu item and Enter."""
    await settle(pilot)
    index = [item.key for item in MENU].index(key)
    await pilot.press("home", *(["down"] * index), "enter")
    await settle(pilot)


async def pick(pilot: AppPilot, wanted: Callable[[CertificateEntry], bool]) -> CertificateEntry:
    """Move the picker's cursor to the first row ``wanted`` accepts and press Enter."""
    picker = pilot.app.screen.query_one(CertificatePicker)
    rows = picker.table.entries
    index = next(i for i, entry in enumerate(rows) if wanted(entry))
    picker.table.focus()
    # The cursor stays on the certificate it was on across reloads, so start from the
    # top; wait for each move to land before the next key.
    await pilot.press("ctrl+home")  # the first row (plain Home scrolls sideways)
    await until(pilot, lambda: picker.table.cursor_row == 0)
    for row in range(1, index + 1):
        await pilot.press("down")
        await until(pilot, lambda row=row: picker.table.cursor_row == row)
    await pilot.press("enter")
    await settle(pilot)
    return rows[index]


async def until(pilot: AppPilot, condition: Callable[[], bool]) -> None:
    """Pause until ``condition`` holds (at most about 5 s; the caller's assert says why)."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)


async def enter_password(pilot: AppPilot, password: str) -> None:
    """Type into the password prompt and submit (the worker checks it)."""
    await type_text(pilot, password)
    await pilot.press("enter")
    await settle(pilot)


async def answer_ars(pilot: AppPilot) -> None:
    """Read the 승인번호 on screen, open the simulator (F2), key it on the phone."""
    code = str(pilot.app.screen.query_one("#ars-code", Digits).value)
    await pilot.press("f2")
    await settle(pilot)
    await type_text(pilot, code)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)
    await pilot.press("enter")  # 확인 has focus
    await settle(pilot)


async def answer_card(pilot: AppPilot, center: CertificateCenter, customer_id: int) -> None:
    step = pilot.app.screen.query_one(SecurityCardStep)
    assert step.prompt is not None
    cells = center.simulator.security_card(customer_id).cells
    await type_text(pilot, cells[step.prompt.first_cell][:2])
    await pilot.press("enter")
    await type_text(pilot, cells[step.prompt.second_cell][2:])
    await pilot.press("enter")
    await settle(pilot)


async def pass_identity(pilot: AppPilot, center: CertificateCenter, customer_id: int) -> None:
    """ARS (first option) then 보안카드 (first option), from the ARS/SMS choice."""
    await pilot.press("tab", "enter")
    await settle(pilot)
    await answer_ars(pilot)
    await pilot.press("tab", "enter")
    await settle(pilot)
    await answer_card(pilot, center, customer_id)
