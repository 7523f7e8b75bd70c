"""Live checklist of the certificate password rule, ticked as the user types."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from mgcert.messages import tui as msg
from mgcert.npki.password_rule import check_password

TICK = "✔"
OPEN = "·"


class PasswordChecklist(Vertical):
    """One line per part of the rule, plus whether the confirmation matches."""

    DEFAULT_CSS = """
    PasswordChecklist {
        height: auto;
        width: 1fr;
        padding: 0 1;
        margin: 0 0 0 1;
        border-left: tall $primary 50%;
    }
    PasswordChecklist > Label {
        color: $text-muted;
    }
    PasswordChecklist > Label.-met {
        color: $success;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        for index, (label, _ok) in enumerate(check_password("").parts):
            yield Label(f"{OPEN} {label}", id=f"rule-{index}", classes="rule")
        yield Label(f"{OPEN} {msg.PASSWORD_MATCH}", id="rule-match")

    def show(self, password: str, confirm: str) -> None:
        """Tick each part of the rule ``password`` meets; never keeps the password."""
        for index, (label, ok) in enumerate(check_password(password).parts):
            self._set(self.query_one(f"#rule-{index}", Label), label, ok)
        matches = bool(password) and password == confirm
        self._set(self.query_one("#rule-match", Label), msg.PASSWORD_MATCH, matches)

    @staticmethod
    def _set(line: Label, label: str, ok: bool) -> None:
        line.update(f"{TICK if ok else OPEN} {label}")
        line.set_class(ok, "-met")
