"""What every wizard step pane shares: the flow, its step number, errors, finishing."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from mgcert.center import LOCKED_FAILURES, IssuanceFlow
from mgcert.errors import MgcertError
from mgcert.messages import tui as msg
from mgcert.tui.widgets.field_error import FieldError


def error_text(error: MgcertError) -> str:
    """The center's Korean sentence, plus what to do next when something is locked."""
    text = str(error)
    if isinstance(error, LOCKED_FAILURES) and msg.LOCKED_NEXT_STEP not in text:
        text = f"{text}\n{msg.LOCKED_NEXT_STEP}"
    return text


class WizardStep(Vertical):
    """A pane of the wizard. Calls the flow; reports success with :class:`Finished`."""

    STEP: ClassVar[int] = 1
    HELP_TOPIC: ClassVar[str] = "customer"

    class Finished(Message):
        """The step is done; ``outcome`` carries what the next step needs."""

        def __init__(self, step: WizardStep, outcome: object = None) -> None:
            super().__init__()
            self.step = step
            self.outcome = outcome

    def __init__(self, flow: IssuanceFlow, *, id: str) -> None:
        super().__init__(id=id, classes="step")
        self.flow = flow

    def enter(self) -> None:
        """Called each time the pane is shown: focus the first field, start what it needs."""
        for widget in self.query("Input, Button, RadioSet, Checkbox").results():
            if widget.focusable and not widget.disabled:
                widget.focus()
                return

    def finish(self, outcome: object = None) -> None:
        self.show_error("")
        self.post_message(self.Finished(self, outcome))

    def show_error(self, text: str) -> None:
        for line in self.query(FieldError):
            line.show(text)

    def fail(self, error: MgcertError, *secrets: Input) -> None:
        """Show the center's refusal; clear secret fields; keep everything else."""
        for field in secrets:
            field.clear()
        self.show_error(error_text(error))
        if secrets:
            secrets[0].focus()
