"""PFX 가져오기: the PFX file and its password, a new certificate password twice (rule
ticked live), the target medium; reading and re-encrypting run in a worker."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, LoadingIndicator, RadioSet

from mgcert.center import CertificateCenter, CertificateEntry, MediumKind
from mgcert.messages import manage as manage_msg
from mgcert.tui.normalize import nfc
from mgcert.tui.screens.manage.password_form import PasswordFormModal
from mgcert.tui.screens.transfer.import_step import TARGETS  # the center's media table
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError
from mgcert.tui.widgets.password_checklist import PasswordChecklist

PASSWORD_FIELDS = ("#pfx-import-password", "#pfx-import-new", "#pfx-import-confirm")
FIELDS = ("#pfx-import-path", *PASSWORD_FIELDS)


class PfxImportModal(PasswordFormModal[CertificateEntry | None]):
    """Returns the imported certificate as found on the target medium."""

    FIELDS = FIELDS
    PASSWORD_FIELDS = PASSWORD_FIELDS
    RULE_FIELDS = (PASSWORD_FIELDS[1], PASSWORD_FIELDS[2])

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "manage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", manage_msg.KEEP, id="pfx-import.cancel")
    ]

    def __init__(self, center: CertificateCenter) -> None:
        super().__init__(id="pfx-import")
        self.center = center

    def compose(self) -> ComposeResult:
        # Scrolls when the terminal is short (80×24): the buttons stay reachable.
        with VerticalScroll(id="form-box", classes="dialog"):
            yield Label(manage_msg.PFX_IMPORT_HEADING, classes="heading")
            yield Label(manage_msg.PFX_IMPORT_INTRO, classes="intro")
            with Horizontal(classes="field"):
                yield Label(manage_msg.PFX_SOURCE_FILE, classes="field-label")
                yield Input(id="pfx-import-path")
            labels = (
                manage_msg.PFX_PASSWORD,
                manage_msg.PFX_NEW_PASSWORD,
                manage_msg.PFX_NEW_CONFIRM,
            )
            for selector, label in zip(PASSWORD_FIELDS, labels, strict=True):
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(password=True, id=selector.removeprefix("#"))
            with ChoiceList(id="pfx-import-target"):
                for index, kind in enumerate(TARGETS):
                    yield ChoiceButton(kind.label, value=index == 0, name=kind.name)
            yield PasswordChecklist(id="pfx-import-rule")
            yield FieldError()
            yield LoadingIndicator(id="form-working")
            with Horizontal(classes="buttons"):
                yield Button(manage_msg.PFX_IMPORT_BUTTON, id="pfx-import-go", variant="primary")
                yield Button(manage_msg.KEEP, id="pfx-import-cancel")

    def target_kind(self) -> MediumKind:
        pressed = self.query_one("#pfx-import-target", RadioSet).pressed_button
        return MediumKind[pressed.name] if pressed and pressed.name else TARGETS[0]

    @on(Button.Pressed, "#pfx-import-go")
    def submit(self) -> None:
        source = nfc(self.query_one("#pfx-import-path", Input).value).strip()
        pfx_password, new, confirm = (nfc(field.value) for field in self._passwords())
        for field in self._passwords():
            field.clear()
        self.query_one(PasswordChecklist).show("", "")
        self.query_one(FieldError).show("")
        self.query_one("#form-working").display = True
        self.run_import(source, pfx_password, new, confirm, self.target_kind())

    @work(thread=True, exclusive=True, exit_on_error=False, group="pfx-import")
    def run_import(
        self, source: str, pfx_password: str, new: str, confirm: str, kind: MediumKind
    ) -> CertificateEntry:
        target = self.center.medium(kind)
        return self.center.import_pfx(source, pfx_password, new, confirm, target)

    @on(Button.Pressed, "#pfx-import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
