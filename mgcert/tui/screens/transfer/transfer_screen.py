"""인증서 내보내기/가져오기: choose a side; export shows the code, import asks for it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Digits, Label

from mgcert.center import CertificateEntry, ExportTicket
from mgcert.center.rules import rule_text
from mgcert.messages import center as center_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.issuance.step import error_text
from mgcert.tui.screens.picker.password_prompt import PromptOutcome
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.result_pane import ResultPane, entry_rows, field_table
from mgcert.tui.screens.transfer.import_step import ImportStep
from mgcert.tui.session import TuiSession


class TransferChoice(Vertical):
    """내보내기 or 가져오기."""

    HELP_TOPIC = "transfer"

    def __init__(self) -> None:
        super().__init__(id="choice", classes="step")

    def compose(self) -> ComposeResult:
        yield Label(msg.TRANSFER_TITLE, classes="heading")
        yield Label(rule_text(msg.TRANSFER_INTRO), classes="intro")
        with Horizontal(id="transfer-choice"):
            yield Button(msg.TRANSFER_EXPORT, id="go-export", variant="primary")
            yield Button(msg.TRANSFER_IMPORT, id="go-import")

    def enter(self) -> None:
        self.query_one("#go-export", Button).focus()


class ExportCode(Vertical):
    """The 12-digit code and a countdown read from the simulated clock every second."""

    HELP_TOPIC = "transfer"

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__(id="code", classes="step")
        self.now = now
        self.ticket: ExportTicket | None = None

    def compose(self) -> ComposeResult:
        yield Label(msg.EXPORT_HEADING, classes="heading")
        yield Label(msg.EXPORT_INTRO, classes="intro")
        yield Digits("", id="export-code")
        yield Label("", id="export-left")
        with Horizontal(classes="buttons"):
            yield Button(msg.EXPORT_TO_IMPORT, id="code-to-import", variant="primary")
            yield Button(msg.GO_HOME, id="code-home")

    def on_mount(self) -> None:
        self.set_interval(1, self.tick)

    def show(self, ticket: ExportTicket) -> None:
        self.ticket = ticket
        self.query_one("#export-code", Digits).update(ticket.code_grouped)
        self.tick()

    def seconds_left(self) -> int:
        if self.ticket is None:
            return 0
        return max(0, int((self.ticket.expires_at - self.now()).total_seconds()))

    def tick(self) -> None:
        if self.ticket is None:
            return
        left = self.seconds_left()
        label = self.query_one("#export-left", Label)
        expired = left == 0
        label.update(
            rule_text(center_msg.EXPORT_EXPIRED)
            if expired
            else msg.EXPORT_LEFT.format(minutes=left // 60, seconds=left % 60)
        )
        label.set_class(expired, "-expired")

    def enter(self) -> None:
        self.query_one("#code-to-import", Button).focus()


class TransferScreen(FlowScreen):
    """Both sides of PC↔스마트폰 복사 on one screen (the simulator has one terminal)."""

    HELP_TOPIC = "transfer"
    FLOW_TITLE = msg.TRANSFER_TITLE
    FIRST_PANE = "choice"
    CALM_PANES = frozenset({"choice", "pick", "done"})

    def __init__(self, session: TuiSession) -> None:
        super().__init__(session, id="transfer")

    def panes(self) -> Iterable[Widget]:
        center = self.session.center
        yield TransferChoice()
        yield CertificatePicker(
            center, heading=msg.TRANSFER_EXPORT, intro=rule_text(msg.TRANSFER_INTRO)
        )
        yield ExportCode(center.clock.now)
        yield ImportStep(center)
        yield ResultPane("import-done")

    @on(Button.Pressed, "#go-export")
    def go_export(self) -> None:
        self.show_pane("pick")

    @on(Button.Pressed, "#go-import, #code-to-import")
    def go_import(self) -> None:
        self.show_pane("import")

    @on(Button.Pressed, "#code-home")
    def go_home(self) -> None:
        self.dismiss(None)

    def certificate_chosen(self, entry: CertificateEntry) -> None:
        center = self.session.center
        self.ask_password(entry, msg.EXPORT_PURPOSE, center.export_certificate, self.exported)

    def exported(self, outcome: PromptOutcome[ExportTicket]) -> None:
        if outcome.error is not None:
            self.notify(error_text(outcome.error), severity="error")
            return
        assert outcome.value is not None
        self.query_one(ExportCode).show(outcome.value)
        self.show_pane("code")

    def step_finished(self, pane_id: str, outcome: object) -> None:
        if pane_id == "import" and isinstance(outcome, CertificateEntry):
            self.query_one(ResultPane).show(msg.IMPORT_DONE, field_table(entry_rows(outcome)))
            self.show_pane("done")
