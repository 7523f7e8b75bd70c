"""Live checklist of the certificate password rule, ticked as the user types.

Each part reads ``·`` while not yet met, ``✔`` once met; a part typing can break (a
forbidden character, a confirmation that differs) reads ``✘`` at once.
:func:`password_problem` says in one sentence what is wrong, for the error line.
"""

from __future__ import annotations

import unicodedata

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label

from mgcert.messages import npki as rule_msg
from mgcert.messages import tui as msg
from mgcert.npki.password_rule import MIN_LENGTH, check_password

TICK = "✔"
OPEN = "·"
BROKEN = "✘"


def forbidden_characters(password: str) -> list[str]:
    """The characters of ``password`` the rule refuses, in typed order, each once;
    spaces and Hangul named as such."""
    found: list[str] = []
    for character in password:
        if check_password(character).no_forbidden:
            continue
        if character.isspace():
            shown = msg.PASSWORD_CHAR_SPACE
        elif unicodedata.name(character, "").startswith("HANGUL"):
            shown = msg.PASSWORD_CHAR_HANGUL
        else:
            shown = character
        if shown not in found:
            found.append(shown)
    return found


def confirmation_differs(password: str, confirm: str) -> bool:
    """The confirmation typed so far can no longer become ``password``."""
    return bool(confirm) and not password.startswith(confirm)


def password_problem(password: str, confirm: str) -> str | None:
    """What is wrong with a new password and its confirmation, or None if nothing."""
    if not password:
        return msg.PASSWORD_PROBLEM_EMPTY
    report = check_password(password)
    problems = []
    forbidden = forbidden_characters(password)
    if forbidden:
        problems.append(msg.PASSWORD_PROBLEM_FORBIDDEN.format(chars=" ".join(forbidden)))
    if not report.long_enough:
        problems.append(msg.PASSWORD_PROBLEM_LENGTH.format(min=MIN_LENGTH, length=len(password)))
    if not report.has_letter:
        problems.append(msg.PASSWORD_PROBLEM_LETTER)
    if not report.has_digit:
        problems.append(msg.PASSWORD_PROBLEM_DIGIT)
    if not report.has_special:
        problems.append(msg.PASSWORD_PROBLEM_SPECIAL)
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
        yield Label(f"{OPEN} {msg.PASSWORD_MATCH}", id="rule-match")

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
            label = msg.PASSWORD_MATCH
        self._set(self.query_one("#rule-match", Label), label, match)

    @staticmethod
    def _set(line: Label, label: str, mark: str) -> None:
        line.update(f"{mark} {label}")
        line.set_class(mark == TICK, "-met")
        line.set_class(mark == BROKEN, "-broken")
