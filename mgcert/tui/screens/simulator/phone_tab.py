"""휴대폰: the incoming ARS call with a keypad, and the SMS inbox."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from mgcert.clock import KST
from mgcert.errors import MgcertError
from mgcert.messages import simulator_panel as panel_msg
from mgcert.tui.normalize import digits_only
from mgcert.tui.screens.practice.scam_call_view import ScamCallView
from mgcert.tui.screens.simulator.tab import SimulatorTab

KEYPAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")
END_KEY = "#"  # as on an ARS call: the digits are sent when # is pressed
AGAIN_KEY = "*"  # "다시 입력하시려면 별표": clears what was keyed


class ArsKeysField(Input):
    """The digits keyed so far; # sends them and * clears them, typed or on the keypad."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character in (END_KEY, AGAIN_KEY):
            # Not digits, so the field would drop them (restrict); the tab acts on them.
            event.stop()
            event.prevent_default()
            self.post_message(PhoneTab.KeypadPressed(event.character))
            return
        await super()._on_key(event)


class PhoneTab(SimulatorTab):
    """The registered phone: answer the bank's call, read its text messages."""

    class KeypadPressed(Message):
        """A key of the phone's keypad, pressed as a button or typed."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def compose(self) -> ComposeResult:
        yield Label("", id="sim-phone-title", classes="heading")
        yield ScamCallView()  # 연습 과제 10's 수상한 전화, hidden in other homes
        yield Label(panel_msg.SIM_PHONE_IDLE, id="sim-ars-state")
        with Horizontal(id="sim-ars-row"):
            yield ArsKeysField(max_length=2, restrict=r"[0-9]*", id="sim-ars-keys", classes="short")
            yield Button(
                panel_msg.SIM_PHONE_SEND,
                id="sim-ars-send",
                variant="success",
                compact=True,
            )
            yield Button(panel_msg.SIM_PHONE_CLEAR, id="sim-ars-clear", compact=True)
        with Grid(id="sim-keypad"):
            for key in KEYPAD:
                button = Button(key, name=key, classes="key", compact=True)
                # A Button ignores presses during its 0.2 s press effect; a phone keypad
                # counts every one (a fast "88" is two eights).
                button.active_effect_duration = 0
                yield button
        yield Label(panel_msg.SIM_PHONE_KEYS_HINT, classes="muted")
        yield Label("", id="sim-ars-result")
        yield Label(panel_msg.SIM_SMS_TITLE, classes="subheading")
        yield Static(panel_msg.SIM_SMS_EMPTY, id="sim-sms")

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh_view)

    def refresh_view(self) -> None:
        sheet = next(s for s in self.simulator.sheets() if s.customer_id == self.customer_id)
        self.query_one("#sim-phone-title", Label).update(
            panel_msg.SIM_PHONE_TITLE.format(name=sheet.name, phone=sheet.phone)
        )
        ringing = self.simulator.pending_ars(self.customer_id) is not None
        state = self.query_one("#sim-ars-state", Label)
        state.update(panel_msg.SIM_PHONE_RINGING if ringing else panel_msg.SIM_PHONE_IDLE)
        state.set_class(ringing, "ringing")
        inbox = self.simulator.sms_inbox(self.customer_id)
        lines = [
            f"{message.sent_at.astimezone(KST):%m-%d %H:%M:%S}  {message.text}"
            for message in reversed(inbox)
        ]
        self.query_one("#sim-sms", Static).update("\n".join(lines) or panel_msg.SIM_SMS_EMPTY)
        self.query_one(ScamCallView).show(self.session.center.home.root)

    @on(Button.Pressed, ".key")
    def press_button(self, event: Button.Pressed) -> None:
        self.press_key(event.button.name or "")

    def on_key(self, event: events.Key) -> None:
        # A key typed while a keypad button (not the field) has focus keys it in too.
        if event.character in KEYPAD:
            event.stop()
            self.press_key(event.character)

    @on(KeypadPressed)
    def keypad_pressed(self, event: KeypadPressed) -> None:
        event.stop()
        self.press_key(event.key)

    def press_key(self, key: str) -> None:
        """What the phone does with one keypad key."""
        if key == END_KEY:
            self.send()
        elif key == AGAIN_KEY:
            self.clear_keys()
        elif key.isdigit():
            field = self.query_one("#sim-ars-keys", Input)
            field.value = (field.value + key)[-2:]
            field.cursor_position = len(field.value)

    @on(Button.Pressed, "#sim-ars-clear")
    def clear_keys(self) -> None:
        self.query_one("#sim-ars-keys", Input).clear()
        self.query_one("#sim-ars-result", Label).update("")

    @on(Input.Submitted, "#sim-ars-keys")
    @on(Button.Pressed, "#sim-ars-send")
    def send(self) -> None:
        field = self.query_one("#sim-ars-keys", Input)
        result = self.query_one("#sim-ars-result", Label)
        digits = digits_only(field.value)
        if len(digits) != 2:
            result.update(panel_msg.SIM_PHONE_NEED_TWO)
            return
        try:
            accepted = self.simulator.key_in_ars(self.customer_id, digits)
        except MgcertError as error:  # e.g. the call ran out meanwhile: said, not raised
            field.clear()
            result.update(str(error))
            result.set_class(False, "-accepted")
            result.set_class(True, "-rejected")
            return
        field.clear()
        result.update(panel_msg.SIM_PHONE_ACCEPTED if accepted else panel_msg.SIM_PHONE_REJECTED)
        result.set_class(accepted, "-accepted")
        result.set_class(not accepted, "-rejected")
        self.refresh_view()
