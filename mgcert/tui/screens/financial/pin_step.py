"""금융인증서 PIN: 6 digits, typed twice; the center refuses trivial PINs when issuing."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from mgcert.messages import financial as fin_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.field_error import FieldError

PIN_DIGITS = 6


@dataclass(frozen=True)
class NewPin:
    """Handed to the issuing worker; the fields are already cleared."""

    pin: str
    confirm: str


def pin_input(*, id: str) -> Input:
    return Input(password=True, max_length=PIN_DIGITS, restrict=r"[0-9]*", id=id, classes="short")


class PinStep(Step[NewPin]):
    """Finishes with a :class:`NewPin`."""

    HELP_TOPIC = "pin"

    def __init__(self) -> None:
        super().__init__(id="pin")

    def compose(self) -> ComposeResult:
        yield Label(fin_msg.FIN_PIN_HEADING, classes="heading")
        yield Label(fin_msg.FIN_PIN_INTRO, classes="intro")
        with Horizontal(classes="field"):
            yield Label(fin_msg.FIN_PIN_LABEL, classes="field-label")
            yield pin_input(id="pin-first")
        with Horizontal(classes="field"):
            yield Label(fin_msg.FIN_PIN_CONFIRM_LABEL, classes="field-label")
            yield pin_input(id="pin-confirm")
        yield FieldError()
        yield Button(fin_msg.FIN_PIN_BUTTON, id="pin-issue", variant="primary")

    @on(Input.Submitted, "#pin-first")
    def to_confirm(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#pin-confirm", Input).focus()

    @on(Input.Submitted, "#pin-confirm")
    @on(Button.Pressed, "#pin-issue")
    def submit(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        first, confirm = self.query_one("#pin-first", Input), self.query_one("#pin-confirm", Input)
        typed = NewPin(digits_only(first.value), digits_only(confirm.value))
        if len(typed.pin) != PIN_DIGITS:
            self.fail(fin_msg.FIN_PIN_FORMAT, first, confirm)
            return
        first.clear()
        confirm.clear()
        self.finish(typed)
