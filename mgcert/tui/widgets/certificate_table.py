"""The certificate list as bank apps show it: medium, name, issuer, kind, expiry, status."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.widgets import DataTable

from mgcert.center import CertificateEntry, EntryStatus
from mgcert.clock import KST
from mgcert.messages import tui_flows as msg

# Status → component class; the colours come from the theme (tcss), never hard-coded.
_STATUS_CLASS = {
    EntryStatus.VALID: "certificate-table--valid",
    EntryStatus.EXPIRING: "certificate-table--expiring",
    EntryStatus.EXPIRED: "certificate-table--expired",
    EntryStatus.REVOKED: "certificate-table--revoked",
    EntryStatus.UNREGISTERED: "certificate-table--unregistered",
}


def kst_day(instant: datetime) -> str:
    """``2026.12.14``: the KST calendar day, as bank screens write dates."""
    return instant.astimezone(KST).strftime(msg.DAY_FORMAT)


def expiry_text(entry: CertificateEntry) -> str:
    return kst_day(entry.not_after)


def kind_text(entry: CertificateEntry) -> str:
    return entry.kind.short_label if entry.kind is not None else msg.KIND_UNKNOWN


class CertificateTable(DataTable[Text]):
    """One row per certificate; ``entry_at_cursor`` is the highlighted one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(_STATUS_CLASS.values())
    DEFAULT_CSS = """
    CertificateTable {
        height: auto;
        max-height: 14;
        width: 1fr;
    }
    CertificateTable > .certificate-table--valid { color: $success; }
    CertificateTable > .certificate-table--expiring {
        color: $text-warning;
        background: $warning 20%;
        text-style: bold;
    }
    CertificateTable > .certificate-table--expired { color: $text-error; }
    CertificateTable > .certificate-table--revoked { color: $text-error; text-style: strike; }
    CertificateTable > .certificate-table--unregistered { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._entries: list[CertificateEntry] = []

    def on_mount(self) -> None:
        self.add_columns(*msg.PICKER_COLUMNS)

    @property
    def entries(self) -> list[CertificateEntry]:
        return list(self._entries)

    def show(self, entries: list[CertificateEntry]) -> None:
        """Replace the rows; the cursor stays on the same certificate when it is still
        listed (a copy or a new status may re-sort the list), else on the same row."""
        row = self.cursor_row
        before = self.entry_at_cursor()
        self.clear()
        self._entries = list(entries)
        for index, entry in enumerate(self._entries):
            style = self.get_component_rich_style(_STATUS_CLASS[entry.status], partial=True)
            self.add_row(
                Text(entry.location.kind.label),
                Text(entry.name),
                Text(entry.issuer_org),
                Text(kind_text(entry)),
                Text(expiry_text(entry)),
                Text(entry.status_text, style=style),
                key=str(index),
            )
        if self._entries and not (before is not None and self.select(before.stored.folder)):
            self.move_cursor(row=min(max(row, 0), len(self._entries) - 1))

    def select(self, folder: Path) -> bool:
        """Put the cursor on the certificate stored in ``folder``; False if not listed."""
        for index, entry in enumerate(self._entries):
            if entry.stored.folder == folder:
                self.move_cursor(row=index)
                return True
        return False

    def entry_at_cursor(self) -> CertificateEntry | None:
        if not self._entries or not 0 <= self.cursor_row < len(self._entries):
            return None
        return self._entries[self.cursor_row]
