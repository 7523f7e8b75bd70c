"""Step ①: 주민등록번호, 출금계좌번호, 계좌비밀번호."""

from __future__ import annotations

from typing import Literal, Protocol

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from mgcert.bank.errors import (
    AccountMismatch,
    InvalidAccountNumberFormat,
    InvalidResidentNumberFormat,
    UnknownAccount,
    UnknownCustomer,
)
from mgcert.center import CustomerCheck, JobParked
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.validators import (
    AccountNumberFormat,
    AccountPasswordFormat,
    ResidentNumberBack,
    ResidentNumberFront,
)
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.resident_number import BACK_DIGITS, FRONT_DIGITS, ResidentNumberPart

DIGITS = r"[0-9]*"
ACCOUNT_CHARS = r"[0-9 -]*"
FIELD_ORDER = ("#rrn-front", "#rrn-back", "#account", "#account-password")
ONLY_ON: tuple[Literal["blur", "changed", "submitted"], ...] = ("blur", "submitted")


def _field_at_fault(error: MgcertError) -> str:
    if isinstance(error, UnknownCustomer | InvalidResidentNumberFormat):
        return "#rrn-front"
    if isinstance(error, UnknownAccount | AccountMismatch | InvalidAccountNumberFormat):
        return "#account"
    return "#account-password"


class TakesCustomer(Protocol):
    """What 공동인증서 and 금융인증서 issuance both ask first (and then the terms)."""

    def enter_customer(
        self, rrn: str, account_number: str, account_password: str
    ) -> CustomerCheck: ...

    def agree_terms(self, agreed: bool) -> None: ...


class CustomerStep(Step[CustomerCheck | JobParked]):
    """Identifies the customer and their withdrawal account; the center decides 발급/재발급."""

    HELP_TOPIC = "customer"

    def __init__(self, flow: TakesCustomer, *, id: str = "customer") -> None:
        super().__init__(id=id)
        self.flow = flow

    def compose(self) -> ComposeResult:
        yield Label(issue_msg.CUSTOMER_HEADING, classes="heading")
        yield Label(issue_msg.CUSTOMER_INTRO, classes="intro")
        with Horizontal(classes="field"):
            yield Label(issue_msg.RRN_LABEL, classes="field-label")
            yield ResidentNumberPart(
                digits=FRONT_DIGITS,
                back="rrn-back",
                placeholder=issue_msg.RRN_FRONT_PLACEHOLDER,
                validators=[ResidentNumberFront()],
                validate_on=ONLY_ON,
                id="rrn-front",
            )
            yield Label("-", classes="dash")
            yield ResidentNumberPart(
                digits=BACK_DIGITS,
                front="rrn-front",
                placeholder=issue_msg.RRN_BACK_PLACEHOLDER,
                password=True,
                validators=[ResidentNumberBack()],
                validate_on=ONLY_ON,
                id="rrn-back",
            )
        with Horizontal(classes="field"):
            yield Label(issue_msg.ACCOUNT_LABEL, classes="field-label")
            yield Input(
                placeholder=issue_msg.ACCOUNT_PLACEHOLDER,
                max_length=20,
                restrict=ACCOUNT_CHARS,
                validators=[AccountNumberFormat()],
                validate_on=ONLY_ON,
                id="account",
            )
        with Horizontal(classes="field"):
            yield Label(issue_msg.ACCOUNT_PASSWORD_LABEL, classes="field-label")
            yield Input(
                placeholder=issue_msg.ACCOUNT_PASSWORD_PLACEHOLDER,
                password=True,
                max_length=4,
                restrict=DIGITS,
                validators=[AccountPasswordFormat()],
                validate_on=ONLY_ON,
                id="account-password",
            )
        yield FieldError()
        yield Button(issue_msg.CUSTOMER_NEXT, id="customer-next", variant="primary")

    def has_input(self) -> bool:
        return any(self.query_one(selector, Input).value for selector in FIELD_ORDER)

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it submits."""
        event.stop()
        current = f"#{event.input.id}"
        if current == FIELD_ORDER[-1]:
            self.submit()
            return
        self.query_one(FIELD_ORDER[FIELD_ORDER.index(current) + 1], Input).focus()

    @on(Button.Pressed, "#customer-next")
    @guarded
    def submit(self) -> None:
        fields = [self.query_one(selector, Input) for selector in FIELD_ORDER]
        for field in fields:
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                self.show_error(result.failure_descriptions[0])
                field.focus()
                return
        front, back, account, password = (digits_only(field.value) for field in fields)
        secret = fields[-1]
        try:
            check = self.flow.enter_customer(front + back, account, password)
        except JobParked as parked:
            # Issued earlier but never saved: the wizard offers to save it now.
            secret.clear()
            self.finish(parked)
            return
        except MgcertError as error:
            self.fail(error, secret)
            # The cursor goes to the field the refusal is about.
            self.query_one(_field_at_fault(error), Input).focus()
            return
        secret.clear()
        self.finish(check)
