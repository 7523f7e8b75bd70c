"""암호 변경: current password, new one twice with the rule ticked live; KDF in a worker."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, LoadingIndicator
from textual.worker import Worker, WorkerState

from mgcert.center import CertificateCenter, CertificateEntry
from mgcert.messages import manage as manage_msg
from mgcert.npki.keyfile import WrongKeyPassword
from mgcert.npki.password_rule import check_password
from mgcert.tui.normalize import nfc
from mgcert.tui.screens.manage.password_form import PasswordFormModal, worker_error_text
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.password_checklist import PasswordChecklist, password_problem

FIELDS = ("#change-old", "#change-new", "#change-confirm")


class ChangePasswordModal(PasswordFormModal[bool]):
    """Returns True once the key file was re-encrypted under the new password."""

    FIELDS = FIELDS
    PASSWORD_FIELDS = FIELDS
    RULE_FIELDS = (FIELDS[1], FIELDS[2])

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "manage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", manage_msg.KEEP, id="change.cancel")
    ]

    def __init__(self, center: CertificateCenter, entry: CertificateEntry) -> None:
        super().__init__(id="change-password")
        self.center = center
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes="dialog"):
            yield Label(manage_msg.CHANGE_HEADING, classes="heading")
            yield Label(f"{self.entry.name} · {self.entry.issuer_org}", classes="note")
            for selector, label in zip(
                FIELDS,
                (manage_msg.CHANGE_OLD, manage_msg.CHANGE_NEW, manage_msg.CHANGE_CONFIRM),
                strict=True,
            ):
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(password=True, id=selector.removeprefix("#"))
            yield PasswordChecklist(id="change-rule")
            yield FieldError()
            yield LoadingIndicator(id="form-working")
            with Horizontal(classes="buttons"):
                yield Button(manage_msg.CHANGE_BUTTON, id="change-go", variant="primary")
                yield Button(manage_msg.KEEP, id="change-cancel")

    @on(Button.Pressed, "#change-go")
    def submit(self) -> None:
        old, new, confirm = (nfc(field.value) for field in self._passwords())
        problem = password_problem(new, confirm)
        if problem is not None:
            self.query_one(FieldError).show(problem)
            if check_password(new).ok:  # only the confirmation differs
                self.query_one(FIELDS[2], Input).clear()
                self.query_one(FIELDS[2], Input).focus()
            else:
                self.query_one(FIELDS[1], Input).focus()
            return
        # The fields keep their text while the key is re-encrypted: a wrong current
        # password then clears only that field.
        self._busy(True)
        self.change(old, new, confirm)

    def _busy(self, busy: bool) -> None:
        self.query_one("#form-working").display = busy
        for widget in self.query("#form-box Input, #form-box Button"):
            widget.disabled = busy

    @work(thread=True, exclusive=True, exit_on_error=False, group="change")
    def change(self, old: str, new: str, confirm: str) -> None:
        self.center.change_password(self.entry, old, new, confirm)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        event.prevent_default()  # its own ending, not PasswordFormModal's
        if event.state is WorkerState.SUCCESS:
            for field in self._passwords():
                field.clear()
            self.dismiss(True)
        elif event.state is WorkerState.ERROR:
            self._busy(False)
            error = event.worker.error
            self.query_one(FieldError).show(worker_error_text(error))
            old = self.query_one("#change-old", Input)
            if isinstance(error, WrongKeyPassword):
                old.clear()  # the new password, typed twice, stays
            old.focus()

    @on(Button.Pressed, "#change-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
