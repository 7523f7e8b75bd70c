"""The 이동식디스크 folder row of a medium choice: shown only while that medium is chosen."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from mgcert.center import MediumKind, media
from mgcert.messages import issuance as issue_msg
from mgcert.tui.normalize import field_text
from mgcert.tui.validators import FolderPath


class FolderField(Horizontal):
    """A folder typed for a medium that needs one (the media table says which)."""

    def __init__(self, default: Path, *, id: str) -> None:
        super().__init__(id=id, classes="field")
        self.default = default

    def compose(self) -> ComposeResult:
        yield Label(issue_msg.USB_FOLDER_LABEL, classes="field-label")
        yield Input(
            str(self.default),
            validators=[FolderPath()],
            validate_on=("submitted",),
            id=f"{self.id}-input",
        )

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def show_for(self, kind: MediumKind) -> None:
        self.display = media.capability(kind).needs_folder

    def folder(self) -> Path | None:
        """The typed folder, or None with the reason in ``error`` when it is empty."""
        value = field_text(self.input.value)
        return Path(value).expanduser() if value else None
