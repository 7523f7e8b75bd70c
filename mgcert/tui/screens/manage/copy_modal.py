"""복사: the certificate and its (still encrypted) key to another medium."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, RadioSet

from mgcert.center import CertificateCenter, CertificateEntry, MediumKind, media
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import manage as manage_msg
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.folder_field import FolderField


class CopyModal(MgcertModal[CertificateEntry | None]):
    """Returns the copy as found on the target medium."""

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "manage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", manage_msg.KEEP, id="copy.cancel")
    ]

    def __init__(
        self, center: CertificateCenter, entry: CertificateEntry, folder: Path | None = None
    ) -> None:
        super().__init__(id="copy")
        self.center = center
        self.entry = entry
        self.targets = media.copy_target_kinds(entry.location.kind)
        # The USB folder last chosen in this session, else the default mount point.
        self.folder = folder or center.home.removable_default_root

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes="dialog"):
            yield Label(manage_msg.COPY_HEADING, classes="heading")
            yield Label(manage_msg.COPY_INTRO, classes="intro")
            with ChoiceList(id="copy-target"):
                for index, kind in enumerate(self.targets):
                    yield ChoiceButton(kind.label, value=index == 0, name=kind.name)
            yield FolderField(self.folder, id="copy-folder")
            yield FieldError()
            with Horizontal(classes="buttons"):
                yield Button(manage_msg.COPY_BUTTON, id="copy-go", variant="primary")
                yield Button(manage_msg.KEEP, id="copy-cancel")

    def on_mount(self) -> None:
        self.query_one("#copy-target", RadioSet).focus()
        self._show_folder()

    def chosen_kind(self) -> MediumKind:
        pressed = self.query_one("#copy-target", RadioSet).pressed_button
        return MediumKind[pressed.name] if pressed and pressed.name else self.targets[0]

    @on(RadioSet.Changed, "#copy-target")
    def _show_folder(self) -> None:
        self.query_one(FolderField).show_for(self.chosen_kind())
        self.query_one(FieldError).show("")

    @on(Input.Submitted, "#copy-folder-input")
    @on(Button.Pressed, "#copy-go")
    def submit(self) -> None:
        kind = self.chosen_kind()
        field = self.query_one(FolderField)
        folder = field.folder()
        if media.capability(kind).needs_folder and folder is None:
            self.query_one(FieldError).show(issue_msg.V_FOLDER)
            field.input.focus()
            return
        try:
            location = self.center.medium_at(kind, folder)
            copy = self.center.copy_certificate(self.entry, location)
        except MgcertError as error:
            self.query_one(FieldError).show(error_text(error))
            return
        self.dismiss(copy)

    @on(Button.Pressed, "#copy-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
