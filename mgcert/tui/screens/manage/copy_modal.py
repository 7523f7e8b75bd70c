"""복사: the certificate and its (still encrypted) key to another medium."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, RadioSet

from mgcert.center import CertificateCenter, CertificateEntry, MediumKind, media
from mgcert.errors import MgcertError
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.choice_list import ChoiceButton, ChoiceList
from mgcert.tui.widgets.field_error import FieldError


class CopyModal(MgcertModal[CertificateEntry | None]):
    """Returns the copy as found on the target medium."""

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "manage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg.KEEP, id="copy.cancel")
    ]

    def __init__(self, center: CertificateCenter, entry: CertificateEntry) -> None:
        super().__init__(id="copy")
        self.center = center
        self.entry = entry
        self.targets = [k for k in media.copy_target_kinds() if k is not entry.location.kind]

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box", classes="dialog"):
            yield Label(msg.COPY_HEADING, classes="heading")
            yield Label(msg.COPY_INTRO, classes="intro")
            with ChoiceList(id="copy-target"):
                for index, kind in enumerate(self.targets):
                    yield ChoiceButton(kind.label, value=index == 0, name=kind.name)
            yield FieldError()
            with Horizontal(classes="buttons"):
                yield Button(msg.COPY_BUTTON, id="copy-go", variant="primary")
                yield Button(msg.KEEP, id="copy-cancel")

    def on_mount(self) -> None:
        self.query_one("#copy-target", RadioSet).focus()

    @on(Button.Pressed, "#copy-go")
    def submit(self) -> None:
        pressed = self.query_one("#copy-target", RadioSet).pressed_button
        kind = MediumKind[pressed.name] if pressed and pressed.name else self.targets[0]
        try:
            copy = self.center.copy_certificate(self.entry, self.center.medium(kind))
        except MgcertError as error:
            self.query_one(FieldError).show(error_text(error))
            return
        self.dismiss(copy)

    @on(Button.Pressed, "#copy-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
