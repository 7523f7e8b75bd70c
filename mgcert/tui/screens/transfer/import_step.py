"""가져오기: the 12-digit code from the exporting side and the medium to save on."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, RadioSet

from mgcert.center import CertificateCenter, CertificateEntry, MediumKind, media
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import transfer as transfer_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.steps.step import Step, guarded
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.folder_field import FolderField

CODE_DIGITS = 12
# Where an imported certificate can go: the center's media table says.
TARGETS = tuple(media.import_target_kinds())


class ImportStep(Step[CertificateEntry]):
    """Finishes with the imported CertificateEntry."""

    HELP_TOPIC = "transfer"

    def __init__(self, center: CertificateCenter, folder: Path | None = None) -> None:
        super().__init__(id="import")
        self.center = center
        self.folder = folder or center.home.removable_default_root

    def compose(self) -> ComposeResult:
        yield Label(transfer_msg.IMPORT_HEADING, classes="heading")
        with Horizontal(classes="field"):
            yield Label(transfer_msg.IMPORT_CODE_LABEL, classes="field-label")
            yield Input(
                placeholder=transfer_msg.IMPORT_CODE_PLACEHOLDER,
                max_length=CODE_DIGITS + 4,
                restrict=r"[0-9 -]*",
                id="import-code",
            )
        yield Label(transfer_msg.IMPORT_MEDIUM, classes="subheading")
        with ChoiceList(id="import-medium"):
            for kind in TARGETS:
                yield ChoiceButton(kind.label, value=kind is media.IMPORT_DEFAULT, name=kind.name)
        yield FolderField(self.folder, id="import-folder")
        yield FieldError()
        yield Button(transfer_msg.IMPORT_BUTTON, id="import-go", variant="primary")

    def on_mount(self) -> None:
        self._show_folder()

    @on(RadioSet.Changed, "#import-medium")
    def _show_folder(self) -> None:
        self.query_one(FolderField).show_for(self.target_kind())

    def has_input(self) -> bool:
        return bool(self.query_one("#import-code", Input).value)

    def target_kind(self) -> MediumKind:
        pressed = self.query_one("#import-medium", RadioSet).pressed_button
        return (
            MediumKind[pressed.name]
            if pressed is not None and pressed.name
            else media.IMPORT_DEFAULT
        )

    @on(Input.Submitted, "#import-code")
    @on(Button.Pressed, "#import-go")
    @guarded
    def submit(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        field = self.query_one("#import-code", Input)
        code = digits_only(field.value)
        if len(code) != CODE_DIGITS:
            self.fail(transfer_msg.IMPORT_CODE_FORMAT)
            field.focus()
            return
        kind = self.target_kind()
        folder = self.query_one(FolderField).folder()
        if media.capability(kind).needs_folder and folder is None:
            self.fail(issue_msg.V_FOLDER)
            self.query_one(FolderField).input.focus()
            return
        try:
            target = self.center.medium_at(kind, folder)
            entry = self.center.import_certificate(code, target)
        except MgcertError as error:
            self.fail(error, field)
            return
        field.clear()
        self.finish(entry)
