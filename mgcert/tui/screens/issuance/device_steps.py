"""Step ③, second check: 보안카드 (two half cells) or OTP (6 digits)."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from mgcert.center import SecurityCardPrompt
from mgcert.center.identity import IdentitySteps
from mgcert.errors import MgcertError
from mgcert.messages import identity_steps as identity_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.validators import Digits
from mgcert.tui.widgets.field_error import FieldError

ONLY_SUBMITTED: tuple[Literal["blur", "changed", "submitted"], ...] = ("submitted",)


def _code_input(length: int, *, id: str, password: bool) -> Input:
    return Input(
        max_length=length,
        restrict=r"[0-9]*",
        password=password,
        validators=[Digits(length)],
        validate_on=ONLY_SUBMITTED,
        id=id,
        classes="short",
    )


class SecurityCardStep(Step[None]):
    """Asks for the first two digits of one cell and the last two of another."""

    HELP_TOPIC = "identity"
    SIMULATOR_TAB = "card"  # F2 opens the simulator on this tab

    def __init__(self, flow: IdentitySteps, *, id: str = "card") -> None:
        super().__init__(id=id)
        self.flow = flow
        self.prompt: SecurityCardPrompt | None = None

    def compose(self) -> ComposeResult:
        yield Label(
            identity_msg.IDENTITY_HEADING + " · " + identity_msg.SECOND_METHOD_CARD,
            classes="heading",
        )
        yield Label(identity_msg.CARD_INTRO, classes="intro")
        with Horizontal(classes="field"):
            yield Label("", id="card-first-label", classes="field-label wide")
            yield _code_input(2, id="card-first", password=True)
        with Horizontal(classes="field"):
            yield Label("", id="card-second-label", classes="field-label wide")
            yield _code_input(2, id="card-second", password=True)
        yield FieldError()
        yield Button(identity_msg.CARD_VERIFY, id="card-verify", variant="primary")

    def enter(self) -> None:
        if self.prompt is None:
            self.challenge()
        self.query_one("#card-first", Input).focus()

    @guarded
    def challenge(self, *, keep_error: bool = False) -> None:
        try:
            self.prompt = self.flow.security_card_challenge()
        except MgcertError as error:
            if not keep_error:
                self.fail(error)
            return
        self.query_one("#card-first-label", Label).update(
            identity_msg.CARD_FIRST.format(cell=self.prompt.first_cell)
        )
        self.query_one("#card-second-label", Label).update(
            identity_msg.CARD_SECOND.format(cell=self.prompt.second_cell)
        )

    @on(Input.Submitted, "#card-first")
    def to_second(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#card-second", Input).focus()

    @on(Input.Submitted, "#card-second")
    @on(Button.Pressed, "#card-verify")
    @guarded
    def verify(self) -> None:
        first = self.query_one("#card-first", Input)
        second = self.query_one("#card-second", Input)
        for field in (first, second):
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                self.show_error(result.failure_descriptions[0])
                field.focus()
                return
        try:
            self.flow.verify_security_card(digits_only(first.value), digits_only(second.value))
        except MgcertError as error:
            self.fail(error, first, second)
            # The bank never asks the same cells twice: a wrong answer gets a new question.
            self.challenge(keep_error=True)
            return
        first.clear()
        second.clear()
        self.prompt = None  # answered: shown again, the bank asks two new cells
        self.finish(None)


class OtpStep(Step[None]):
    """The 6 digits the OTP device shows right now."""

    HELP_TOPIC = "identity"
    SIMULATOR_TAB = "otp"  # F2 opens the simulator on this tab

    def __init__(self, flow: IdentitySteps, *, id: str = "otp") -> None:
        super().__init__(id=id)
        self.flow = flow

    def compose(self) -> ComposeResult:
        yield Label(
            identity_msg.IDENTITY_HEADING + " · " + identity_msg.SECOND_METHOD_OTP,
            classes="heading",
        )
        yield Label(identity_msg.OTP_INTRO, classes="intro")
        with Horizontal(classes="field"):
            yield Label(identity_msg.OTP_LABEL, classes="field-label")
            yield _code_input(6, id="otp-code", password=False)
        yield FieldError()
        yield Button(identity_msg.OTP_VERIFY, id="otp-verify", variant="primary")

    @on(Input.Submitted, "#otp-code")
    @on(Button.Pressed, "#otp-verify")
    @guarded
    def verify(self) -> None:
        field = self.query_one("#otp-code", Input)
        result = field.validate(field.value)
        if result is not None and not result.is_valid:
            self.show_error(result.failure_descriptions[0])
            field.focus()
            return
        try:
            self.flow.verify_otp(digits_only(field.value))
        except MgcertError as error:
            self.fail(error, field)
            return
        field.clear()
        self.finish(None)
