"""A data home with a lost register: the TUI explains it and, after a confirmation,
moves the home aside so the next start makes a new one (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flow_driver import SIZE
from textual.pilot import Pilot
from textual.widgets import Button, Label
from tui_driver import settle

from mgcert.ca import CaRegisterMissing
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp
from mgcert.tui.loader import CenterLoader
from mgcert.tui.screens.center_unavailable import CenterUnavailable
from mgcert.tui.screens.confirm import ConfirmModal


def _app_failing_with(error: Exception) -> MgcertApp:
    def opener() -> CertificateCenter:
        raise error

    return MgcertApp(CenterLoader(opener))


def _lost_register_home(tmp_path: Path) -> Path:
    root = tmp_path / "broken-home"
    root.mkdir()
    (root / "bank.db").write_bytes(b"kept")
    return root


async def _until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    for _ in range(250):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"never happened: {what}")


async def _wait_for_dialog(pilot: Pilot[None], app: MgcertApp) -> None:
    await _until(pilot, lambda: isinstance(app.screen, CenterUnavailable), "the dialog")
    await _until(pilot, lambda: app.focused is not None, "focus on the dialog")


async def _ask_reset(pilot: Pilot[None], app: MgcertApp) -> None:
    await pilot.press("tab", "enter")  # 종료 has focus; the next button is the reset
    await _until(pilot, lambda: isinstance(app.screen, ConfirmModal), "the confirmation")
    await _until(pilot, lambda: app.focused is not None, "focus on the confirmation")


async def test_confirmed_reset_moves_the_home_aside(tmp_path: Path) -> None:
    root = _lost_register_home(tmp_path)
    app = _app_failing_with(CaRegisterMissing(root / "ca.db"))
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_dialog(pilot, app)
        assert "ca.db" in str(app.screen.query_one("#unavailable-reason", Label).render())
        await _ask_reset(pilot, app)
        await pilot.press("tab", "enter")  # focus starts on 취소; the other is 옮기고 새로 시작
        await _until(pilot, lambda: not root.exists(), "the move")
        await settle(pilot)
        assert isinstance(app.screen, CenterUnavailable)
        reason = str(app.screen.query_one("#unavailable-reason", Label).render())
        assert "옮겨 두었습니다" in reason
        assert not app.screen.query("#unavailable-reset")
    assert not root.exists()
    [moved] = list(tmp_path.glob("broken-home.old-*"))
    assert (moved / "bank.db").read_bytes() == b"kept"


async def test_cancelled_reset_keeps_everything(tmp_path: Path) -> None:
    root = _lost_register_home(tmp_path)
    app = _app_failing_with(CaRegisterMissing(root / "ca.db"))
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_dialog(pilot, app)
        await _ask_reset(pilot, app)
        await pilot.press("enter")  # 취소 has focus: a stray Enter never moves anything
        await settle(pilot)
        assert isinstance(app.screen, CenterUnavailable)
        assert app.screen.query_one("#unavailable-reset", Button)
    assert root.is_dir()


async def test_errors_a_new_home_does_not_fix_offer_no_reset(tmp_path: Path) -> None:
    from mgcert.errors import MgcertError

    app = _app_failing_with(MgcertError("권한이 없습니다"))
    async with app.run_test(size=SIZE) as pilot:
        await _wait_for_dialog(pilot, app)
        assert not app.screen.query("#unavailable-reset")
