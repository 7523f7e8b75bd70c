"""PFX 내보내기: certificate password, PFX password twice (rule ticked live), target file;
the KDFs run in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, LoadingIndicator

from mgcert.center import CertificateCenter, CertificateEntry
from mgcert.center.pfx import PfxExport
from mgcert.messages import manage as manage_msg
from mgcert.tui.normalize import nfc
from mgcert.tui.screens.manage.password_form import PasswordFormModal
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.password_checklist import PasswordChecklist

PASSWORD_FIELDS = ("#pfx-export-password", "#pfx-export-new", "#pfx-export-confirm")
FIELDS = (*PASSWORD_FIELDS, "#pfx-export-path")


class PfxExportModal(PasswordFormModal[PfxExport | None]):
    """Returns where the PFX was written."""

    FIELDS = FIELDS
    PASSWORD_FIELDS = PASSWORD_FIELDS
    RULE_FIELDS = (PASSWORD_FIELDS[1], PASSWORD_FIELDS[2])

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "manage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", manage_msg.KEEP, id="pfx-export.cancel")
    ]

    def __init__(self, center: CertificateCenter, entry: CertificateEntry, folder: Path) -> None:
        super().__init__(id="pfx-export")
        self.center = center
        self.entry = entry
        self.default_path = folder / center.suggested_pfx_name(entry)

    def compose(self) -> ComposeResult:
        # Scrolls when the terminal is short (80×24): the buttons stay reachable.
        with VerticalScroll(id="form-box", classes="dialog"):
            yield Label(manage_msg.PFX_EXPORT_HEADING, classes="heading")
            yield Label(f"{self.entry.name} · {self.entry.issuer_org}", classes="note")
            yield Label(manage_msg.PFX_EXPORT_INTRO, classes="intro")
            labels = (
                manage_msg.PFX_CERT_PASSWORD,
                manage_msg.PFX_PASSWORD,
                manage_msg.PFX_PASSWORD_CONFIRM,
            )
            for selector, label in zip(PASSWORD_FIELDS, labels, strict=True):
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(password=True, id=selector.removeprefix("#"))
            with Horizontal(classes="field"):
                yield Label(manage_msg.PFX_TARGET_FILE, classes="field-label")
                yield Input(str(self.default_path), id="pfx-export-path")
            yield PasswordChecklist(id="pfx-export-rule")
            yield FieldError()
            yield LoadingIndicator(id="form-working")
            with Horizontal(classes="buttons"):
                yield Button(manage_msg.PFX_EXPORT_BUTTON, id="pfx-export-go", variant="primary")
                yield Button(manage_msg.KEEP, id="pfx-export-cancel")

    @on(Button.Pressed, "#pfx-export-go")
    def submit(self) -> None:
        password, pfx_password, confirm = (nfc(field.value) for field in self._passwords())
        target = nfc(self.query_one("#pfx-export-path", Input).value).strip()
        for field in self._passwords():
            field.clear()
        self.query_one(PasswordChecklist).show("", "")
        self.query_one(FieldError).show("")
        self.query_one("#form-working").display = True
        self.export(password, pfx_password, confirm, target)

    @work(thread=True, exclusive=True, exit_on_error=False, group="pfx-export")
    def export(self, password: str, pfx_password: str, confirm: str, target: str) -> PfxExport:
        return self.center.export_pfx(self.entry, password, pfx_password, confirm, target)

    @on(Button.Pressed, "#pfx-export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
