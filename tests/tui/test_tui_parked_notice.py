"""Home says when an issued certificate waits for a medium (issue 12: the TUI says so
on its home screen after the open rolled a killed job forward to "parked")."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Label
from tui2_driver import SIZE, issue_certificate
from tui_driver import demo_customer, settle

from mgcert.center import CertificateCenter, IssuedButNotSaved
from mgcert.npki import storage
from mgcert.tui.app import MgcertApp


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
