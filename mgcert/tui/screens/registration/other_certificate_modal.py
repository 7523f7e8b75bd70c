"""Simulator: make a certificate "from another institution" (the second simulated CA)."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, LoadingIndicator, RadioSet
from textual.worker import Worker, WorkerState

from mgcert.center import CertificateCenter, CertificateEntry, MediumKind
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import manage as manage_msg
from mgcert.messages import registration as reg_msg
from mgcert.messages import tui as part1_msg
from mgcert.tui.normalize import nfc
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError


class OtherCertificateModal(MgcertModal[CertificateEntry | None]):
    """Customer and password; the certificate goes to the 하드디스크, unregistered at MG."""

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "registration"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", manage_msg.KEEP, id="other.cancel")
    ]

    def __init__(self, center: CertificateCenter, customer_id: int | None) -> None:
        super().__init__(id="other-certificate")
        self.center = center
        self.customer_id = customer_id

    def compose(self) -> ComposeResult:
        sheets = self.center.simulator.sheets()
        chosen = self.customer_id if self.customer_id is not None else sheets[0].customer_id
        with Vertical(id="form-box", classes="dialog"):
            yield Label(reg_msg.REG_OTHER_HEADING, classes="heading")
            yield Label(reg_msg.REG_OTHER_INTRO, classes="intro")
            with ChoiceList(id="other-customer"):
                for sheet in sheets:
                    yield ChoiceButton(
                        sheet.name, value=sheet.customer_id == chosen, name=str(sheet.customer_id)
                    )
            with Horizontal(classes="field"):
                yield Label(reg_msg.REG_OTHER_PASSWORD, classes="field-label")
                yield Input(
                    placeholder=issue_msg.PASSWORD_PLACEHOLDER, password=True, id="other-password"
                )
            yield FieldError()
            yield LoadingIndicator(id="form-working")
            with Horizontal(classes="buttons"):
                yield Button(reg_msg.REG_OTHER_MAKE, id="other-make", variant="primary")
                yield Button(manage_msg.KEEP, id="other-cancel")

    def on_mount(self) -> None:
        self.query_one("#form-working").display = False
        self.query_one("#other-password", Input).focus()

    @on(Input.Submitted, "#other-password")
    @on(Button.Pressed, "#other-make")
    def submit(self) -> None:
        field = self.query_one("#other-password", Input)
        password = nfc(field.value)
        field.clear()
        pressed = self.query_one("#other-customer", RadioSet).pressed_button
        if pressed is None or pressed.name is None:
            return
        self.query_one("#form-working").display = True
        self.make(int(pressed.name), password)

    @work(thread=True, exclusive=True, exit_on_error=False, group="other")
    def make(self, customer_id: int, password: str) -> CertificateEntry:
        location = self.center.medium(MediumKind.HARDDISK)
        return self.center.simulator.make_other_institution_certificate(
            customer_id, location, password
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, CertificateEntry):
            self.dismiss(event.worker.result)
        elif event.state is WorkerState.ERROR:
            self.query_one("#form-working").display = False
            error = event.worker.error
            text = error_text(error) if isinstance(error, MgcertError) else part1_msg.WORKER_FAILED
            self.query_one(FieldError).show(text)
            self.query_one("#other-password", Input).focus()

    @on(Button.Pressed, "#other-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
