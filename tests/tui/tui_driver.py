"""Keyboard-only moves through the app, shared by the Pilot and snapshot tests.

Everything here presses keys the way a person would; codes come from what the screen
or the simulated devices (the center's simulator facade) show.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.pilot import Pilot
from textual.widgets import Digits, TabbedContent, Tabs

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.device_steps import SecurityCardStep
from mgcert.tui.screens.issuance.wizard import IssuanceWizard
from mgcert.tui.screens.simulator.panel import TABS, SimulatorPanel
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.widgets.field_error import FieldError

GOOD_PASSWORD = "Mg!Cert2026x"

AppPilot = Pilot[None]


@dataclass(frozen=True)
class DemoCustomer:
    customer_id: int
    name: str
    rrn: str  # 13 digits
    account: str
    account_password: str


def demo_customer(center: CertificateCenter, name: str) -> DemoCustomer:
    """The simulator panel's data sheet of one demo customer."""
    sheet = next(s for s in center.simulator.sheets() if s.name == name)
    account = sheet.accounts[0]
    return DemoCustomer(
        customer_id=sheet.customer_id,
        name=sheet.name,
        rrn=sheet.rrn.replace("-", ""),
        account=account.number,
        account_password=account.password,
    )


def scenario_customer(center: CertificateCenter, scenario: DemoScenario) -> DemoCustomer:
    """The demo customer playing ``scenario`` (ORDINARY: no certificate, enough money)."""
    sheet = next(s for s in center.simulator.sheets() if s.scenario is scenario)
    return demo_customer(center, sheet.name)


async def type_text(pilot: AppPilot, text: str) -> None:
    await pilot.press(*text)


def _busy(app: MgcertApp) -> bool:
    """A worker runs that is not a flow waiting for the person."""
    flows = [screen for screen in app.screen_stack if isinstance(screen, FlowScreen)]
    if any(not flow.settled for flow in flows):
        return True
    return any(worker.group != "flow" and worker.is_running for worker in app.workers)


async def settle(pilot: AppPilot) -> None:
    """Let call_after_refresh focus moves, the center's work and other workers finish:
    until every flow waits for the person again."""
    await pilot.pause()
    for _ in range(3000):  # 30 s at most
        if not _busy(pilot.app):
            break
        await pilot.pause(0.01)
    await pilot.pause()


def wizard(app: MgcertApp) -> IssuanceWizard:
    screen = app.screen
    assert isinstance(screen, IssuanceWizard), screen
    return screen


def pane_id(app: MgcertApp) -> str:
    step = wizard(app).current_step
    return "" if step is None else step.id or ""


def error_on_screen(app: MgcertApp) -> str:
    step = wizard(app).current_step
    assert step is not None
    return step.query_one(FieldError).text


async def open_kind_choice(pilot: AppPilot) -> None:
    await settle(pilot)
    await pilot.press("enter")  # 공동인증서 발급/재발급 is the first menu item
    await settle(pilot)


async def choose_kind(pilot: AppPilot, *, universal: bool = False) -> None:
    """Kind radio, consent tick, 다음."""
    if universal:
        await pilot.press("down", "enter")
    await pilot.press("tab", "space", "tab", "enter")
    await settle(pilot)


async def enter_customer(
    pilot: AppPilot, customer: DemoCustomer, *, account_password: str | None = None
) -> None:
    await type_text(pilot, customer.rrn[:6])
    await pilot.press("tab")
    await type_text(pilot, customer.rrn[6:])
    await pilot.press("tab")
    await type_text(pilot, customer.account)
    await pilot.press("tab")
    await type_text(pilot, account_password or customer.account_password)
    await pilot.press("enter")
    await settle(pilot)


async def agree_terms(pilot: AppPilot) -> None:
    await pilot.press("space")  # 전체 동의 has focus; ticking it moves focus to the button
    await pilot.press("enter")
    await settle(pilot)


async def choose_method(pilot: AppPilot, *, second: bool = False) -> None:
    """ARS/SMS or 보안카드/OTP: the first option is preselected."""
    if second:
        await pilot.press("down", "enter")
    await pilot.press("tab", "enter")
    await settle(pilot)


async def answer_ars_call(pilot: AppPilot) -> None:
    """Read the 승인번호 on screen, open the simulator (F2), key it on the phone, close."""
    code = str(wizard(pilot.app).query_one("#ars-code", Digits).value)  # type: ignore[arg-type]
    await pilot.press("f2")
    await settle(pilot)
    await type_text(pilot, code)
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("escape")
    await settle(pilot)


async def confirm_ars(pilot: AppPilot) -> None:
    await pilot.press("enter")  # 확인 has focus
    await settle(pilot)


async def answer_security_card(
    pilot: AppPilot, center: CertificateCenter, *, wrong: bool = False
) -> None:
    app = pilot.app
    step = wizard(app).query_one(SecurityCardStep)  # type: ignore[arg-type]
    assert step.prompt is not None
    cid = wizard(app).session.customer_id  # type: ignore[arg-type]
    assert cid is not None
    cells = center.simulator.security_card(cid).cells
    first = cells[step.prompt.first_cell][:2]
    last = cells[step.prompt.second_cell][2:]
    if wrong:
        first = f"{(int(first) + 1) % 100:02d}"
    await type_text(pilot, first)
    await pilot.press("enter")
    await type_text(pilot, last)
    await pilot.press("enter")
    await settle(pilot)


async def keep_harddisk(pilot: AppPilot) -> None:
    await pilot.press("tab", "enter")  # 하드디스크 preselected; folder row hidden
    await settle(pilot)


async def set_password(
    pilot: AppPilot, password: str = GOOD_PASSWORD, confirm: str | None = None
) -> None:
    await type_text(pilot, password)
    await pilot.press("enter")
    await type_text(pilot, password if confirm is None else confirm)
    await pilot.press("enter")
    await settle(pilot)


async def walk_to_identity(pilot: AppPilot, customer: DemoCustomer) -> None:
    """Home → kind → ① → ② → the ARS/SMS choice."""
    await open_kind_choice(pilot)
    await choose_kind(pilot)
    await enter_customer(pilot, customer)
    await agree_terms(pilot)


async def walk_to_medium(
    pilot: AppPilot, center: CertificateCenter, customer: DemoCustomer
) -> None:
    """… ARS answered on the simulated phone, 보안카드 → the medium choice."""
    await walk_to_identity(pilot, customer)
    await choose_method(pilot)  # ARS
    await answer_ars_call(pilot)
    await confirm_ars(pilot)
    await choose_method(pilot)  # 보안카드
    await answer_security_card(pilot, center)


async def open_simulator_tab(pilot: AppPilot, tab: str) -> None:
    """F2, Shift+Tab back to the tab strip, → to ``tab``, Tab into its first control."""
    await pilot.press("f2")
    await settle(pilot)
    panel = pilot.app.screen
    assert isinstance(panel, SimulatorPanel)
    for _ in range(10):
        if isinstance(pilot.app.focused, Tabs):
            break
        await pilot.press("shift+tab")
    assert isinstance(pilot.app.focused, Tabs)
    tabs = panel.query_one(TabbedContent)
    for _ in range(len(TABS)):
        if tabs.active == tab:
            break
        await pilot.press("right")
    assert tabs.active == tab
    await pilot.press("tab")
    await settle(pilot)
