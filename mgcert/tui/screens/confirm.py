"""A yes/no dialog (used before abandoning a half-done flow)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from mgcert.messages import tui as msg
from mgcert.tui.screens.base import MgcertModal


class ConfirmModal(MgcertModal[bool]):
    """Returns True for the first (consequential) button, False for the other or Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg.ABANDON_NO, id="confirm.cancel")
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__(classes="confirm")
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Label(self.question, id="confirm-question")
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="confirm-no", variant="primary")
                yield Button(self.yes, id="confirm-yes", variant="error")

    def on_mount(self) -> None:
        # The safe answer has focus, so a stray Enter never loses work.
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def answer_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def answer_no(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)
