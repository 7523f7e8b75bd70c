"""The last pane of a flow: a heading, the result as a table, notes, back to the menu."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import RenderableType
from rich.table import Table
from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Label, Static

from mgcert.center import CertificateEntry
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.certificate_table import kind_text, kst_day


def field_table(rows: Sequence[tuple[str, str]]) -> Table:
    """Two columns, label and value, as the bank's result screens show them."""
    table = Table(box=box.ROUNDED, show_header=False, expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        table.add_row(label, value)
    return table


def entry_rows(entry: CertificateEntry) -> list[tuple[str, str]]:
    """A certificate on a medium as result rows (이름 … 폴더)."""
    values = (
        entry.name,
        entry.issuer_org,
        kind_text(entry),
        kst_day(entry.not_after),
        entry.status_text,
        entry.location.label,
        str(entry.stored.folder),
    )
    return list(zip(msg.ENTRY_FIELDS, values, strict=True))


class ResultPane(Step[None]):
    """The result; answered by 인증센터로 (the flow then ends).

    ``help_topic`` names this result's own F1 text (each flow's result has one).
    """

    FINAL = True

    def __init__(
        self,
        help_topic: str,
        heading: str = "",
        table: RenderableType = "",
        notes: Sequence[str] = (),
        *,
        id: str = "done",
    ) -> None:
        super().__init__(id=id, help_topic=help_topic)
        self._content = (heading, table, tuple(notes))

    def compose(self) -> ComposeResult:
        heading, table, notes = self._content
        yield Label(heading, id=f"{self.id}-heading", classes="heading done-heading")
        yield Static(table, id=f"{self.id}-table", classes="result-table")
        yield Label("\n".join(notes), id=f"{self.id}-notes", classes="note")
        yield Button(msg.GO_HOME, id=f"{self.id}-home", variant="primary")

    def show(self, heading: str, table: RenderableType, notes: Sequence[str] = ()) -> None:
        self.query_one(f"#{self.id}-heading", Label).update(heading)
        self.query_one(f"#{self.id}-table", Static).update(table)
        self.query_one(f"#{self.id}-notes", Label).update("\n".join(notes))
        self.query_one(f"#{self.id}-home", Button).focus()

    def enter(self) -> None:
        self.query_one(f"#{self.id}-home", Button).focus()

    @on(Button.Pressed)
    def go_home(self, event: Button.Pressed) -> None:
        if event.button.id == f"{self.id}-home":
            event.stop()
            self.finish(None)
