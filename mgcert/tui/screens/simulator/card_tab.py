"""보안카드: the current customer's card, 35 numbered cells of 4 digits."""

from __future__ import annotations

from rich import box
from rich.table import Table
from textual.app import ComposeResult
from textual.widgets import Label, Static

from mgcert.messages import simulator_panel as sim_msg
from mgcert.tui.screens.simulator.tab import SimulatorTab

COLUMNS = 5


def card_table(cells: dict[int, str]) -> Table:
    """The grid as printed on the card: ``[01] 1234`` in rows of five."""
    table = Table(box=box.SQUARE, show_header=False, padding=(0, 1))
    for _ in range(COLUMNS):
        table.add_column(no_wrap=True)
    numbers = sorted(cells)
    for start in range(0, len(numbers), COLUMNS):
        row = [f"[dim]{n:02d}[/] [bold]{cells[n]}[/]" for n in numbers[start : start + COLUMNS]]
        table.add_row(*row, *([""] * (COLUMNS - len(row))))
    return table


class CardTab(SimulatorTab):
    def compose(self) -> ComposeResult:
        yield Label("", id="sim-card-title", classes="heading")
        yield Static("", id="sim-card")

    def refresh_view(self) -> None:
        card = self.simulator.security_card(self.customer_id)
        self.query_one("#sim-card-title", Label).update(
            sim_msg.SIM_CARD_SERIAL.format(name=self.customer_name, serial=card.serial)
        )
        self.query_one("#sim-card", Static).update(card_table(card.cells))
