"""The simulator's 고객 tab: each demo customer's note, and switching the current one."""

from __future__ import annotations

from textual.widgets import DataTable, Label
from tui_driver import open_simulator_tab, settle

from mgcert.center import CertificateCenter
from mgcert.messages import simulator_panel as sim_msg
from mgcert.tui.app import MgcertApp

SIZE = (100, 36)


async def test_note_follows_the_cursor_and_enter_switches_the_customer(
    app: MgcertApp, center: CertificateCenter
) -> None:
    sheets = center.simulator.sheets()
    first, second = sheets[0], sheets[1]
    assert len(first.accounts) > 1  # rows are per account: the cursor must skip them
    third = sheets[2]
    app.session.customer_id = second.customer_id
    async with app.run_test(size=SIZE) as pilot:
        await open_simulator_tab(pilot, "sim-customers-tab")
        note = app.screen.query_one("#sim-customer-note", Label)
        table = app.screen.query_one("#sim-customer-table", DataTable)
        # The cursor starts on the current customer's row (after the first
        # customer's two account rows), and the note is theirs.
        assert table.cursor_row == len(first.accounts)
        assert str(note.render()) == sim_msg.SIM_CUSTOMER_NOTE.format(
            name=second.name, note=second.note
        )
        await pilot.press("down", "enter")
        await settle(pilot)
        assert str(note.render()) == sim_msg.SIM_CUSTOMER_NOTE.format(
            name=third.name, note=third.note
        )
        assert app.session.customer_id == third.customer_id
        current = app.screen.query_one("#sim-current", Label)
        assert third.name in str(current.render())
