"""Step ④ done: the certificate as the bank shows it, and where its files are."""

from __future__ import annotations

from rich import box
from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label, Static

from mgcert.center import IssuanceResult, IssueMode
from mgcert.clock import KST
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import web as web_msg
from mgcert.tui.delivery import offer_certificate_files
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.field_error import FieldError


def result_table(result: IssuanceResult) -> Table:
    table = Table(box=box.ROUNDED, show_header=False, expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    validity = issue_msg.DONE_VALIDITY.format(
        start=result.not_before.astimezone(KST).strftime("%Y.%m.%d"),
        end=result.not_after.astimezone(KST).strftime("%Y.%m.%d"),
    )
    values = (
        result.name,
        result.issuer,
        result.purpose,
        validity,
        result.serial_hex,
        result.medium_label,
        str(result.folder),
    )
    for label, value in zip(issue_msg.DONE_FIELDS, values, strict=True):
        table.add_row(label, value)
    return table


class DoneStep(Step[None]):
    """The completion screen; answered when the person goes back to the menu."""

    HELP_TOPIC = "done"
    FINAL = True

    def __init__(self, result: IssuanceResult, *, id: str = "done") -> None:
        super().__init__(id=id)
        self.result_shown = result

    def compose(self) -> ComposeResult:
        yield Label("", id="done-heading", classes="heading done-heading")
        yield Static("", id="done-table")
        yield FieldError()
        yield Label("", id="done-notes", classes="note")
        with Horizontal(classes="buttons"):
            yield Button(issue_msg.DONE_HOME, id="done-home", variant="primary")
            # In the browser (mgcert web) the files can be taken home.
            download = Button(issue_msg.DONE_DOWNLOAD, id="done-download")
            download.display = self.app.is_web
            yield download

    def on_mount(self) -> None:
        self.show_result(self.result_shown)

    def show_result(self, result: IssuanceResult) -> None:
        self.result_shown = result
        reissue = result.mode is IssueMode.REISSUE
        heading = issue_msg.DONE_HEADING_REISSUE if reissue else issue_msg.DONE_HEADING_NEW
        self.query_one("#done-heading", Label).update(heading)
        self.query_one("#done-table", Static).update(result_table(result))
        notes = [issue_msg.DONE_OTHER_BANKS]
        if result.fee_won:
            notes.insert(0, fee_line(result.fee_won, result.balance_after_won))
        if reissue:
            removed = result.removed_folder is not None
            notes.insert(
                0, issue_msg.DONE_REISSUE_REMOVED if removed else issue_msg.DONE_REISSUE_NOTE
            )
        if result.recovered_to is not None:
            notes.insert(0, issue_msg.DONE_RECOVERED)
        self.query_one("#done-notes", Label).update("\n".join(notes))

    @on(Button.Pressed, "#done-home")
    def go_home(self) -> None:
        self.finish(None)

    @on(Button.Pressed, "#done-download")
    def download(self) -> None:
        try:
            offer_certificate_files(self.app, self.result_shown.folder)
        except MgcertError as error:
            self.show_error(str(error))
            return
        self.app.notify(web_msg.CERTIFICATE_DOWNLOAD_STARTED)


def fee_line(fee: int, balance: int | None) -> str:
    """What the 범용 completion confirms: the fee taken and the balance left."""
    if balance is None:
        return issue_msg.DONE_FEE.format(fee=fee)
    return issue_msg.DONE_FEE_AND_BALANCE.format(fee=fee, balance=balance)
