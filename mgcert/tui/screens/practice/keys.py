"""What the practice keys do while a try runs: F6 힌트, F7 확인/끝내기, F8 안내문; and the
judging when the learner comes back to the home screen after a flow."""

from __future__ import annotations

from typing import Any

from textual.app import App

from mgcert.errors import MgcertError
from mgcert.messages import practice_tui as msg
from mgcert.practice.debrief import Debrief
from mgcert.practice.judging import Verdict
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.practice_banner import refresh_practice_marks


def show_hint(app: App[Any], session: TuiSession) -> None:
    """F6: the mission's next hint, one at a time, in a toast."""
    run = session.practice
    if run is None:
        app.notify(msg.NO_TRY)
        return
    wrapped = run.hints_shown >= len(run.mission.hints)  # every hint seen: start over
    number, hint = run.next_hint()
    count = len(run.mission.hints)
    text = f"{msg.NO_MORE_HINTS}\n{hint}" if wrapped and number == 1 else hint
    app.notify(text, title=msg.HINT_TITLE.format(number=number, count=count), timeout=12)


def show_sheet(app: App[Any], session: TuiSession) -> None:
    """F8: the try's situation sheet (who, what they know), as shown at its start."""
    from mgcert.tui.screens.practice.sheet import SituationSheet

    if session.practice is None:
        app.notify(msg.NO_TRY)
        return
    if not isinstance(app.screen, SituationSheet):
        app.push_screen(SituationSheet(session.practice))


def _judge(app: App[Any], session: TuiSession) -> Verdict | None:
    run = session.practice
    if run is None:
        return None
    try:
        return run.judge()
    except MgcertError as error:
        app.notify(msg.JUDGE_FAILED.format(reason=str(error)), severity="error")
        return None


def finish_asking(app: App[Any], session: TuiSession) -> None:
    """F7: judge the try; over (done or gone wrong): the debrief; else ask first."""
    from mgcert.tui.screens.confirm import ConfirmModal

    if session.practice is None:
        app.notify(msg.NO_TRY)
        return
    verdict = _judge(app, session)
    if verdict is None:
        return
    if verdict.done or verdict.failed is not None:
        finish(app, session)
        return

    def answered(yes: bool | None) -> None:
        if yes:
            finish(app, session)

    app.push_screen(ConfirmModal(msg.FINISH_QUESTION, msg.FINISH_YES, msg.FINISH_NO), answered)


def judge_on_return(app: App[Any], session: TuiSession) -> None:
    """Back on the home screen: a try that is over opens its debrief."""
    verdict = _judge(app, session)
    if verdict is not None and (verdict.done or verdict.failed is not None):
        finish(app, session)


def finish(app: App[Any], session: TuiSession) -> None:
    """Record the try, go back to the user's own center and show the debrief."""
    run = session.practice
    if run is None:
        return
    try:
        debrief = run.finish()
    except MgcertError as error:
        app.notify(msg.JUDGE_FAILED.format(reason=str(error)), severity="error")
        return
    from mgcert.tui.screens.home import HomeScreen

    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)

    def show() -> None:
        # The try's screens are gone: now its center can close.
        session.leave_practice()
        refresh_practice_marks(app)
        open_debrief(app, session, debrief)

    if home is None or app.screen is home:
        show()
        return
    home.pop_until_active()
    app.call_later(show)


def open_debrief(app: App[Any], session: TuiSession, debrief: Debrief) -> None:
    from mgcert.tui.screens.practice.debrief_screen import DebriefChoice, DebriefScreen
    from mgcert.tui.screens.practice.mission_list import MissionListScreen

    def chosen(choice: DebriefChoice | None) -> None:
        if choice is DebriefChoice.RETRY:
            app.push_screen(MissionListScreen(session, start=debrief.mission_id))
        elif choice is DebriefChoice.LIST:
            app.push_screen(MissionListScreen(session))

    app.push_screen(DebriefScreen(debrief), chosen)
