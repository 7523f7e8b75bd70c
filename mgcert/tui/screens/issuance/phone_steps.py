"""Step ③, first check: ARS 전화인증 or 1회용 SMS 인증번호."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Digits, Input, Label

from mgcert.center import ArsPrompt, SmsPrompt
from mgcert.center.identity import IdentitySteps
from mgcert.center.rules import rule_text
from mgcert.clock import KST
from mgcert.errors import MgcertError
from mgcert.messages import identity_steps as identity_msg
from mgcert.messages import practice_tui as practice_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.practice.timing import codes_paused
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.validators import Digits as DigitsFormat
from mgcert.tui.widgets.field_error import FieldError


def kst_time(instant: datetime) -> str:
    return instant.astimezone(KST).strftime("%H:%M:%S")


class ArsStep(Step[None]):
    """Shows the 2-digit 승인번호 while the phone rings; 확인 asks the bank."""

    HELP_TOPIC = "identity"
    SIMULATOR_TAB = "phone"  # F2 opens the simulator on this tab

    def __init__(self, flow: IdentitySteps, *, id: str = "ars") -> None:
        super().__init__(id=id)
        self.flow = flow
        self.prompt: ArsPrompt | None = None

    def compose(self) -> ComposeResult:
        yield Label(
            identity_msg.IDENTITY_HEADING + " · " + identity_msg.PHONE_METHOD_ARS, classes="heading"
        )
        yield Label("", id="ars-intro", classes="intro")
        with Horizontal(id="ars-code-row"):
            yield Label(identity_msg.ARS_CODE_LABEL, classes="field-label")
            yield Digits("--", id="ars-code")
        yield Label(identity_msg.ARS_INSTRUCTION, classes="note")
        yield Label("", id="ars-expires", classes="muted")
        yield FieldError()
        with Horizontal(classes="buttons"):
            yield Button(identity_msg.ARS_CONFIRM, id="ars-confirm", variant="primary")
            yield Button(identity_msg.ARS_RETRY, id="ars-retry")

    def enter(self) -> None:
        if self.prompt is None:
            self.call()
        self.query_one("#ars-confirm", Button).focus()

    @on(Button.Pressed, "#ars-retry")
    @guarded
    def call(self) -> None:
        try:
            self.prompt = self.flow.start_ars()
        except MgcertError as error:
            self.fail(error)
            return
        self.show_error("")
        self.query_one("#ars-intro", Label).update(
            identity_msg.ARS_INTRO.format(phone=self.prompt.phone_masked)
        )
        self.query_one("#ars-code", Digits).update(self.prompt.code)
        self.query_one("#ars-expires", Label).update(
            practice_msg.ARS_NO_TIME_LIMIT
            if codes_paused(self.app)
            else rule_text(identity_msg.ARS_EXPIRES, time=kst_time(self.prompt.expires_at))
        )

    @on(Button.Pressed, "#ars-confirm")
    @guarded
    def confirm(self) -> None:
        try:
            self.flow.confirm_ars()
        except MgcertError as error:
            self.fail(error)
            return
        # The call is over: shown again (after going back), the step rings anew.
        self.prompt = None
        self.finish(None)


class SmsStep(Step[None]):
    """Sends the 6-digit code to the registered phone and checks what is typed."""

    HELP_TOPIC = "identity"
    SIMULATOR_TAB = "sms"  # F2 opens the simulator on this tab

    def __init__(self, flow: IdentitySteps, *, id: str = "sms") -> None:
        super().__init__(id=id)
        self.flow = flow
        self.prompt: SmsPrompt | None = None

    def compose(self) -> ComposeResult:
        yield Label(
            identity_msg.IDENTITY_HEADING + " · " + identity_msg.PHONE_METHOD_SMS, classes="heading"
        )
        yield Label("", id="sms-intro", classes="intro")
        yield Button(identity_msg.SMS_SEND, id="sms-send")
        yield Label("", id="sms-sent", classes="muted")
        with Horizontal(classes="field"):
            yield Label(identity_msg.SMS_CODE_LABEL, classes="field-label")
            yield Input(
                max_length=6,
                restrict=r"[0-9]*",
                validators=[DigitsFormat(6)],
                validate_on=("submitted",),
                id="sms-code",
                classes="short",
            )
        yield FieldError()
        yield Button(identity_msg.SMS_VERIFY, id="sms-verify", variant="primary")

    def enter(self) -> None:
        self.query_one("#sms-send" if self.prompt is None else "#sms-code").focus()

    @on(Button.Pressed, "#sms-send")
    @guarded
    def send(self) -> None:
        try:
            self.prompt = self.flow.send_sms()
        except MgcertError as error:
            self.fail(error)
            return
        self.show_error("")
        self.query_one("#sms-intro", Label).update(
            identity_msg.SMS_INTRO.format(phone=self.prompt.phone_masked)
        )
        self.query_one("#sms-sent", Label).update(
            practice_msg.SMS_SENT_NO_TIME_LIMIT
            if codes_paused(self.app)
            else identity_msg.SMS_SENT.format(time=kst_time(self.prompt.expires_at))
        )
        self.query_one("#sms-code", Input).focus()

    @on(Input.Submitted, "#sms-code")
    @on(Button.Pressed, "#sms-verify")
    @guarded
    def verify(self) -> None:
        field = self.query_one("#sms-code", Input)
        if self.prompt is None:
            self.show_error(identity_msg.SMS_NOT_SENT)
            self.query_one("#sms-send", Button).focus()
            return
        result = field.validate(field.value)
        if result is not None and not result.is_valid:
            self.show_error(result.failure_descriptions[0])
            field.focus()
            return
        try:
            self.flow.verify_sms(digits_only(field.value))
        except MgcertError as error:
            self.fail(error, field)
            return
        field.clear()
        self.prompt = None  # used up: shown again, the step offers a new code
        self.finish(None)
