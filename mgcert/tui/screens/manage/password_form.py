"""What the password dialogs of 인증서 관리 share (암호 변경, PFX 내보내기, PFX 가져오기):
the first field focused, Enter moving to the next field and submitting on the last, the
rule checklist ticked as the new password and its confirmation are typed, and one line
for a worker's failure."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import on
from textual.widgets import Input
from textual.worker import Worker, WorkerState

from mgcert.errors import MgcertError
from mgcert.messages import tui as part1_msg
from mgcert.tui.normalize import nfc
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.password_checklist import PasswordChecklist

ResultT = TypeVar("ResultT")


class PasswordFormModal(MgcertModal[ResultT]):
    """A dialog of text fields, some of them passwords; subclasses set the selectors."""

    FIELDS: ClassVar[tuple[str, ...]] = ()  # every Input, in Enter order
    PASSWORD_FIELDS: ClassVar[tuple[str, ...]] = ()  # cleared on submit
    RULE_FIELDS: ClassVar[tuple[str, str]] = ("", "")  # (new password, confirmation)

    def on_mount(self) -> None:
        self.query_one("#form-working").display = False
        self.query_one(self.FIELDS[0], Input).focus()

    def _passwords(self) -> list[Input]:
        return [self.query_one(selector, Input) for selector in self.PASSWORD_FIELDS]

    @on(Input.Changed)
    def tick_rule(self, event: Input.Changed) -> None:
        if f"#{event.input.id}" not in self.RULE_FIELDS:
            return
        new, confirm = (self.query_one(selector, Input) for selector in self.RULE_FIELDS)
        self.query_one(PasswordChecklist).show(nfc(new.value), nfc(confirm.value))

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        selector = f"#{event.input.id}"
        if selector != self.FIELDS[-1]:
            self.query_one(self.FIELDS[self.FIELDS.index(selector) + 1], Input).focus()
            return
        self.submit()

    def submit(self) -> None:
        raise NotImplementedError

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Done: the dialog returns the worker's result. Failed: the reason is shown
        and the first password field takes focus (the fields were cleared on submit)."""
        worker = event.worker
        if event.state is WorkerState.SUCCESS:
            self.dismiss(worker.result)
        elif event.state is WorkerState.ERROR:
            self.query_one("#form-working").display = False
            self.query_one(FieldError).show(worker_error_text(worker.error))
            self.query_one(self.PASSWORD_FIELDS[0], Input).focus()


def worker_error_text(error: BaseException | None) -> str:
    """The line a dialog shows when its worker failed."""
    return error_text(error) if isinstance(error, MgcertError) else part1_msg.WORKER_FAILED
