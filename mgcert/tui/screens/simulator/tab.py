"""What every simulator tab shares: the session, whose devices it shows, refreshing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import VerticalScroll
from textual.message import Message

from mgcert.tui.screens.simulator import actions
from mgcert.tui.session import TuiSession

if TYPE_CHECKING:
    from mgcert.center import Simulator


class SimulatorTab(VerticalScroll):
    """A tab's content; ``refresh_view`` redraws it from the simulator facade."""

    # Tab from the tab strip lands on the first control, not on the scroll area.
    can_focus = False

    class CustomerChanged(Message):
        """The current customer (or the clock) changed: every tab redraws."""

    def __init__(self, session: TuiSession, *, id: str) -> None:
        super().__init__(id=id, classes="sim-tab")
        self.session = session

    @property
    def simulator(self) -> Simulator:
        return self.session.center.simulator

    @property
    def customer_id(self) -> int:
        return actions.current_customer(self.session)

    @property
    def customer_name(self) -> str:
        return actions.customer_name(self.session)

    def on_mount(self) -> None:
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw from the facade (subclasses)."""
