"""Why a flow cannot go on, and the menu that can help instead (too early, expired, …)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from mgcert.messages import tui_flows as msg


class ExplanationPane(Vertical):
    """Heading, the center's reason, a hint, and a button to the right menu."""

    HELP_TOPIC = "explanation"

    def __init__(self, *, id: str = "refused") -> None:
        super().__init__(id=id, classes="step explanation")
        self._action: Callable[[], None] | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="explain-heading", classes="heading explain-heading")
        yield Label("", id="explain-reason", classes="explain-reason")
        yield Label("", id="explain-hint", classes="intro")
        with Horizontal(classes="buttons"):
            yield Button("", id="explain-action", variant="primary")
            yield Button(msg.GO_HOME, id="explain-home")

    def explain(
        self,
        heading: str,
        reason: str,
        hint: str,
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        self.query_one("#explain-heading", Label).update(heading)
        self.query_one("#explain-reason", Label).update(reason)
        self.query_one("#explain-hint", Label).update(hint)
        button = self.query_one("#explain-action", Button)
        button.display = action is not None
        self._action = None
        if action is not None:
            button.label, self._action = action

    def enter(self) -> None:
        first = "#explain-action" if self._action is not None else "#explain-home"
        self.query_one(first, Button).focus()

    @on(Button.Pressed, "#explain-action")
    def act(self) -> None:
        if self._action is not None:
            self._action()

    @on(Button.Pressed, "#explain-home")
    def go_home(self) -> None:
        self.screen.dismiss(None)
