"""Why a flow cannot go on, and the menu that can help instead (too early, expired, …)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label

from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.steps.step import Step


class ExplanationPane(Step[bool]):
    """Heading, the center's reason, a hint, and a button to the right menu: answers
    True when that button is pressed, False for 인증센터로."""

    HELP_TOPIC = "explanation"
    FINAL = True

    def __init__(
        self,
        heading: str,
        reason: str,
        hint: str,
        action: str | None = None,
        *,
        id: str = "refused",
    ) -> None:
        super().__init__(id=id, classes="step explanation")
        self.heading, self.reason, self.hint, self.action = heading, reason, hint, action

    def compose(self) -> ComposeResult:
        yield Label(self.heading, id="explain-heading", classes="heading explain-heading")
        yield Label(self.reason, id="explain-reason", classes="explain-reason")
        yield Label(self.hint, id="explain-hint", classes="intro")
        with Horizontal(classes="buttons"):
            action = Button(self.action or "", id="explain-action", variant="primary")
            action.display = self.action is not None
            yield action
            yield Button(msg.GO_HOME, id="explain-home")

    def enter(self) -> None:
        first = "#explain-action" if self.action is not None else "#explain-home"
        self.query_one(first, Button).focus()

    @on(Button.Pressed, "#explain-action")
    def act(self) -> None:
        self.finish(True)

    @on(Button.Pressed, "#explain-home")
    def go_home(self) -> None:
        self.finish(False)
