"""The debrief after a try: what the learner did, the rule behind each step, the mistake
people most often make there, and 다시 하기 / 목록으로."""

from __future__ import annotations

import enum
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Label, Static

from mgcert.messages import practice_tui as msg
from mgcert.messages import tui as tui_msg
from mgcert.practice.debrief import Debrief
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.practice.styles import PRACTICE_CSS
from mgcert.tui.widgets.key_footer import KeyFooter


class DebriefChoice(enum.Enum):
    RETRY = "retry"
    LIST = "list"


def steps_text(debrief: Debrief) -> Text:
    text = Text()
    for number, line in enumerate(debrief.steps, start=1):
        if number > 1:
            text.append("\n")
        text.append(f"{number}. {line.step}\n", style="bold")
        text.append(f"   {msg.DEBRIEF_RULE}: ", style="bold")
        text.append(f"{line.rule}\n")
        text.append(f"   {msg.DEBRIEF_MISTAKE}: ", style="bold")
        text.append(f"{line.common_mistake}\n")
    return text


class DebriefScreen(MgcertScreen[DebriefChoice]):
    """Esc goes back to the home screen (the try is recorded already)."""

    CSS_PATH = PRACTICE_CSS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "home", tui_msg.KEY_BACK, id="debrief.home")
    ]

    def __init__(self, debrief: Debrief) -> None:
        super().__init__(id="debrief")
        self.debrief = debrief

    def compose(self) -> ComposeResult:
        debrief = self.debrief
        done = not debrief.retry_suggested
        yield Header()
        with VerticalScroll(id="debrief-body"):
            yield Label(msg.DEBRIEF_TITLE.format(title=debrief.title), classes="heading")
            outcome = Label(debrief.outcome, id="debrief-outcome")
            outcome.add_class("done-heading" if done else "warning-heading")
            yield outcome
            if debrief.failed is not None:
                yield Label(msg.DEBRIEF_WHY_FAILED, classes="subheading")
                yield Label(debrief.failed, id="debrief-failed", classes="intro")
            yield Label(msg.DEBRIEF_WHAT_HAPPENED, classes="subheading")
            yield Static(
                "\n".join(f"• {line}" for line in debrief.what_happened),
                id="debrief-what-happened",
            )
            yield Label(msg.DEBRIEF_STEPS, classes="subheading")
            yield Static(steps_text(debrief), id="debrief-steps")
        with Horizontal(id="debrief-buttons", classes="buttons"):
            yield Button(
                debrief.retry_label,
                id="debrief-retry",
                variant="primary" if debrief.retry_suggested else "default",
            )
            yield Button(
                msg.DEBRIEF_TO_LIST,
                id="debrief-list",
                variant="default" if debrief.retry_suggested else "primary",
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        first = "#debrief-retry" if self.debrief.retry_suggested else "#debrief-list"
        self.query_one(first, Button).focus()

    @on(Button.Pressed, "#debrief-retry")
    def retry(self) -> None:
        self.dismiss(DebriefChoice.RETRY)

    @on(Button.Pressed, "#debrief-list")
    def to_list(self) -> None:
        self.dismiss(DebriefChoice.LIST)

    def action_home(self) -> None:
        self.dismiss(None)
