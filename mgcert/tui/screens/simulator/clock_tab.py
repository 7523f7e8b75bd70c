"""시계: the simulated date, and travelling forward to see renewal and expiry."""

from __future__ import annotations

from datetime import timedelta

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label

from mgcert.errors import MgcertError
from mgcert.messages import tui as msg
from mgcert.tui.screens.simulator.tab import SimulatorTab

STEPS = {
    "sim-clock-day": timedelta(days=1),
    "sim-clock-month": timedelta(days=30),
    "sim-clock-year": timedelta(days=365),
}


class ClockTab(SimulatorTab):
    def compose(self) -> ComposeResult:
        yield Label("", id="sim-clock-now", classes="heading")
        yield Label("", id="sim-clock-offset", classes="muted")
        with Horizontal(classes="buttons"):
            yield Button(msg.SIM_CLOCK_DAY, id="sim-clock-day")
            yield Button(msg.SIM_CLOCK_MONTH, id="sim-clock-month")
            yield Button(msg.SIM_CLOCK_YEAR, id="sim-clock-year")
            yield Button(msg.SIM_CLOCK_RESET, id="sim-clock-reset", variant="warning")

    def refresh_view(self) -> None:
        clock = self.session.center.clock
        now = clock.now_kst()
        self.query_one("#sim-clock-now", Label).update(
            msg.SIM_CLOCK_NOW.format(now=f"{now:%Y-%m-%d %H:%M:%S} KST")
        )
        self.query_one("#sim-clock-offset", Label).update(
            msg.SIM_CLOCK_OFFSET.format(days=clock.offset.days)
        )

    @on(Button.Pressed, "#sim-clock-day, #sim-clock-month, #sim-clock-year")
    def advance(self, event: Button.Pressed) -> None:
        try:
            self.simulator.advance_clock(STEPS[event.button.id or ""])
        except MgcertError as error:  # e.g. beyond the 100-year bound: nothing moved
            self.notify(str(error), severity="error")
            return
        self.post_message(self.CustomerChanged())

    @on(Button.Pressed, "#sim-clock-reset")
    def reset(self) -> None:
        self.simulator.reset_clock()
        self.post_message(self.CustomerChanged())
