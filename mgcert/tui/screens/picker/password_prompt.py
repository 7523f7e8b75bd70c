"""The certificate password prompt: masked, checked by the center in a worker.

A wrong password keeps the prompt open (field cleared, error under it) and offers
"비밀번호를 잊으셨나요?", which leads to 재발급 — the issuance flow decides that a valid
certificate means 재발급. Any other refusal closes the prompt and goes back to the
flow, which explains it in its own words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, LoadingIndicator
from textual.worker import Worker, WorkerState

from mgcert.center import CertificateEntry
from mgcert.errors import MgcertError
from mgcert.messages import tui as part1_msg
from mgcert.messages import tui_flows as msg
from mgcert.npki.keyfile import WrongKeyPassword
from mgcert.tui.normalize import nfc
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.kind_choice import KindChoiceScreen
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.session import TuiSession
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.certificate_table import expiry_text, kind_text
from mgcert.tui.widgets.field_error import FieldError

T = TypeVar("T")


@dataclass(frozen=True)
class PromptOutcome(Generic[T]):
    """What the center answered: ``value`` when the password was right, else ``error``."""

    value: T | None = None
    error: MgcertError | None = None


class PasswordPrompt(MgcertModal[PromptOutcome[T] | None], Generic[T]):
    """Asks for ``entry``'s password and hands both to ``verify`` (a center call)."""

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "prompt"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", msg.PROMPT_CANCEL, id="prompt.cancel"),
        Binding("f3", "forgot", msg.PROMPT_FORGOT, id="prompt.forgot"),
    ]

    def __init__(
        self,
        session: TuiSession,
        entry: CertificateEntry,
        purpose: str,
        verify: Callable[[CertificateEntry, str], T],
    ) -> None:
        super().__init__(id="password-prompt")
        self.session = session
        self.entry = entry
        self.purpose = purpose
        self.verify = verify

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="dialog"):
            yield Label(msg.PROMPT_HEADING, classes="heading")
            yield Label(self.purpose, classes="intro")
            yield Label(
                msg.PROMPT_CERTIFICATE.format(
                    name=self.entry.name,
                    issuer=self.entry.issuer_org,
                    kind=kind_text(self.entry),
                    expiry=expiry_text(self.entry),
                ),
                id="prompt-certificate",
                classes="note",
            )
            with Horizontal(classes="field"):
                yield Label(msg.PROMPT_LABEL, classes="field-label")
                yield Input(placeholder=msg.PROMPT_PLACEHOLDER, password=True, id="prompt-password")
            yield FieldError()
            yield LoadingIndicator(id="prompt-working")
            with Horizontal(classes="buttons"):
                yield Button(msg.PROMPT_OK, id="prompt-ok", variant="primary")
                yield Button(msg.PROMPT_FORGOT, id="prompt-forgot", variant="warning")
                yield Button(msg.PROMPT_CANCEL, id="prompt-cancel")

    def on_mount(self) -> None:
        self.query_one("#prompt-working").display = False
        self.query_one("#prompt-password", Input).focus()

    @on(Input.Submitted, "#prompt-password")
    @on(Button.Pressed, "#prompt-ok")
    def submit(self) -> None:
        field = self.query_one("#prompt-password", Input)
        password = nfc(field.value)
        field.clear()
        if not password:
            self.query_one(FieldError).show(msg.PROMPT_EMPTY)
            field.focus()
            return
        self._busy(True)
        self.check(password)

    @work(thread=True, exclusive=True, exit_on_error=False, group="prompt")
    def check(self, password: str) -> T:
        return self.verify(self.entry, password)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "prompt" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        self._busy(False)
        if event.state is WorkerState.SUCCESS:
            self.dismiss(PromptOutcome(value=event.worker.result))
            return
        error = event.worker.error
        if isinstance(error, WrongKeyPassword):
            self.query_one(FieldError).show(error_text(error))
            self.query_one("#prompt-forgot", Button).add_class("-suggested")
            self.query_one("#prompt-password", Input).focus()
        elif isinstance(error, MgcertError):
            self.dismiss(PromptOutcome(error=error))
        else:
            self.app.log.error(repr(error))
            self.query_one(FieldError).show(part1_msg.WORKER_FAILED)
            self.query_one("#prompt-password", Input).focus()  # typing on must land

    def _busy(self, busy: bool) -> None:
        self.query_one("#prompt-working").display = busy
        for widget in self.query("#prompt-box Input, #prompt-box Button"):
            widget.disabled = busy
        if not busy:
            self.query_one(FieldError).show("")

    @on(Button.Pressed, "#prompt-forgot")
    def action_forgot(self) -> None:
        """The password cannot be recovered: 재발급 through the issuance flow."""
        self.dismiss(None)
        self.app.notify(msg.PROMPT_FORGOT_NOTICE, title=msg.PROMPT_FORGOT, timeout=8)
        self.app.switch_screen(KindChoiceScreen(self.session))

    @on(Button.Pressed, "#prompt-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
