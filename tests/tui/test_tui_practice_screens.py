"""연습 과제 around the missions: the 교육용 화면 mark on every screen of a try, the hint
key, the mission list's progress, a start that fails, and the user's own home."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from flow_driver import open_menu, until
from practice_driver import (
    assert_debrief,
    back_home,
    banner_on,
    practice_app,
    running,
    start_mission,
)
from rich.console import Console
from textual.widgets import Label, OptionList
from tui_driver import choose_kind, settle

from mgcert.center import CertificateCenter, MediumKind
from mgcert.errors import MgcertError
from mgcert.messages import practice as practice_msg
from mgcert.messages import practice_tui as msg
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.practice.mission_list import MissionListScreen
from mgcert.tui.screens.simulator.panel import SimulatorPanel
from mgcert.tui.widgets.practice_banner import PracticeBanner

SIZE = (80, 24)


def own_state(center: CertificateCenter) -> object:
    """What a try must never change in the user's own home."""
    return (
        [job.id for job in center.journal.all()],
        [e.serial for e in center.list_certificates(center.medium(MediumKind.HARDDISK)).entries],
        [e.serial for e in center.list_certificates(center.medium(MediumKind.PHONE)).entries],
        [(s.name, [a.balance_won for a in s.accounts]) for s in center.simulator.sheets()],
        center.clock.offset,
        [center.bank.lock_state(s.customer_id) for s in center.simulator.sheets()],
    )


async def test_every_screen_of_a_try_carries_the_mark_and_the_own_home_is_untouched(
    center: CertificateCenter, center_template: Path
) -> None:
    before = own_state(center)
    app = practice_app(center, center_template)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not banner_on(app)  # the user's own home is no practice home
        run = await start_mission(pilot, "first-issue")
        assert app.session.center is run.center is not center
        assert run.practice_try.home.is_relative_to(center.home.root / "practice")
        assert isinstance(app.screen, HomeScreen)
        assert banner_on(app)
        banner = app.screen.query_one(PracticeBanner)
        assert banner.region.height == 1
        assert banner.region.y == 0
        shown = str(banner.render())
        assert msg.MARK.strip() in shown
        assert "F6" in shown
        assert "F7" in shown
        await open_menu(pilot, "issue")  # a flow screen
        assert banner_on(app)
        await choose_kind(pilot)
        assert banner_on(app)
        await pilot.press("f2")  # the simulator panel
        await settle(pilot)
        assert isinstance(app.screen, SimulatorPanel)
        assert banner_on(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f7")  # not done yet: a dialog asks
        await settle(pilot)
        assert isinstance(app.screen, ConfirmModal)
        assert banner_on(app)
        await pilot.press("tab", "enter")  # 끝내고 결과 보기
        await settle(pilot)
        assert_debrief_unfinished(app)
        assert not banner_on(app)  # back on the user's own center: no mark
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert not banner_on(app)
        assert app.session.center is center
    assert own_state(center) == before


def assert_debrief_unfinished(app: Any) -> None:
    screen = app.screen
    assert str(screen.query_one("#debrief-outcome").render()) == practice_msg.DEBRIEF_UNFINISHED
    assert screen.debrief.retry_suggested


async def test_f6_gives_the_hints_one_at_a_time(
    center: CertificateCenter, center_template: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = practice_app(center, center_template)
    shown: list[tuple[str, str]] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        run = await start_mission(pilot, "renew")
        monkeypatch.setattr(
            app, "notify", lambda text, *, title="", **_: shown.append((title, text))
        )
        hints = run.mission.hints
        for _ in range(len(hints) + 1):
            await pilot.press("f6")
            await settle(pilot)
        await pilot.press("f2")  # over a dialog too
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
    # After the last hint the first comes again, saying so.
    again = f"{msg.NO_MORE_HINTS}\n{hints[0]}"
    assert [text for _, text in shown] == [*hints, again, hints[1]]
    assert shown[0][0] == msg.HINT_TITLE.format(number=1, count=len(hints))
    assert all("{" not in text for _, text in shown)  # rule numbers filled in


async def test_no_hint_key_without_a_try(center: CertificateCenter, center_template: Path) -> None:
    app = practice_app(center, center_template)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.check_action("practice_hint", ()) is False
        await pilot.press("f6", "f7", "f8")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_list_shows_progress_and_retry_starts_a_fresh_try(
    center: CertificateCenter, center_template: Path
) -> None:
    app = practice_app(center, center_template)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = await start_mission(pilot, "scam-call")
        await pilot.click("#scam-report")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert_debrief(app, "scam-call", done=True)
        await pilot.click("#debrief-retry")  # 다시 하기: a fresh try at once
        await until(pilot, lambda: app.session.practice is not None)
        await settle(pilot)
        second = running(app)
        assert second.practice_try.number == first.practice_try.number + 1
        assert second.practice_try.home != first.practice_try.home
        await back_home(pilot)
        await open_menu(pilot, "practice")
        options = app.screen.query_one("#mission-list", OptionList)
        prompt = rendered(options.get_option("scam-call").prompt)
        assert msg.PROGRESS_DONE_TRIES.format(tries=2) in prompt
        assert msg.PROGRESS_NEW in rendered(options.get_option("renew").prompt)


async def test_a_start_that_fails_says_why_in_korean(
    center: CertificateCenter, center_template: Path
) -> None:
    app = practice_app(center, center_template)

    def broken(home: Path) -> CertificateCenter:
        raise MgcertError("데이터 폴더를 열 수 없습니다.")

    app.session.practice_opener = broken
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "practice")
        await pilot.press("enter")
        await until(pilot, lambda: "못했습니다" in str(status(app)))
        assert "연습을 시작하지 못했습니다: 데이터 폴더를 열 수 없습니다." in status(app)
        assert isinstance(app.screen, MissionListScreen)
        assert app.session.practice is None
        assert not app.screen.query_one("#mission-list", OptionList).disabled

        def bug(home: Path) -> CertificateCenter:
            raise ZeroDivisionError

        app.session.practice_opener = bug
        await pilot.press("enter")
        await until(pilot, lambda: msg.START_FAILED_UNEXPECTED in status(app))
        assert "Traceback" not in status(app)
    assert not (center.home.root / "practice" / "first-issue" / "1").exists()


def status(app: Any) -> str:
    return str(app.screen.query_one("#missions-status", Label).render())


def rendered(prompt: object) -> str:
    """A list line as the terminal shows it (the goal is a padded block under the title)."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(prompt)
    return console.export_text()
