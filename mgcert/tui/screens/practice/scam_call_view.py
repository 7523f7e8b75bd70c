"""Mission 10's 수상한 전화 on the simulator's phone tab: who calls, what they say, and
끊기 / 신고하기 / 알려 주기 (:func:`mgcert.practice.scam_call.respond`).

Hidden while no such call has rung in the center's home (every home but a mission
10 try's). Only which answer was chosen is kept, never anything typed.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static
from textual.widgets.button import ButtonVariant

from mgcert.errors import MgcertError
from mgcert.messages import practice_tui as msg
from mgcert.practice.scam_call import ScamCall, ScamResponse, current_call, respond

BUTTONS: tuple[tuple[str, ScamResponse, ButtonVariant], ...] = (
    ("scam-hang-up", ScamResponse.HANG_UP, "success"),
    ("scam-report", ScamResponse.REPORT, "primary"),
    ("scam-disclose", ScamResponse.DISCLOSE, "error"),
)


class ScamCallView(Vertical):
    """The call's lines and the three answers; :meth:`show` redraws from the home."""

    DEFAULT_CSS = """
    ScamCallView { height: auto; display: none; border: round $error; padding: 0 1; }
    ScamCallView.-shown { display: block; }
    ScamCallView #scam-lines { color: $text; }
    ScamCallView .buttons { height: auto; }
    ScamCallView Button { margin: 0 1 0 0; }
    """

    def __init__(self) -> None:
        super().__init__(id="scam-call")
        self.home: Path | None = None

    def compose(self) -> ComposeResult:
        yield Label(msg.CALL_HEADING, id="scam-heading", classes="heading")
        yield Label("", id="scam-caller", classes="muted")
        yield Static("", id="scam-lines")
        yield Label("", id="scam-answer")
        with Horizontal(classes="buttons", id="scam-buttons"):
            for button_id, response, variant in BUTTONS:
                yield Button(response.label, id=button_id, variant=variant, compact=True)

    def show(self, home: Path) -> None:
        """Redraw from the call kept in ``home`` (nothing shown if none rang)."""
        self.home = home
        try:
            call = current_call(home)
        except MgcertError as error:
            self.set_class(True, "-shown")
            self.query_one("#scam-answer", Label).update(str(error))
            return
        self.set_class(call is not None, "-shown")
        if call is not None:
            self._draw(call)

    def _draw(self, call: ScamCall) -> None:
        script = call.script
        self.query_one("#scam-caller", Label).update(msg.CALL_FROM.format(caller=script.caller))
        self.query_one("#scam-lines", Static).update(
            "\n".join(f"“{line}”" for line in script.lines)
        )
        self.query_one("#scam-buttons").display = call.ringing
        answer = self.query_one("#scam-answer", Label)
        if call.response is None:
            answer.update("")
        else:
            note = msg.CALL_REFUSED_NOTE if call.response.refused else msg.CALL_DISCLOSED_NOTE
            answer.update(msg.CALL_ANSWERED.format(response=call.response.label) + " " + note)

    @on(Button.Pressed, "#scam-buttons Button")
    def answered(self, event: Button.Pressed) -> None:
        event.stop()
        response = next(r for button_id, r, _ in BUTTONS if button_id == event.button.id)
        if self.home is None:
            return
        try:
            respond(self.home, response)
        except MgcertError as error:
            self.query_one("#scam-answer", Label).update(str(error))
            return
        self.show(self.home)
