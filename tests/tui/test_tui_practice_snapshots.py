"""How 연습 과제 looks: the mission list, the banner over a flow at 80×24, the debrief."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from flow_driver import open_menu
from practice_driver import practice_app, start_mission
from tui_driver import AppPilot, choose_kind, settle

from mgcert.center import CertificateCenter

SnapCompare = Callable[..., bool]
Moves = Callable[[AppPilot], Awaitable[None]]


async def mission_list(pilot: AppPilot) -> None:
    await open_menu(pilot, "practice")


async def banner_over_a_flow(pilot: AppPilot) -> None:
    await start_mission(pilot, "first-issue")
    await open_menu(pilot, "issue")
    await choose_kind(pilot)


async def debrief(pilot: AppPilot) -> None:
    await start_mission(pilot, "scam-call")
    await pilot.click("#scam-hang-up")
    await settle(pilot)
    await pilot.press("escape")


SCREENS: dict[str, tuple[Moves, tuple[int, int]]] = {
    "mission_list": (mission_list, (100, 36)),
    "banner_80x24": (banner_over_a_flow, (80, 24)),
    "debrief": (debrief, (100, 36)),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_practice_screen_looks_right(
    screen: str, snap_compare: SnapCompare, center: CertificateCenter, center_template: Path
) -> None:
    moves, size = SCREENS[screen]

    async def run_before(pilot: Any) -> None:
        await settle(pilot)
        await moves(pilot)
        await settle(pilot)

    app = practice_app(center, center_template)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
