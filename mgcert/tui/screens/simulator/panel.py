"""The simulator panel (F2): an overlay; closing it returns to the screen below untouched."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, TabbedContent, TabPane

from mgcert.messages import simulator_panel as sim_msg
from mgcert.messages import tui as msg
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.simulator.branch_tab import BranchTab
from mgcert.tui.screens.simulator.card_tab import CardTab
from mgcert.tui.screens.simulator.clock_tab import ClockTab
from mgcert.tui.screens.simulator.customers_tab import CustomersTab
from mgcert.tui.screens.simulator.otp_tab import OtpTab
from mgcert.tui.screens.simulator.phone_tab import PhoneTab
from mgcert.tui.screens.simulator.tab import SimulatorTab
from mgcert.tui.screens.simulator.which_tab import TAB_NAMES
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.key_footer import KeyFooter

TABS = (
    ("sim-customers-tab", sim_msg.SIM_TAB_CUSTOMERS, CustomersTab),
    ("sim-card-tab", sim_msg.SIM_TAB_CARD, CardTab),
    ("sim-otp-tab", sim_msg.SIM_TAB_OTP, OtpTab),
    ("sim-phone-tab", sim_msg.SIM_TAB_PHONE, PhoneTab),
    ("sim-clock-tab", sim_msg.SIM_TAB_CLOCK, ClockTab),
    ("sim-branch-tab", sim_msg.SIM_TAB_BRANCH, BranchTab),
)


def pane_of(tab: str) -> str:
    """The TabPane id of a tab name (``which_tab.TAB_NAMES``); 문자함 is on the 휴대폰 tab."""
    return "sim-phone-tab" if tab == "sms" else f"sim-{tab}-tab"


class SimulatorPanel(MgcertModal[None]):
    """Tabs over the simulator facade.

    Opens on ``tab`` (what the step on screen asked for, see ``which_tab``), else on
    the phone while a call is ringing, else on 고객.
    """

    HELP_TOPIC = "simulator"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", msg.KEY_CLOSE, id="simulator.close")
    ]

    def __init__(self, session: TuiSession, *, tab: str | None = None) -> None:
        super().__init__(id="simulator")
        self.session = session
        self.opening_tab = tab if tab in TAB_NAMES else None

    def compose(self) -> ComposeResult:
        with Vertical(id="sim-box", classes="dialog"):
            yield Label(sim_msg.SIM_TITLE, classes="heading")
            with TabbedContent(id="sim-tabs", initial=self._initial_tab()):
                for pane_id, title, tab in TABS:
                    with TabPane(title, id=pane_id):
                        yield tab(self.session, id=pane_id.removesuffix("-tab"))
        yield KeyFooter()

    def _initial_tab(self) -> str:
        if self.opening_tab is not None:
            return pane_of(self.opening_tab)
        simulator = self.session.center.simulator
        if self.session.customer_id is not None and simulator.pending_ars(self.session.customer_id):
            return "sim-phone-tab"
        return "sim-customers-tab"

    def on_mount(self) -> None:
        if self.opening_tab == "sms":
            self.query_one("#sim-sms").scroll_visible(animate=False)
        elif self.query_one(TabbedContent).active == "sim-phone-tab":
            # The phone is ringing (or the ARS step sent us): the keypad is what the
            # user came for.
            self.query_one("#sim-ars-keys", Input).focus()

    def show_tab(self, tab: str) -> None:
        """Switch to ``tab`` (the command palette's "시뮬레이터: …" over an open panel)."""
        if tab in TAB_NAMES:
            self.query_one(TabbedContent).active = pane_of(tab)

    @on(SimulatorTab.CustomerChanged)
    def redraw_all(self, event: SimulatorTab.CustomerChanged) -> None:
        event.stop()
        self.refresh_tabs()

    def refresh_tabs(self) -> None:
        """Redraw every tab (the customer or the clock changed, maybe from the palette)."""
        for tab in self.query(SimulatorTab):
            tab.refresh_view()

    def action_close(self) -> None:
        self.dismiss(None)
