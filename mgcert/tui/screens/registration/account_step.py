"""출금계좌 확인: account number and its 4-digit password, for the certificate's owner."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from mgcert.center import RegistrationFlow
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import registration as reg_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.validators import ON_SUBMIT, AccountNumberFormat, AccountPasswordFormat
from mgcert.tui.widgets.field_error import FieldError


class AccountStep(Step[None]):
    """Finishes once the bank accepted account and password."""

    HELP_TOPIC = "account"

    def __init__(self, flow: RegistrationFlow, owner_name: str) -> None:
        super().__init__(id="account-pane")
        self.flow = flow
        self.owner_name = owner_name

    def compose(self) -> ComposeResult:
        yield Label(reg_msg.REG_ACCOUNT_HEADING, classes="heading")
        yield Label("", id="account-intro", classes="intro")
        with Horizontal(classes="field"):
            yield Label(issue_msg.ACCOUNT_LABEL, classes="field-label")
            yield Input(
                placeholder=issue_msg.ACCOUNT_PLACEHOLDER,
                max_length=20,
                restrict=r"[0-9 -]*",
                validators=[AccountNumberFormat()],
                validate_on=ON_SUBMIT,
                id="reg-account",
            )
        with Horizontal(classes="field"):
            yield Label(issue_msg.ACCOUNT_PASSWORD_LABEL, classes="field-label")
            yield Input(
                placeholder=issue_msg.ACCOUNT_PASSWORD_PLACEHOLDER,
                password=True,
                max_length=4,
                restrict=r"[0-9]*",
                validators=[AccountPasswordFormat()],
                validate_on=ON_SUBMIT,
                id="reg-account-password",
            )
        yield FieldError()
        yield Button(reg_msg.REG_ACCOUNT_NEXT, id="account-next", variant="primary")

    def on_mount(self) -> None:
        intro = reg_msg.REG_ACCOUNT_INTRO.format(name=self.owner_name)
        self.query_one("#account-intro", Label).update(intro)

    @on(Input.Submitted, "#reg-account")
    def to_password(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#reg-account-password", Input).focus()

    @on(Input.Submitted, "#reg-account-password")
    @on(Button.Pressed, "#account-next")
    @guarded
    def submit(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        account = self.query_one("#reg-account", Input)
        password = self.query_one("#reg-account-password", Input)
        for field in (account, password):
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                self.fail(result.failure_descriptions[0])
                field.focus()
                return
        try:
            self.flow.enter_account(digits_only(account.value), digits_only(password.value))
        except MgcertError as error:
            self.fail(error, password)
            return
        password.clear()
        self.finish(None)
