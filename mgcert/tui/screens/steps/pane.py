"""A pane of a part-2 flow that talks to the center directly (no flow object)."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from mgcert.errors import MgcertError
from mgcert.tui.screens.issuance.step import error_text
from mgcert.tui.widgets.field_error import FieldError


class FlowPane(Vertical):
    """Posts :class:`Done` when finished; refusals go to its FieldError."""

    HELP_TOPIC: ClassVar[str] = "done"

    class Done(Message):
        def __init__(self, pane: FlowPane, outcome: object = None) -> None:
            super().__init__()
            self.pane = pane
            self.outcome = outcome

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, classes="step")

    def enter(self) -> None:
        """Focus the first field when the pane is shown."""
        for widget in self.query("Input, Button, RadioSet").results():
            if widget.focusable:
                widget.focus()
                return

    def finish(self, outcome: object = None) -> None:
        self.query_one(FieldError).show("")
        self.post_message(self.Done(self, outcome))

    def refuse(self, error: MgcertError | str, *secrets: Input) -> None:
        """The center's refusal by the fields; secrets cleared, other input kept."""
        for field in secrets:
            field.clear()
        self.query_one(FieldError).show(error if isinstance(error, str) else error_text(error))
        if secrets:
            secrets[0].focus()
