"""Step ④: the certificate password, typed twice, the rule ticked live."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from mgcert.messages import issuance as issue_msg
from mgcert.npki.password_rule import check_password
from mgcert.tui.normalize import nfc
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.password_checklist import PasswordChecklist, password_problem


@dataclass(frozen=True)
class NewPassword:
    """Handed straight to the issuing worker; the widgets are already cleared."""

    password: str
    confirm: str


class PasswordStep(Step[NewPassword | None]):
    """Collects the new certificate password; the center judges it when issuing.

    (``None`` only from 갱신's "keep the current password".)
    """

    HELP_TOPIC = "password"

    def __init__(self, *, id: str = "password") -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        yield Label(issue_msg.PASSWORD_HEADING, classes="heading")
        yield Label(issue_msg.PASSWORD_INTRO, classes="intro")
        with Horizontal(classes="field"):
            yield Label(issue_msg.PASSWORD_LABEL, classes="field-label")
            yield Input(
                placeholder=issue_msg.PASSWORD_PLACEHOLDER, password=True, id="new-password"
            )
        with Horizontal(classes="field"):
            yield Label(issue_msg.PASSWORD_CONFIRM_LABEL, classes="field-label")
            yield Input(
                placeholder=issue_msg.PASSWORD_CONFIRM_PLACEHOLDER,
                password=True,
                id="new-password-confirm",
            )
        yield PasswordChecklist(id="password-rule")
        yield FieldError()
        yield Button(issue_msg.ISSUE_BUTTON, id="issue", variant="primary")

    def _fields(self) -> tuple[Input, Input]:
        return self.query_one("#new-password", Input), self.query_one(
            "#new-password-confirm", Input
        )

    @on(Input.Changed)
    def tick_rule(self) -> None:
        password, confirm = self._fields()
        self.query_one(PasswordChecklist).show(nfc(password.value), nfc(confirm.value))

    @on(Input.Submitted, "#new-password")
    def to_confirm(self, event: Input.Submitted) -> None:
        event.stop()
        self._fields()[1].focus()

    @on(Input.Submitted, "#new-password-confirm")
    @on(Button.Pressed, "#issue")
    def submit(self) -> None:
        password, confirm = self._fields()
        typed = NewPassword(nfc(password.value), nfc(confirm.value))
        # Said here, by the fields, before any key is made (the center checks again).
        problem = password_problem(typed.password, typed.confirm)
        if problem is not None:
            self.show_error(problem)
            if check_password(typed.password).ok:  # only the confirmation differs
                confirm.clear()
                confirm.focus()
            else:
                password.focus()  # both kept, so the checklist still shows what broke
            return
        self.clear_secrets()
        self.finish(typed)

    def clear_secrets(self) -> None:
        for field in self._fields():
            field.clear()
        self.query_one(PasswordChecklist).show("", "")
