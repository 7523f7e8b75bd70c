"""While the center works for a flow (the CA signs, files are written) the flow cannot be
left: not by Esc, not by a command palette jump; it goes on to its result."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from tui_driver import (
    GOOD_PASSWORD,
    keep_harddisk,
    pane_id,
    scenario_customer,
    settle,
    type_text,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter, IssuanceFlow
from mgcert.messages import palette as palette_msg
from mgcert.tui.app import MgcertApp
from mgcert.tui.commands import open_flow
from mgcert.tui.menu import FLOWS, MENU
from mgcert.tui.screens.issuance.wizard import IssuanceWizard

SIZE = (100, 36)


async def test_esc_and_the_palette_wait_while_the_certificate_is_issued(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_issue = IssuanceFlow.issue

    def slow_issue(self: IssuanceFlow, *args: Any, **kwargs: Any) -> Any:
        release.wait(30)
        return real_issue(self, *args, **kwargs)

    monkeypatch.setattr(IssuanceFlow, "issue", slow_issue)
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        await keep_harddisk(pilot)
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        for _ in range(200):
            await pilot.pause(0.01)
            if pane_id(app) == "progress":
                break
        assert pane_id(app) == "progress"
        assert wizard(app).working

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, IssuanceWizard)
        item = next(item for item in MENU if item.key == "renew")
        open_flow(app, app.session, item, FLOWS["renew"])
        await pilot.pause()
        assert isinstance(app.screen, IssuanceWizard)  # no leave question either
        assert palette_msg.PALETTE_BUSY in [n.message for n in app._notifications]

        release.set()
        await settle(pilot)
        assert pane_id(app) == "done"
        assert not wizard(app).working
