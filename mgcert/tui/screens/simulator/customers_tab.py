"""고객: the demo customers' data sheets (unmasked), and switching the current customer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Label

from mgcert.messages import tui as msg
from mgcert.tui.screens.simulator.tab import SimulatorTab


class CustomersTab(SimulatorTab):
    """Everything a trainee needs to type in step ①, for each demo customer."""

    def compose(self) -> ComposeResult:
        yield Label("", id="sim-current", classes="heading")
        yield Label(msg.SIM_CUSTOMERS_INTRO, classes="muted")
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True, id="sim-customers")
        table.add_columns(*msg.SIM_CUSTOMER_COLUMNS)
        yield table

    def refresh_view(self) -> None:
        table = self.query_one("#sim-customers", DataTable)
        table.clear()
        current_row = 0
        for index, sheet in enumerate(self.simulator.sheets()):
            for number, account in enumerate(sheet.accounts):
                first = number == 0
                table.add_row(
                    sheet.name if first else "",
                    sheet.rrn if first else "",
                    sheet.phone if first else "",
                    account.number,
                    account.password,
                    f"{account.balance_won:,}원",
                    sheet.note if first else "",
                    key=f"{sheet.customer_id}:{number}",
                )
            if sheet.customer_id == self.customer_id:
                current_row = index
        self.query_one("#sim-current", Label).update(
            msg.SIM_CURRENT.format(name=self.customer_name)
        )
        table.move_cursor(row=current_row)

    @on(DataTable.RowSelected, "#sim-customers")
    def switch_customer(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value or ""
        self.session.customer_id = int(key.split(":")[0])
        self.post_message(self.CustomerChanged())
        self.notify(msg.SIM_SWITCHED.format(name=self.customer_name))
