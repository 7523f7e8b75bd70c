"""연습 안내문: the try's goal, its situation and what the customer told the learner."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from mgcert.messages import practice_tui as msg
from mgcert.messages import tui as tui_msg
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.practice.run import PracticeRun
from mgcert.tui.screens.practice.styles import PRACTICE_CSS
from mgcert.tui.widgets.key_footer import KeyFooter


def facts_table(run: PracticeRun) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(no_wrap=True, style="bold")
    table.add_column()
    for fact in run.practice_try.situation.facts:
        table.add_row(fact.label, fact.value)
    return table


class SituationSheet(MgcertModal[None]):
    """Shown when a try starts, and again on F8."""

    CSS_PATH = PRACTICE_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", tui_msg.KEY_CLOSE, id="sheet.close")
    ]

    def __init__(self, run: PracticeRun) -> None:
        super().__init__(id="practice-sheet")
        self.run = run

    def compose(self) -> ComposeResult:
        mission = self.run.mission
        situation = self.run.practice_try.situation
        with Vertical(id="practice-sheet-box", classes="dialog"):
            yield Label(msg.SHEET_TITLE.format(title=mission.title), classes="heading")
            with VerticalScroll(id="practice-sheet-body"):
                yield Label(msg.SHEET_GOAL, classes="subheading")
                yield Label(mission.goal, id="practice-sheet-goal", classes="intro")
                yield Label(msg.SHEET_STORY, classes="subheading")
                yield Label(situation.story, classes="intro")
                yield Label(msg.SHEET_FACTS, classes="subheading")
                yield Static(facts_table(self.run), id="practice-sheet-facts")
                yield Label(msg.SHEET_KEYS, classes="note")
            yield Button(msg.SHEET_START, id="practice-sheet-start", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#practice-sheet-start", Button).focus()

    @on(Button.Pressed, "#practice-sheet-start")
    def action_close(self) -> None:
        self.dismiss(None)
