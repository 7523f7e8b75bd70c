"""주민등록번호 확인: the bank checks the typed number against the certificate's VID."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from mgcert.center import OwnerCheck, RegistrationFlow
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import registration as reg_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.validators import ON_SUBMIT, ResidentNumberBack, ResidentNumberFront
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.resident_number import BACK_DIGITS, FRONT_DIGITS, ResidentNumberPart


class OwnerStep(Step[OwnerCheck]):
    """Finishes with the OwnerCheck (who the certificate belongs to)."""

    HELP_TOPIC = "owner"

    def __init__(self, flow: RegistrationFlow) -> None:
        super().__init__(id="owner")
        self.flow = flow

    def compose(self) -> ComposeResult:
        yield Label(reg_msg.REG_OWNER_HEADING, classes="heading")
        yield Label(reg_msg.REG_OWNER_INTRO, classes="intro")
        with Horizontal(classes="field"):
            yield Label(issue_msg.RRN_LABEL, classes="field-label")
            yield ResidentNumberPart(
                digits=FRONT_DIGITS,
                back="owner-back",
                placeholder=issue_msg.RRN_FRONT_PLACEHOLDER,
                validators=[ResidentNumberFront()],
                validate_on=ON_SUBMIT,
                id="owner-front",
            )
            yield Label("-", classes="dash")
            yield ResidentNumberPart(
                digits=BACK_DIGITS,
                front="owner-front",
                placeholder=issue_msg.RRN_BACK_PLACEHOLDER,
                password=True,
                validators=[ResidentNumberBack()],
                validate_on=ON_SUBMIT,
                id="owner-back",
            )
        yield FieldError()
        yield Button(reg_msg.REG_OWNER_NEXT, id="owner-next", variant="primary")

    @on(Input.Submitted, "#owner-front")
    def to_back(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#owner-back", Input).focus()

    @on(Input.Submitted, "#owner-back")
    @on(Button.Pressed, "#owner-next")
    @guarded
    def submit(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        front, back = self.query_one("#owner-front", Input), self.query_one("#owner-back", Input)
        for field in (front, back):
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                self.fail(result.failure_descriptions[0])
                field.focus()
                return
        try:
            check = self.flow.verify_owner(digits_only(front.value) + digits_only(back.value))
        except MgcertError as error:
            self.fail(error, back)
            return
        back.clear()
        self.finish(check)
