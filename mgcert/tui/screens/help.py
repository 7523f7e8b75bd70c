"""F1: what the current screen is for, its keys, and the common mistakes (DOMAIN.md)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from mgcert.messages import tui as msg
from mgcert.messages import tui_flows
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.widgets.key_footer import KeyFooter


def _keys_table(screen_keys: list[tuple[str, str]]) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column(no_wrap=True, style="bold", min_width=16)
    table.add_column()
    # The common keys (Esc, F1, F2) are explained below; list only what this screen adds.
    common = {key.lower() for key, _ in msg.HELP_COMMON_KEYS}
    for key, description in screen_keys:
        if key.lower() not in common:
            table.add_row(key, description)
    for key, description in msg.HELP_COMMON_KEYS:
        table.add_row(key, description)
    return table


class HelpScreen(MgcertModal[None]):
    """Help for the screen below it; Esc, F1 or q closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", msg.KEY_CLOSE, id="help.close"),
        Binding("q", "close", msg.KEY_CLOSE, show=False, id="help.close_q"),
    ]

    def __init__(self, topic: str, screen_keys: list[tuple[str, str]]) -> None:
        super().__init__(id="help")
        self.topic = topic
        self.screen_keys = screen_keys

    def compose(self) -> ComposeResult:
        # Here, not at import: the app starts without loading the center (lazy start).
        from mgcert.center.rules import rule_text

        with Vertical(id="help-box", classes="dialog"):
            yield Label(msg.HELP_TITLE, classes="heading")
            with VerticalScroll(id="help-body"):
                purpose = msg.HELP_SCREENS.get(
                    self.topic, tui_flows.HELP_SCREENS.get(self.topic, "")
                )
                yield Static(rule_text(purpose), id="help-purpose")
                yield Label(msg.HELP_KEYS_TITLE, classes="subheading")
                yield Static(_keys_table(self.screen_keys), id="help-keys")
                yield Label(msg.HELP_MISTAKES_TITLE, classes="subheading")
                yield Static(
                    "\n".join(f"• {rule_text(line)}" for line in msg.HELP_MISTAKES),
                    id="help-mistakes",
                )
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss(None)
