"""연습 과제 5, 6, 7, 9 and 10 through the TUI: each completed and failed by keyboard,
judged from the practice center's state, ending on the debrief."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from flow_driver import DEMO_PASSWORD, enter_password, open_menu, pane_id, pass_identity, pick
from practice_driver import back_home, running
from test_tui_practice_issuing import KIM, Moves, locking, run_mission
from textual.widgets import Digits
from tui_driver import AppPilot, agree_terms, demo_customer, enter_customer, settle, type_text

from mgcert.center import CertificateCenter, CertificateEntry, EntryStatus
from mgcert.practice.preparing import STORY_PASSWORD
from mgcert.tui.app import MgcertApp

PARK = "박지훈"
GOOD_PIN = "802613"


async def renew(pilot: AppPilot, app: MgcertApp) -> None:
    center = app.session.center
    await open_menu(pilot, "renew")
    await pick(pilot, lambda e: e.status is EntryStatus.EXPIRING)
    await enter_password(pilot, DEMO_PASSWORD)
    await pass_identity(pilot, center, demo_customer(center, PARK).customer_id)
    await pilot.press("tab", "tab", "tab", "enter")  # keep the password
    await settle(pilot)
    assert pane_id(app) == "done"
    await back_home(pilot)


async def move_to_phone(pilot: AppPilot, app: MgcertApp) -> None:
    await open_menu(pilot, "export")
    await pilot.press("enter")  # 내보내기
    await settle(pilot)
    await pick(pilot, lambda e: e.name == KIM)
    await enter_password(pilot, STORY_PASSWORD)
    code = str(app.screen.query_one("#export-code", Digits).value)
    await pilot.press("enter")  # 가져오기로
    await settle(pilot)
    await type_text(pilot, code)
    await pilot.press("enter")  # 휴대폰 is preselected
    await settle(pilot)
    assert pane_id(app) == "done"
    await back_home(pilot)


def is_other(entry: CertificateEntry) -> bool:
    return entry.issuer_org == "OTHERSIM"


async def register_other(pilot: AppPilot, app: MgcertApp) -> None:
    center = app.session.center
    customer = demo_customer(center, KIM)
    await open_menu(pilot, "register")
    await pick(pilot, is_other)
    await enter_password(pilot, STORY_PASSWORD)
    await type_text(pilot, customer.rrn[:6])
    await pilot.press("enter")
    await type_text(pilot, customer.rrn[6:])
    await pilot.press("enter")
    await settle(pilot)
    await type_text(pilot, customer.account)
    await pilot.press("enter")
    await type_text(pilot, customer.account_password)
    await pilot.press("enter")
    await settle(pilot)
    await pass_identity(pilot, center, customer.customer_id)
    assert pane_id(app) == "done"
    await back_home(pilot)


async def financial(pilot: AppPilot, app: MgcertApp) -> None:
    center = app.session.center
    customer = demo_customer(center, KIM)
    await open_menu(pilot, "financial")
    await enter_customer(pilot, customer)
    await agree_terms(pilot)
    await pass_identity(pilot, center, customer.customer_id)
    for pin in (GOOD_PIN, GOOD_PIN):
        await type_text(pilot, pin)
        await pilot.press("enter")
    await settle(pilot)
    assert pane_id(app) == "done"
    await back_home(pilot)


def answer_call(button: str) -> Moves:
    """The phone rang as the try started (its tab is open): press ``button``, close."""

    async def moves(pilot: AppPilot, app: MgcertApp) -> None:
        assert running(app).mission.id == "scam-call"
        await pilot.click(button)
        await settle(pilot)
        await pilot.press("escape")  # back home: the try is judged
        await settle(pilot)

    return moves


CompletedBy = Callable[[AppPilot, MgcertApp], Awaitable[None]]


@pytest.mark.slow  # a whole flow by keyboard each
@pytest.mark.parametrize(
    ("mission_id", "moves"),
    [
        ("renew", renew),
        ("move-to-phone", move_to_phone),
        ("other-bank", register_other),
        ("financial", financial),
    ],
)
async def test_mission_completed(
    center: CertificateCenter, center_template: Path, mission_id: str, moves: CompletedBy
) -> None:
    await run_mission(center, center_template, mission_id, moves, done=True)


@pytest.mark.parametrize(
    ("mission_id", "name"),
    [("renew", PARK), ("move-to-phone", KIM), ("other-bank", KIM), ("financial", KIM)],
)
async def test_mission_failed_by_a_lock(
    center: CertificateCenter, center_template: Path, mission_id: str, name: str
) -> None:
    await run_mission(center, center_template, mission_id, locking(name), done=False)


@pytest.mark.parametrize(
    ("button", "done"), [("#scam-hang-up", True), ("#scam-report", True), ("#scam-disclose", False)]
)
async def test_scam_call_refused_or_disclosed_on_the_phone_tab(
    center: CertificateCenter, center_template: Path, button: str, done: bool
) -> None:
    await run_mission(center, center_template, "scam-call", answer_call(button), done=done)
