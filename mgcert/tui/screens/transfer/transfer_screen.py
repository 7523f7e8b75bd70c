"""인증서 내보내기/가져오기: choose a side; export shows the code, import asks for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Digits, Label

from mgcert.center import ExportTicket
from mgcert.center.rules import rule_text
from mgcert.messages import center as center_msg
from mgcert.messages import practice_tui as practice_msg
from mgcert.messages import transfer as transfer_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.picker.password_prompt import PasswordPrompt
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.practice.timing import codes_paused
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.result_pane import ResultPane, entry_rows, field_table
from mgcert.tui.screens.steps.step import Step, error_text
from mgcert.tui.screens.transfer.import_step import ImportStep
from mgcert.tui.session import TuiSession


class TransferChoice(Step[str]):
    """내보내기 or 가져오기: answers "export" or "import"."""

    HELP_TOPIC = "transfer"

    def __init__(self) -> None:
        super().__init__(id="choice")

    def compose(self) -> ComposeResult:
        yield Label(transfer_msg.TRANSFER_TITLE, classes="heading")
        yield Label(rule_text(transfer_msg.TRANSFER_INTRO), classes="intro")
        with Horizontal(id="transfer-choice"):
            yield Button(transfer_msg.TRANSFER_EXPORT, id="go-export", variant="primary")
            yield Button(transfer_msg.TRANSFER_IMPORT, id="go-import")

    def enter(self) -> None:
        self.query_one("#go-export", Button).focus()

    @on(Button.Pressed, "#go-export")
    def go_export(self) -> None:
        self.finish("export")

    @on(Button.Pressed, "#go-import")
    def go_import(self) -> None:
        self.finish("import")


class ExportCode(Step[bool]):
    """The 12-digit code and a countdown read from the simulated clock every second;
    answers True for 가져오기 next, False for 인증센터로."""

    HELP_TOPIC = "transfer"

    def __init__(self, now: Callable[[], datetime], ticket: ExportTicket) -> None:
        super().__init__(id="code")
        self.now = now
        self.ticket = ticket

    def compose(self) -> ComposeResult:
        yield Label(transfer_msg.EXPORT_HEADING, classes="heading")
        yield Label(transfer_msg.EXPORT_INTRO, classes="intro")
        yield Digits(self.ticket.code_grouped, id="export-code")
        yield Label("", id="export-left")
        with Horizontal(classes="buttons"):
            yield Button(transfer_msg.EXPORT_TO_IMPORT, id="code-to-import", variant="primary")
            yield Button(msg.GO_HOME, id="code-home")

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1, self.tick)

    def seconds_left(self) -> int:
        return max(0, int((self.ticket.expires_at - self.now()).total_seconds()))

    def tick(self) -> None:
        label = self.query_one("#export-left", Label)
        if codes_paused(self.app):  # 연습 설정: the code waits for a slow learner
            label.update(practice_msg.EXPORT_NO_TIME_LIMIT)
            label.set_class(False, "-expired")
            return
        left = self.seconds_left()
        expired = left == 0
        label.update(
            rule_text(center_msg.EXPORT_EXPIRED)
            if expired
            else transfer_msg.EXPORT_LEFT.format(minutes=left // 60, seconds=left % 60)
        )
        label.set_class(expired, "-expired")

    def enter(self) -> None:
        self.query_one("#code-to-import", Button).focus()

    @on(Button.Pressed, "#code-to-import")
    def to_import(self) -> None:
        self.finish(True)

    @on(Button.Pressed, "#code-home")
    def go_home(self) -> None:
        self.finish(False)


class TransferScreen(FlowScreen):
    """Both sides of PC↔스마트폰 복사 on one screen (the simulator has one terminal)."""

    HELP_TOPIC = "transfer"
    FLOW_TITLE = transfer_msg.TRANSFER_TITLE
    STAGES = msg.TRANSFER_STAGES

    def __init__(self, session: TuiSession) -> None:
        super().__init__(session, id="transfer")

    async def run(self) -> None:
        center = self.session.center
        self.stage(1)
        if await self.ask(TransferChoice()) == "export":
            self.stage(2)
            intro = rule_text(transfer_msg.TRANSFER_INTRO)
            entry = await self.ask(
                CertificatePicker(center, heading=transfer_msg.TRANSFER_EXPORT, intro=intro)
            )
            outcome = await self.ask_screen(
                PasswordPrompt(
                    self.session, entry, transfer_msg.EXPORT_PURPOSE, center.export_certificate
                )
            )
            if outcome.error is not None:
                text = error_text(outcome.error)
                self.retry(CertificatePicker, lambda pane: pane.show_error(text))
            assert outcome.value is not None
            # The code is out: Esc from here leaves rather than exporting again.
            self.trail.seal()
            if not await self.ask(ExportCode(center.clock.now, outcome.value)):
                return
        self.stage(2)
        imported = await self.ask(ImportStep(center, self.session.removable_root))
        self.session.remember_medium(imported.location)
        self.stage(3)
        await self.ask(
            ResultPane("import-done", transfer_msg.IMPORT_DONE, field_table(entry_rows(imported)))
        )
