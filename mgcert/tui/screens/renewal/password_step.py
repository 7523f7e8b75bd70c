"""갱신's password pane: part 1's password step plus "keep the current password"."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Label

from mgcert.messages import renewal as renew_msg
from mgcert.tui.screens.issuance.password_step import PasswordStep


class RenewalPasswordStep(PasswordStep):
    """Finishes with a NewPassword, or with ``None`` to keep the current password."""

    HELP_TOPIC = "renewal-password"

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Button(renew_msg.RENEW_KEEP, id="keep-password")

    def on_mount(self) -> None:
        self.query(".heading").first(Label).update(renew_msg.RENEW_PASSWORD_HEADING)
        self.query(".intro").first(Label).update(renew_msg.RENEW_PASSWORD_INTRO)
        self.query_one("#issue", Button).label = renew_msg.RENEW_BUTTON

    @on(Button.Pressed, "#keep-password")
    def keep(self) -> None:
        self.clear_secrets()
        self.finish(None)
