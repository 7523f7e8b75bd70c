"""지점 방문: what a branch visit does — unlock the current customer's locked checks."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Button, Label

from mgcert.messages import simulator_panel as sim_msg
from mgcert.tui.screens.simulator import actions
from mgcert.tui.screens.simulator.tab import SimulatorTab


class BranchTab(SimulatorTab):
    def compose(self) -> ComposeResult:
        yield Label(sim_msg.SIM_BRANCH_INTRO, classes="intro")
        yield Label("", id="sim-branch-state")
        yield Button(sim_msg.SIM_BRANCH_UNLOCK, id="sim-branch-unlock", variant="warning")

    def refresh_view(self) -> None:
        locked = self.simulator.lock_state(self.customer_id).labels
        state = ", ".join(locked) if locked else sim_msg.SIM_NONE
        self.query_one("#sim-branch-state", Label).update(
            sim_msg.SIM_BRANCH_STATE.format(state=state)
        )

    @on(Button.Pressed, "#sim-branch-unlock")
    def unlock(self) -> None:
        self.notify(actions.visit_branch(self.session))
        self.post_message(self.CustomerChanged())
