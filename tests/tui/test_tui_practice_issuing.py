"""연습 과제 1–4 and 8 through the TUI: each completed and failed by keyboard, judged from
the practice center's state, ending on the debrief."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from flow_driver import open_menu
from practice_driver import assert_debrief, back_home, practice_app, start_mission
from tui_driver import (
    AppPilot,
    agree_terms,
    answer_ars_call,
    answer_security_card,
    choose_kind,
    choose_method,
    confirm_ars,
    demo_customer,
    enter_customer,
    keep_harddisk,
    pane_id,
    set_password,
    settle,
    type_text,
)

from mgcert.bank.limits import ACCOUNT_PASSWORD_ATTEMPTS
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp

SIZE = (100, 36)
Moves = Callable[[AppPilot, MgcertApp], Awaitable[None]]
WRONG_ACCOUNT_PASSWORD = "0000"
KIM = "김민준"
LEE = "이서연"


async def issue(
    pilot: AppPilot, app: MgcertApp, *, universal: bool = False, name: str = KIM
) -> None:
    """발급/재발급 by keyboard on the try's center, then Esc back to the home screen."""
    center = app.session.center
    customer = demo_customer(center, name)
    await open_menu(pilot, "issue")
    await choose_kind(pilot, universal=universal)
    await enter_customer(pilot, customer)
    await agree_terms(pilot)
    await choose_method(pilot)  # ARS
    await answer_ars_call(pilot)
    await confirm_ars(pilot)
    await choose_method(pilot)  # 보안카드
    await answer_security_card(pilot, center)
    await keep_harddisk(pilot)
    await set_password(pilot)
    assert pane_id(app) == "done"
    await back_home(pilot)


async def lock_account(pilot: AppPilot, app: MgcertApp, *, name: str = KIM) -> None:
    """The wrong 계좌비밀번호 until e-banking locks (the situation's customer), then home."""
    customer = demo_customer(app.session.center, name)
    await open_menu(pilot, "issue")
    await choose_kind(pilot)
    await enter_customer(pilot, customer, account_password=WRONG_ACCOUNT_PASSWORD)
    for _ in range(ACCOUNT_PASSWORD_ATTEMPTS - 1):  # the field at fault has the cursor
        await type_text(pilot, WRONG_ACCOUNT_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
    await back_home(pilot)


def locking(name: str) -> Moves:
    async def moves(pilot: AppPilot, app: MgcertApp) -> None:
        await lock_account(pilot, app, name=name)

    return moves


def issuing(*, universal: bool = False, name: str = KIM) -> Moves:
    async def moves(pilot: AppPilot, app: MgcertApp) -> None:
        await issue(pilot, app, universal=universal, name=name)

    return moves


async def run_mission(
    center: CertificateCenter, template: Path, mission_id: str, moves: Moves, *, done: bool
) -> None:
    """Start ``mission_id`` from the mission list, make the moves, and find the debrief
    (opened by coming back to the home screen) saying ``done`` or failed."""
    app = practice_app(center, template)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await start_mission(pilot, mission_id)
        await moves(pilot, app)
        await settle(pilot)
        assert_debrief(app, mission_id, done=done)


@pytest.mark.slow  # a whole 발급 by keyboard (about 10 s on 2 busy cores)
@pytest.mark.parametrize(
    ("mission_id", "moves"),
    [
        ("first-issue", issuing()),
        ("universal-fee", issuing(universal=True)),
        ("universal-fee-low-balance", issuing(name=LEE)),
        ("forgot-password", issuing()),  # the center turns it into a 재발급
        ("expired", issuing()),
        ("lost-usb", issuing()),
    ],
)
async def test_issuing_mission_completed(
    center: CertificateCenter, center_template: Path, mission_id: str, moves: Moves
) -> None:
    await run_mission(center, center_template, mission_id, moves, done=True)


@pytest.mark.slow
async def test_first_issue_failed_by_a_universal(
    center: CertificateCenter, center_template: Path
) -> None:
    await run_mission(center, center_template, "first-issue", issuing(universal=True), done=False)


@pytest.mark.parametrize(
    ("mission_id", "name"),
    [
        ("universal-fee", KIM),
        ("universal-fee-low-balance", LEE),
        ("forgot-password", KIM),
        ("expired", KIM),
        ("lost-usb", KIM),
    ],
)
async def test_issuing_mission_failed_by_a_lock(
    center: CertificateCenter, center_template: Path, mission_id: str, name: str
) -> None:
    await run_mission(center, center_template, mission_id, locking(name), done=False)
