"""Before step ①: which 공동인증서 (은행/신용카드/보험용 or 범용) and the consent tick."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Checkbox, Header, Label, RadioSet

from mgcert.messages import tui as msg
from mgcert.npki.profile import CertificateKind
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.issuance.wizard import IssuanceWizard
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.key_footer import KeyFooter


class KindChoiceScreen(MgcertScreen[None]):
    """Pick the certificate kind; the fee is shown before anything is asked."""

    HELP_TOPIC = "kind"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", msg.KEY_BACK, id="kind.back")
    ]

    def __init__(self, session: TuiSession) -> None:
        super().__init__(id="kind-choice")
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(classes="panel"):
            yield Label(msg.KIND_HEADING, classes="heading")
            with ChoiceList(id="kind"):
                yield ChoiceButton(msg.KIND_GENERAL, value=True, id="kind-general")
                yield ChoiceButton(msg.KIND_UNIVERSAL, id="kind-universal")
            yield Label(msg.KIND_FEE_NOTE, classes="note")
            yield Checkbox(msg.KIND_CONSENT, id="consent")
            yield FieldError(id="kind-error")
            yield Button(msg.KIND_START, id="kind-next", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#kind", RadioSet).focus()

    def chosen_kind(self) -> CertificateKind:
        pressed = self.query_one("#kind", RadioSet).pressed_button
        if pressed is not None and pressed.id == "kind-universal":
            return CertificateKind.UNIVERSAL
        return CertificateKind.GENERAL

    @on(Checkbox.Changed, "#consent")
    def clear_error(self) -> None:
        self.query_one("#kind-error", FieldError).show("")

    @on(Button.Pressed, "#kind-next")
    def start(self) -> None:
        if not self.query_one("#consent", Checkbox).value:
            self.query_one("#kind-error", FieldError).show(msg.KIND_NEED_CONSENT)
            self.query_one("#consent", Checkbox).focus()
            return
        kind = self.chosen_kind()
        flow = self.session.center.start_issuance(kind)
        self.app.switch_screen(IssuanceWizard(self.session, flow, kind))

    def action_back(self) -> None:
        self.dismiss(None)
