"""The certificate picker: every certificate on 하드디스크, 휴대폰 and 이동식디스크."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label

from mgcert.center import CertificateCenter, CertificateEntry, MediumKind, MediumLocation, media
from mgcert.errors import MgcertError
from mgcert.messages import tui_flows as msg
from mgcert.tui.normalize import field_text
from mgcert.tui.screens.steps.step import Step
from mgcert.tui.widgets.certificate_table import CertificateTable
from mgcert.tui.widgets.field_error import FieldError

# The order bank apps list media in.
LISTED_MEDIA = tuple(media.listed_kinds())


class CertificatePicker(Step[CertificateEntry]):
    """Lists certificates; Enter on a row answers with its entry."""

    HELP_TOPIC = "picker"

    def __init__(
        self, center: CertificateCenter, *, heading: str, intro: str, id: str = "pick"
    ) -> None:
        super().__init__(id=id, classes="step picker")
        self.center = center
        self.heading = heading
        self.intro = intro

    def compose(self) -> ComposeResult:
        yield Label(self.heading, classes="heading")
        yield Label(self.intro, classes="intro")
        yield CertificateTable(id="certificates")
        yield Label(msg.PICKER_EMPTY, id="picker-empty", classes="note")
        with Horizontal(classes="field"):
            yield Label(msg.PICKER_FOLDER_LABEL, classes="field-label")
            yield Input(str(self.center.home.removable_default_root), id="picker-folder")
        yield FieldError()

    def on_mount(self) -> None:
        self.call_after_refresh(self.reload)

    @property
    def table(self) -> CertificateTable:
        return self.query_one(CertificateTable)

    def enter(self) -> None:
        self.reload()
        self.table.focus()

    def has_input(self) -> bool:
        return False  # a folder typed here is only where to look

    def locations(self) -> list[MediumLocation]:
        """The media to list; the removable disk at the folder typed below the table."""
        standard = {place.kind: place for place in self.center.media()}
        folder = Path(field_text(self.query_one("#picker-folder", Input).value)).expanduser()
        places = []
        for kind in LISTED_MEDIA:
            if kind is MediumKind.REMOVABLE and folder != self.center.home.removable_default_root:
                places.append(self.center.removable(folder))
            else:
                places.append(standard[kind])
        return places

    def reload(self) -> None:
        """Re-read every medium (statuses change with the clock and the CRL)."""
        entries: list[CertificateEntry] = []
        problems: list[str] = []
        try:
            for place in self.locations():
                listing = self.center.list_certificates(place)
                entries.extend(listing.entries)
                problems.extend(listing.problems)
        except MgcertError as error:
            self.show_error(str(error))
        else:
            self.show_error(msg.PICKER_PROBLEMS.format(count=len(problems)) if problems else "")
        self.table.show(entries)
        self.query_one("#picker-empty").display = not entries

    @on(Input.Submitted, "#picker-folder")
    def folder_typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.reload()
        self.table.focus()

    @on(DataTable.RowSelected, "#certificates")
    def choose(self, event: DataTable.RowSelected) -> None:
        event.stop()
        entry = self.table.entry_at_cursor()
        if entry is None:
            self.show_error(msg.PICKER_NOT_CHOSEN)
            return
        self.finish(entry)
