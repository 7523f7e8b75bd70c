"""Home says when an issued certificate waits for a medium (issue 12: the TUI says so
on its home screen after the open rolled a killed job forward to "parked")."""

from __future__ import annotations

from pathlib import Path

import pytest
from flow_driver import SIZE, issue_certificate
from textual.widgets import Label
from tui_driver import (
    choose_kind,
    demo_customer,
    enter_customer,
    error_on_screen,
    keep_harddisk,
    open_kind_choice,
    pane_id,
    settle,
    wizard,
)

from mgcert.center import CertificateCenter, IssuedButNotSaved, MediumKind
from mgcert.npki import storage
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.recovery import RecoveryNotice


def _unwritable(*_: object, **__: object) -> Path:
    raise OSError(28, "No space left on device")


async def test_home_names_parked_certificates(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", _unwritable)
        with pytest.raises(IssuedButNotSaved):
            issue_certificate(center, demo_customer(center, "김민준"))
    app = MgcertApp(center)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notice = app.screen.query_one("#parked-notice", Label)
        assert notice.display
        text = str(notice.render())
        assert "1건" in text
        assert "김민준" in text
        assert "mgcert recover" in text


async def test_home_says_nothing_when_nothing_is_parked(center: CertificateCenter) -> None:
    app = MgcertApp(center)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.query_one("#parked-notice", Label).display


async def test_asking_again_offers_to_save_the_parked_certificate(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 12: a new request while a parked job exists says to finish it and, in the
    # TUI, offers to; it never issues or charges a second time.
    customer = demo_customer(center, "김민준")
    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", _unwritable)
        with pytest.raises(IssuedButNotSaved):
            issue_certificate(center, customer)
    issued_before = [line for line in center.mg_ca.audit_log() if line.action == "issue"]
    app = MgcertApp(center)
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await enter_customer(pilot, customer)
        assert pane_id(app) == "medium"  # no identity steps again: straight to saving
        assert "발급되었습니다" in app.screen.query_one(RecoveryNotice).text
        assert error_on_screen(app) == ""
        assert wizard(app).flow.pending_recovery is not None
        await keep_harddisk(pilot)
        assert pane_id(app) == "done"
    issued_after = [line for line in center.mg_ca.audit_log() if line.action == "issue"]
    assert issued_after == issued_before
    assert center.pending_recoveries() == []
    assert [
        e.name for e in center.list_certificates(center.medium(MediumKind.HARDDISK)).entries
    ].count(customer.name) == 1
