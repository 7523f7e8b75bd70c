"""Moves through 연습 과제 in the TUI, shared by the practice Pilot and snapshot tests.

A try's practice home starts as a copy of the tests' template home and opens with the
pinned clock and the cheap KDF (as tests/practice does), so a start costs well under a
second instead of the real KDF's several.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from flow_driver import open_menu, until
from support.constants import FAST_ITERATIONS
from textual.widgets import OptionList
from tui_driver import AppPilot, settle

from mgcert.center import CertificateCenter
from mgcert.clock import KST, Clock
from mgcert.home import DataHome
from mgcert.practice.marker import PracticeTimers
from mgcert.practice.missions import MISSIONS
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.practice.debrief_screen import DebriefScreen
from mgcert.tui.screens.practice.mission_list import MissionListScreen
from mgcert.tui.screens.practice.run import PracticeRun
from mgcert.tui.screens.practice.sheet import SituationSheet
from mgcert.tui.widgets.practice_banner import PracticeBanner

Opener = Callable[[Path], CertificateCenter]


def make_opener(template: Path) -> Opener:
    from datetime import datetime

    now = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)  # tests/tui/conftest.FIXED_NOW

    def opener(home: Path) -> CertificateCenter:
        if not (home / "manifest.json").exists():
            shutil.copytree(template, home, dirs_exist_ok=True, symlinks=True)
        data_home = DataHome(home)
        clock = Clock(pinned=now, state_file=data_home.clock_file)
        return CertificateCenter.open(
            data_home, clock, iterations=FAST_ITERATIONS, timers=PracticeTimers(home)
        )

    return opener


def practice_app(center: CertificateCenter, template: Path) -> MgcertApp:
    app = MgcertApp(center)
    app.session.practice_opener = make_opener(template)
    return app


def running(app: MgcertApp) -> PracticeRun:
    run = app.session.practice
    assert run is not None
    return run


def banner_on(app: MgcertApp) -> bool:
    """The screen on top carries the mark."""
    return bool(list(app.screen.query_children(PracticeBanner)))


async def start_mission(pilot: AppPilot, mission_id: str) -> PracticeRun:
    """Home → 연습 과제 → the mission → Enter; waits for the try, closes its sheet."""
    app = pilot.app
    assert isinstance(app, MgcertApp)
    await open_menu(pilot, "practice")
    assert isinstance(app.screen, MissionListScreen), app.screen
    index = [m.id for m in MISSIONS].index(mission_id)
    options = app.screen.query_one("#mission-list", OptionList)
    await pilot.press("home", *(["down"] * index))
    await until(pilot, lambda: options.highlighted == index)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, SituationSheet))
    assert isinstance(app.screen, SituationSheet), app.screen
    await settle(pilot)
    await pilot.press("enter")  # 시작하기
    await settle(pilot)
    return running(app)


async def back_home(pilot: AppPilot) -> None:
    """Esc until the home screen (or the debrief it opened); "leave?" answered yes."""
    from mgcert.tui.screens.confirm import ConfirmModal

    app = pilot.app
    for _ in range(8):
        if isinstance(app.screen, HomeScreen | DebriefScreen):
            return
        if isinstance(app.screen, ConfirmModal):
            await pilot.press("tab", "enter")  # from 아니요 to 예
        else:
            await pilot.press("escape")
        await settle(pilot)


def debrief_screen(app: MgcertApp) -> DebriefScreen:
    screen = app.screen
    assert isinstance(screen, DebriefScreen), screen
    return screen


def assert_debrief(app: MgcertApp, mission_id: str, *, done: bool) -> None:
    """The debrief is on screen with its sections, and the user's progress agrees (the
    engine judged the try from the practice center's state)."""
    from mgcert.messages import practice as practice_msg
    from mgcert.practice.progress import Outcome, read_progress

    screen = debrief_screen(app)
    assert screen.debrief.mission_id == mission_id
    outcome = str(screen.query_one("#debrief-outcome").render())
    assert outcome == (practice_msg.DEBRIEF_DONE if done else practice_msg.DEBRIEF_FAILED)
    assert str(screen.query_one("#debrief-what-happened").render()).startswith("•")
    steps = str(screen.query_one("#debrief-steps").render())
    for line in screen.debrief.steps:
        assert line.step in steps
        assert line.rule in steps.replace("\n", "")
    assert screen.query("#debrief-retry")
    assert screen.query("#debrief-list")
    assert bool(screen.query("#debrief-failed")) is (not done)
    assert app.session.practice is None  # back on the user's own center
    progress = read_progress(app.session.own_center.home.root)[mission_id]
    assert progress.tries >= 1
    assert progress.last is (Outcome.DONE if done else Outcome.FAILED)
