"""고객: the demo customers' data sheets (unmasked), and switching the current customer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Label

from mgcert.messages import simulator_panel as panel_msg
from mgcert.tui.screens.simulator.tab import SimulatorTab


def _customer_of(row_key: str | None) -> int:
    """Rows are keyed ``"<customer_id>:<account index>"``."""
    return int((row_key or "0").split(":")[0])


class CustomersTab(SimulatorTab):
    """Everything a trainee needs to type in step ①, for each demo customer."""

    _notes: dict[int, str]

    def compose(self) -> ComposeResult:
        self._notes = {}
        yield Label("", id="sim-current", classes="heading")
        yield Label(panel_msg.SIM_CUSTOMERS_INTRO, classes="muted")
        table: DataTable[str] = DataTable(
            cursor_type="row", zebra_stripes=True, id="sim-customer-table"
        )
        table.add_columns(*panel_msg.SIM_CUSTOMER_COLUMNS)
        yield table
        # What each demo customer is for, for the highlighted row (too long for a column).
        yield Label("", id="sim-customer-note")

    def refresh_view(self) -> None:
        table = self.query_one("#sim-customer-table", DataTable)
        table.clear()
        self._notes = {}
        current_row = 0
        for sheet in self.simulator.sheets():
            if sheet.customer_id == self.customer_id:
                current_row = table.row_count
            self._notes[sheet.customer_id] = panel_msg.SIM_CUSTOMER_NOTE.format(
                name=sheet.name, note=sheet.note
            )
            for number, account in enumerate(sheet.accounts):
                first = number == 0
                # What step ① asks for comes first, so that it fits at 80 columns.
                table.add_row(
                    sheet.name if first else "",
                    sheet.rrn if first else "",
                    account.number,
                    account.password,
                    panel_msg.SIM_BALANCE.format(won=account.balance_won),
                    sheet.phone if first else "",
                    key=f"{sheet.customer_id}:{number}",
                )
        self.query_one("#sim-current", Label).update(
            panel_msg.SIM_CURRENT.format(name=self.customer_name)
        )
        table.move_cursor(row=current_row)

    @on(DataTable.RowHighlighted, "#sim-customer-table")
    def show_note(self, event: DataTable.RowHighlighted) -> None:
        note = self._notes.get(_customer_of(event.row_key.value), "")
        self.query_one("#sim-customer-note", Label).update(note)

    @on(DataTable.RowSelected, "#sim-customer-table")
    def switch_customer(self, event: DataTable.RowSelected) -> None:
        self.session.customer_id = _customer_of(event.row_key.value)
        self.post_message(self.CustomerChanged())
        self.notify(panel_msg.SIM_SWITCHED.format(name=self.customer_name))
