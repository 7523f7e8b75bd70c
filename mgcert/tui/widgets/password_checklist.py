"""Live checklist of the certificate password rule, ticked as the user types.

Each part reads ``·`` while not yet met, ``✔`` once met; a part typing can break (a
forbidden character, a confirmation that differs) reads ``✘`` at once.
:func:`password_problem` says in one sentence what is wrong, for the error line.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from mgcert.center.password_problems import password_problems
from mgcert.messages import issuance as issue_msg
from mgcert.messages import npki as rule_msg
from mgcert.messages import tui as msg
from mgcert.npki.password_rule import check_password

TICK = "✔"
OPEN = "·"
BROKEN = "✘"


def confirmation_differs(password: str, confirm: str) -> bool:
    """The confirmation typed so far can no longer become ``password``."""
    return bool(confirm) and not password.startswith(confirm)


def password_problem(password: str, confirm: str) -> str | None:
    """What is wrong with a new password and its confirmation, or None if nothing (the
    rule's parts in the center's own sentences)."""
    if not password:
        return msg.PASSWORD_PROBLEM_EMPTY
    problems = password_problems(password)
    if not problems and password != confirm:
        problems.append(msg.PASSWORD_PROBLEM_MISMATCH)
    return " ".join(problems) or None


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
    PasswordChecklist > Label.-broken {
        color: $text-error;
        text-style: bold;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        for index, (label, _ok) in enumerate(check_password("").parts):
            yield Label(f"{OPEN} {label}", id=f"rule-{index}", classes="rule")
        yield Label(f"{OPEN} {issue_msg.PASSWORD_MATCH}", id="rule-match")

    def show(self, password: str, confirm: str) -> None:
        """Tick each part of the rule ``password`` meets; never keeps the password."""
        for index, (label, ok) in enumerate(check_password(password).parts):
            mark = TICK if ok and password else OPEN
            # Typing can break only this part; the others are simply not met yet.
            if label == rule_msg.PASSWORD_PART_ALLOWED and not ok:
                mark = BROKEN
            self._set(self.query_one(f"#rule-{index}", Label), label, mark)
        if confirmation_differs(password, confirm):
            match, label = BROKEN, msg.PASSWORD_MISMATCH_RULE
        else:
            match = TICK if password and password == confirm else OPEN
            label = issue_msg.PASSWORD_MATCH
        self._set(self.query_one("#rule-match", Label), label, match)

    @staticmethod
    def _set(line: Label, label: str, mark: str) -> None:
        line.update(f"{mark} {label}")
        line.set_class(mark == TICK, "-met")
        line.set_class(mark == BROKEN, "-broken")
