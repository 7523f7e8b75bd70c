"""Shown when the center could not be opened: why, and the ways on (quit; for a lost or
foreign register, start a new data home after a confirmation)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from mgcert.center.reset import reset_home
from mgcert.errors import MgcertError
from mgcert.home import DataHome
from mgcert.messages import center as center_msg
from mgcert.messages import tui as msg
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.confirm import ConfirmModal


class CenterUnavailable(MgcertModal[None]):
    """The data home is unreadable, locked or broken; nothing else can work, so quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "quit_app", msg.CENTER_UNAVAILABLE_QUIT, id="unavailable.quit")
    ]

    def __init__(self, reason: str, reset_home: DataHome | None = None) -> None:
        super().__init__(id="center-unavailable")
        self.reason = reason
        self.reset_home = reset_home

    def compose(self) -> ComposeResult:
        with Vertical(id="unavailable-box", classes="dialog"):
            yield Label(msg.CENTER_UNAVAILABLE_TITLE, classes="heading")
            yield Label(self.reason, id="unavailable-reason")
            yield Label(msg.CENTER_UNAVAILABLE_HINT, id="unavailable-hint", classes="muted")
            with Horizontal(classes="buttons"):
                yield Button(msg.CENTER_UNAVAILABLE_QUIT, id="unavailable-quit", variant="error")
                if self.reset_home is not None:
                    yield Button(msg.CENTER_UNAVAILABLE_RESET, id="unavailable-reset")

    def on_mount(self) -> None:
        self.query_one("#unavailable-quit", Button).focus()

    @on(Button.Pressed, "#unavailable-quit")
    def action_quit_app(self) -> None:
        self.app.exit(return_code=1)

    @on(Button.Pressed, "#unavailable-reset")
    def ask_reset(self) -> None:
        home = self.reset_home
        assert home is not None
        question = msg.CENTER_RESET_QUESTION.format(path=home.root)
        modal = ConfirmModal(question, msg.CENTER_RESET_YES, msg.CENTER_RESET_NO)
        self.app.push_screen(modal, self._reset_if_confirmed)

    def _reset_if_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed or self.reset_home is None:
            return
        try:
            moved = reset_home(self.reset_home)
        except MgcertError as error:
            self.query_one("#unavailable-reason", Label).update(str(error))
            return
        done = center_msg.RESET_DONE.format(path=moved) if moved else msg.CENTER_RESET_RESTART
        self.query_one(".heading", Label).update(msg.CENTER_RESET_TITLE)
        self.query_one("#unavailable-reason", Label).update(done)
        self.query_one("#unavailable-hint", Label).display = False
        self.query_one("#unavailable-reset", Button).remove()
        self.query_one("#unavailable-quit", Button).focus()
