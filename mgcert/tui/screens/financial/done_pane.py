"""금융인증서 done: "클라우드에 저장되었습니다", and opening it with the PIN (lockout shown)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label

from mgcert.center import CertificateCenter
from mgcert.center.rules import rule_text
from mgcert.errors import MgcertError
from mgcert.messages import financial as fin_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.financial.pin_step import pin_input
from mgcert.tui.screens.steps.result_pane import ResultPane
from mgcert.tui.screens.steps.step import error_text, guarded
from mgcert.tui.widgets.field_error import FieldError


class FinancialDonePane(ResultPane):
    """The result table plus a PIN field that opens the cloud certificate."""

    def __init__(
        self,
        center: CertificateCenter,
        customer_id: int,
        heading: str,
        table: RenderableType,
        notes: Sequence[str],
    ) -> None:
        super().__init__("financial-done", heading, table, notes)
        self.center = center
        self.customer_id = customer_id

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Label(fin_msg.FIN_TRY_HEADING, classes="subheading")
        yield Label(rule_text(fin_msg.FIN_TRY_INTRO), classes="note")
        with Horizontal(classes="field"):
            yield Label(fin_msg.FIN_PIN_LABEL, classes="field-label")
            yield pin_input(id="try-pin")
            yield Button(fin_msg.FIN_TRY_BUTTON, id="try-open")
        yield FieldError(id="try-error")
        yield Label("", id="try-ok", classes="done-heading")

    @on(Input.Submitted, "#try-pin")
    @on(Button.Pressed, "#try-open")
    @guarded
    def open_cloud(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        field = self.query_one("#try-pin", Input)
        pin = digits_only(field.value)
        field.clear()
        try:
            self.center.open_financial(self.customer_id, pin)
        except MgcertError as error:
            self.query_one("#try-ok", Label).update("")
            self.query_one("#try-error", FieldError).show(error_text(error))
            field.focus()
            return
        self.query_one("#try-error", FieldError).show("")
        self.query_one("#try-ok", Label).update(fin_msg.FIN_TRY_OK)
