"""A step of a flow: one pane that asks one thing and answers with a typed value.

A flow screen awaits a step (``value = await self.ask(CustomerStep(...))``); the step
calls the center itself when it needs to (so a refusal is shown by its own fields) and
calls :meth:`Step.finish` with what the flow needs next.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, ClassVar, Concatenate, Generic, ParamSpec, TypeVar, cast

from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input

from mgcert.center import LOCKED_FAILURES
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import tui as msg
from mgcert.tui.widgets.field_error import FieldError

T = TypeVar("T")
S = TypeVar("S", bound="Step[Any]")
P = ParamSpec("P")


def error_text(error: MgcertError) -> str:
    """The center's Korean sentence, plus what to do next when something is locked."""
    text = str(error)
    if isinstance(error, LOCKED_FAILURES) and issue_msg.LOCKED_NEXT_STEP not in text:
        text = f"{text}\n{issue_msg.LOCKED_NEXT_STEP}"
    return text


def guarded(handler: Callable[Concatenate[S, P], None]) -> Callable[Concatenate[S, P], None]:
    """For a step's handler that calls the center: a bug there (not a refusal — the step
    shows those itself) is logged and said by the fields, what was typed is kept, and
    the app lives on."""

    @functools.wraps(handler)
    def run(step: S, /, *args: P.args, **kwargs: P.kwargs) -> None:
        try:
            handler(step, *args, **kwargs)
        except Exception as error:
            step.app.log.error(repr(error))
            step.show_error(msg.WORKER_FAILED)

    return run


class Step(Vertical, Generic[T]):
    """One pane of a flow; :meth:`finish` answers the flow's ``ask`` with a ``T``."""

    HELP_TOPIC: ClassVar[str] = "customer"
    # The simulator tab this step's device lives on (F2 opens it), if any.
    SIMULATOR_TAB: ClassVar[str | None] = None
    # The end of a flow (a result, a refusal explained): Esc leaves the flow from here.
    FINAL: ClassVar[bool] = False

    class Answered(Message):
        """The step is done; ``value`` is what the flow asked for."""

        def __init__(self, step: Step[object], value: object) -> None:
            super().__init__()
            self.step = step
            self.value = value

    def __init__(self, *, id: str, classes: str = "step", help_topic: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._help_topic = help_topic

    @property
    def help_topic(self) -> str:
        """F1's text for this pane (a result pane names its flow's own)."""
        return self._help_topic or self.HELP_TOPIC

    @property
    def key(self) -> tuple[str, str]:
        """Which step this is, for the flow's trail: going back reuses the same pane."""
        return (type(self).__qualname__, self.id or "")

    def enter(self) -> None:
        """Called each time the pane is shown: focus the first field, start what it needs."""
        for widget in self.query("Input, Button, RadioSet, Checkbox, DataTable").results():
            if widget.focusable and not widget.disabled:
                widget.focus()
                return

    def has_input(self) -> bool:
        """Whether leaving this pane would lose something the person typed."""
        return any(field.value for field in self.query(Input))

    def finish(self, value: T) -> None:
        self.show_error("")
        self.post_message(self.Answered(cast("Step[object]", self), value))

    def show_error(self, text: str) -> None:
        for line in self.query(FieldError):
            line.show(text)

    def fail(self, error: MgcertError | str, *secrets: Input) -> None:
        """Show the center's refusal by the fields; clear secret fields, keep the rest."""
        for field in secrets:
            field.clear()
        self.show_error(error if isinstance(error, str) else error_text(error))
        if secrets:
            secrets[0].focus()
