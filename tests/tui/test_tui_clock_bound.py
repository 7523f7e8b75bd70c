"""The simulator's clock tab at the 100-year bound: a refused step is a notice, not a
crash, and the clock stays where it was."""

from __future__ import annotations

from datetime import timedelta

from flow_driver import SIZE
from tui_driver import open_simulator_tab, settle

from mgcert.center import CertificateCenter
from mgcert.clock import MAX_OFFSET
from mgcert.tui.app import MgcertApp


async def test_a_year_past_the_bound_is_refused_on_screen(
    app: MgcertApp, center: CertificateCenter
) -> None:
    center.simulator.advance_clock(MAX_OFFSET - timedelta(days=10))
    before = center.clock.offset
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_simulator_tab(pilot, "sim-clock-tab")
        await pilot.click("#sim-clock-year")
        await settle(pilot)
        assert app.is_running
        notices = [n.message for n in app._notifications]
        assert any("시계는 그대로입니다" in message for message in notices), notices
    assert center.clock.offset == before
