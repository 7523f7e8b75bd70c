"""연습 설정 시간 제한 없음: switched on the mission list, an ARS code is still accepted
an hour later (and says so on screen); off, the same hour makes it run out. And
``mgcert`` opens a practice home with the practice timers."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

import pytest
from flow_driver import open_menu, text_of
from practice_driver import practice_app, running, start_mission
from textual.widgets import Checkbox
from tui_driver import (
    agree_terms,
    answer_ars_call,
    choose_kind,
    choose_method,
    confirm_ars,
    demo_customer,
    enter_customer,
    error_on_screen,
    pane_id,
    settle,
)

from mgcert.center import CertificateCenter
from mgcert.messages import practice_tui as msg
from mgcert.practice.marker import mark_practice_home, practice_settings

SIZE = (100, 36)


@pytest.mark.parametrize("no_limit", [True, False])
async def test_an_ars_code_an_hour_later(
    center: CertificateCenter, center_template: Path, no_limit: bool
) -> None:
    app = practice_app(center, center_template)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "practice")
        box = app.screen.query_one("#no-time-limit", Checkbox)
        if no_limit:
            box.focus()
            await pilot.press("space")
            await settle(pilot)
        assert box.value is no_limit
        await pilot.press("escape")
        await settle(pilot)
        run = await start_mission(pilot, "first-issue")
        assert practice_settings(run.practice_try.home).no_time_limit is no_limit
        customer = demo_customer(run.center, "김민준")
        await open_menu(pilot, "issue")
        await choose_kind(pilot)
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        await choose_method(pilot)  # ARS
        shown = text_of(app, "#ars-expires")
        assert (shown == msg.ARS_NO_TIME_LIMIT) is no_limit
        run.center.simulator.advance_clock(timedelta(hours=1))
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        if no_limit:
            assert pane_id(app) != "ars"  # on to 보안카드/OTP
        else:
            assert pane_id(app) == "ars"
            assert error_on_screen(app)
        assert running(app) is run


def test_mgcert_opens_a_practice_home_with_the_practice_timers(
    center_template: Path, tmp_path: Path
) -> None:
    import shutil

    from mgcert.cli.main import open_center

    home = tmp_path / "learner"
    shutil.copytree(center_template, home, symlinks=True)
    mark_practice_home(home, no_time_limit=True)
    args = argparse.Namespace(home=str(home), now=None, command=None)
    env = {"MGCERT_ITERATIONS": "2048", "MGCERT_NOW": "2026-11-24T10:00:00+09:00"}
    with open_center(args, env) as opened:
        flow = opened.start_issuance(next(iter(_kinds())))
        sheet = opened.simulator.sheets()[0]
        flow.enter_customer(sheet.rrn, sheet.accounts[0].number, sheet.accounts[0].password)
        flow.agree_terms(True)
        prompt = flow.start_ars()
        opened.simulator.advance_clock(timedelta(hours=1))
        assert opened.simulator.key_in_ars(sheet.customer_id, prompt.code)
        flow.confirm_ars()  # not run out: the practice home's 시간 제한 없음


def _kinds() -> list[object]:
    from mgcert.npki.profile import CertificateKind

    return [CertificateKind.GENERAL]
