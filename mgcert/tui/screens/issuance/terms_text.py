"""약관 보기: one term's text in a dialog, closed with Esc or 닫기."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Label

from mgcert.messages import terms as msg
from mgcert.messages.terms import Term
from mgcert.tui.screens.base import MgcertModal


class TermTextModal(MgcertModal[None]):
    """The term's title and summary; nothing to answer."""

    HELP_TOPIC = "terms"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", msg.CLOSE, id="term.close")]

    def __init__(self, term: Term) -> None:
        super().__init__(id="term-text")
        self.term = term

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.term.title, classes="heading", id="term-title")
            yield Label(self.term.summary, id="term-summary")
            yield Button(msg.CLOSE, id="term-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#term-close", Button).focus()

    @on(Button.Pressed, "#term-close")
    def action_close(self) -> None:
        self.dismiss(None)
