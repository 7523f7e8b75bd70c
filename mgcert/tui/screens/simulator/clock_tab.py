"""시계: the simulated date, and travelling forward to see renewal and expiry."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Label

from mgcert.messages import simulator_panel as sim_msg
from mgcert.tui.screens.simulator import actions
from mgcert.tui.screens.simulator.tab import SimulatorTab


class ClockTab(SimulatorTab):
    def compose(self) -> ComposeResult:
        yield Label("", id="sim-clock-now", classes="heading")
        yield Label("", id="sim-clock-offset", classes="muted")
        with Horizontal(classes="buttons"):
            yield Button(sim_msg.SIM_CLOCK_DAY, id="sim-clock-day")
            yield Button(sim_msg.SIM_CLOCK_MONTH, id="sim-clock-month")
            yield Button(sim_msg.SIM_CLOCK_YEAR, id="sim-clock-year")
            yield Button(sim_msg.SIM_CLOCK_RESET, id="sim-clock-reset", variant="warning")

    def refresh_view(self) -> None:
        clock = self.session.center.clock
        self.query_one("#sim-clock-now", Label).update(actions.clock_now(self.session))
        self.query_one("#sim-clock-offset", Label).update(
            sim_msg.SIM_CLOCK_OFFSET.format(days=clock.offset.days)
        )

    @on(Button.Pressed, "#sim-clock-day, #sim-clock-month, #sim-clock-year")
    def advance(self, event: Button.Pressed) -> None:
        refused = actions.travel(self.session, (event.button.id or "").removeprefix("sim-clock-"))
        if refused is not None:  # e.g. beyond the 100-year bound: nothing moved
            self.notify(refused, severity="error")
            return
        self.post_message(self.CustomerChanged())

    @on(Button.Pressed, "#sim-clock-reset")
    def reset(self) -> None:
        actions.reset_clock(self.session)
        self.post_message(self.CustomerChanged())
