"""연습 과제: every mission with its goal and progress, and 연습 설정 (시간 제한 없음).

Enter starts a try: a fresh practice home is prepared in a thread (a few seconds)
behind a loading indicator; then the app runs on that home's center, back on the home
screen, with the try's situation sheet on top.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Checkbox, Header, Label, LoadingIndicator, OptionList
from textual.widgets.option_list import Option

from mgcert.errors import MgcertError
from mgcert.messages import practice_tui as msg
from mgcert.messages import tui as tui_msg
from mgcert.practice.missions import MISSIONS, Mission
from mgcert.practice.progress import MissionProgress, read_progress
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.practice.run import (
    PracticeRun,
    initial_no_time_limit,
    start_run,
    switch_no_time_limit,
)
from mgcert.tui.screens.practice.styles import PRACTICE_CSS
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.key_footer import KeyFooter
from mgcert.tui.widgets.practice_banner import refresh_practice_marks

SCAM_CALL = "scam-call"


def mission_number(mission: Mission) -> str:
    if mission.variant_of is None:
        return str(mission.number)
    return msg.VARIANT_NUMBER.format(number=mission.number)


def progress_text(progress: MissionProgress | None) -> Text:
    if progress is None or progress.tries == 0:
        return Text(msg.PROGRESS_NEW, style="dim")
    if progress.done:
        return Text(msg.PROGRESS_DONE_TRIES.format(tries=progress.tries), style="bold green")
    return Text(msg.PROGRESS_TRIES.format(tries=progress.tries), style="yellow")


def mission_prompt(mission: Mission, progress: MissionProgress | None) -> Group:
    """Number, title and progress; then the goal, indented also where it wraps."""
    heading = Text.assemble(
        (f"{mission_number(mission)}. {mission.title}", "bold"), "  ", progress_text(progress)
    )
    return Group(heading, Padding(Text(mission.goal), (0, 0, 0, 3)))


class MissionListScreen(MgcertScreen[None]):
    """``start``: begin that mission's try at once (the debrief's 다시 하기)."""

    CSS_PATH = PRACTICE_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", tui_msg.KEY_BACK, id="missions.back")
    ]

    def __init__(self, session: TuiSession, *, start: str | None = None) -> None:
        super().__init__(id="missions")
        self.session = session
        self.start_at_once = start
        self.starting = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="missions-body"):
            yield Label(msg.LIST_TITLE, classes="heading")
            yield Label(msg.LIST_INTRO, classes="intro")
            yield OptionList(id="mission-list")
            yield Label("", id="missions-status", classes="note")
            yield LoadingIndicator(id="missions-loading")
            yield Label(msg.SETTINGS_HEADING, classes="subheading")
            yield Checkbox(msg.NO_TIME_LIMIT, id="no-time-limit")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = msg.LIST_TITLE
        self.query_one("#missions-loading").display = False
        checkbox = self.query_one("#no-time-limit", Checkbox)
        with checkbox.prevent(Checkbox.Changed):
            checkbox.value = initial_no_time_limit(self.session)
        self.fill()
        self.query_one("#mission-list", OptionList).focus()
        if self.start_at_once is not None:
            self.begin(self.start_at_once)

    def fill(self) -> None:
        """The missions with the progress kept in the user's own home."""
        try:
            progress = read_progress(self.session.own_center.home.root)
        except MgcertError as error:
            progress = {}
            self.say(msg.PROGRESS_UNREADABLE.format(reason=str(error)))
        options = self.query_one("#mission-list", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            [Option(mission_prompt(m, progress.get(m.id)), id=m.id) for m in MISSIONS]
        )
        options.highlighted = highlighted if highlighted is not None else 0

    def say(self, text: str) -> None:
        self.query_one("#missions-status", Label).update(text)

    @on(Checkbox.Changed, "#no-time-limit")
    def time_limit_changed(self, event: Checkbox.Changed) -> None:
        try:
            switch_no_time_limit(self.session, event.value)
        except MgcertError as error:
            self.say(str(error))

    @on(OptionList.OptionSelected, "#mission-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.begin(event.option.id)

    def begin(self, mission_id: str) -> None:
        if self.starting:
            return
        if self.session.practice is not None:
            self.say(msg.ALREADY_RUNNING)
            return
        title = next(m.title for m in MISSIONS if m.id == mission_id)
        self.starting = True
        self.say(msg.STARTING.format(title=title) + " " + msg.STARTING_NOTE)
        self.query_one("#missions-loading").display = True
        self.query_one("#mission-list", OptionList).disabled = True
        self.prepare(mission_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="practice-start")
    def prepare(self, mission_id: str) -> None:
        try:
            run = start_run(self.session, mission_id)
        except MgcertError as error:
            self.app.call_from_thread(self.failed, msg.START_FAILED.format(reason=str(error)))
        except Exception as error:  # a bug: said in Korean here, logged for --debug
            self.app.log.error(repr(error))
            self.app.call_from_thread(self.failed, msg.START_FAILED_UNEXPECTED)
        else:
            self.app.call_from_thread(self.started, run)

    def failed(self, reason: str) -> None:
        self.starting = False
        self.say(reason)
        self.query_one("#missions-loading").display = False
        options = self.query_one("#mission-list", OptionList)
        options.disabled = False
        options.focus()

    def started(self, run: PracticeRun) -> None:
        """The try runs: back to the home screen on its center, its sheet on top."""
        from mgcert.tui.screens.practice.sheet import SituationSheet

        if not self.is_attached:  # left meanwhile (the app is closing)
            run.center.close()
            return
        session, app = self.session, self.app
        session.enter_practice(run)
        self.dismiss(None)

        def after_sheet(_: None) -> None:
            if run.mission.id == SCAM_CALL and session.practice is run:
                from mgcert.tui.commands import open_simulator_tab

                open_simulator_tab(app, session, "phone")  # the phone rings

        def show() -> None:
            refresh_practice_marks(app)
            app.push_screen(SituationSheet(run), after_sheet)

        app.call_later(show)

    def action_back(self) -> None:
        if not self.starting:
            self.dismiss(None)
