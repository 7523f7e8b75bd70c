"""OTP: the device's current code and how long it stays, ticking every second."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Digits, Label, ProgressBar

from mgcert.messages import simulator_panel as sim_msg
from mgcert.tui.screens.simulator.tab import SimulatorTab

OTP_PERIOD_SECONDS = 30


class OtpTab(SimulatorTab):
    def compose(self) -> ComposeResult:
        yield Label("", id="sim-otp-title", classes="heading")
        yield Digits("------", id="sim-otp-code")
        yield ProgressBar(
            total=OTP_PERIOD_SECONDS, show_eta=False, show_percentage=False, id="sim-otp-left-bar"
        )
        yield Label("", id="sim-otp-left", classes="muted")

    def on_mount(self) -> None:
        self.set_interval(1.0, self.refresh_view)

    def refresh_view(self) -> None:
        reading = self.simulator.otp(self.customer_id)
        self.query_one("#sim-otp-title", Label).update(
            sim_msg.SIM_OTP_TITLE.format(name=self.customer_name)
        )
        self.query_one("#sim-otp-code", Digits).update(reading.code)
        self.query_one("#sim-otp-left-bar", ProgressBar).update(progress=reading.seconds_left)
        self.query_one("#sim-otp-left", Label).update(
            sim_msg.SIM_OTP_LEFT.format(seconds=reading.seconds_left)
        )
