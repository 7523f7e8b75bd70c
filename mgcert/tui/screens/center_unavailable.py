"""Shown when the center could not be opened: why, and the one way on (quit)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from mgcert.messages import tui as msg
from mgcert.tui.screens.base import MgcertModal


class CenterUnavailable(MgcertModal[None]):
    """The data home is unreadable, locked or broken; nothing else can work, so quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "quit_app", msg.CENTER_UNAVAILABLE_QUIT, id="unavailable.quit")
    ]

    def __init__(self, reason: str) -> None:
        super().__init__(id="center-unavailable")
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(id="unavailable-box", classes="dialog"):
            yield Label(msg.CENTER_UNAVAILABLE_TITLE, classes="heading")
            yield Label(self.reason, id="unavailable-reason")
            yield Label(msg.CENTER_UNAVAILABLE_HINT, id="unavailable-hint", classes="muted")
            with Horizontal(classes="buttons"):
                yield Button(msg.CENTER_UNAVAILABLE_QUIT, id="unavailable-quit", variant="error")

    def on_mount(self) -> None:
        self.query_one("#unavailable-quit", Button).focus()

    @on(Button.Pressed, "#unavailable-quit")
    def action_quit_app(self) -> None:
        self.app.exit(return_code=1)
