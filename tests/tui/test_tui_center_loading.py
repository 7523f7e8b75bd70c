"""The home screen paints before the center opens; what needs the center waits for it.

`mgcert` opens the center in a background thread after the first paint
(mgcert.tui.loader). These tests hold that thread at a gate to see the app between
"painted" and "open", and make it fail to see the explanation.
"""

from __future__ import annotations

import threading
from collections.abc import Awaitable, Callable, Iterator

import pytest
from textual.pilot import Pilot
from textual.widgets import Label, OptionList

from mgcert.center import CertificateCenter
from mgcert.errors import MgcertError
from mgcert.messages import tui as msg
from mgcert.tui.app import MgcertApp, run
from mgcert.tui.loader import CenterLoader, CenterNotReady
from mgcert.tui.screens.center_unavailable import CenterUnavailable
from mgcert.tui.screens.kind_choice import KindChoiceScreen
from mgcert.tui.screens.simulator.panel import SimulatorPanel

SIZE = (100, 36)


async def until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Pause until ``condition`` holds (the loader thread finishes on its own time),
    then let the screen that brought it about finish mounting."""
    for _ in range(250):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not reached in 5 s")


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # never leave the loader thread blocked


def gated_app(center: CertificateCenter, gate: threading.Event) -> MgcertApp:
    def opener() -> CertificateCenter:
        gate.wait(10)
        return center

    return MgcertApp(CenterLoader(opener))


async def test_menu_choice_before_the_center_opens_waits_with_a_spinner(
    center: CertificateCenter, gate: threading.Event
) -> None:
    app = gated_app(center, gate)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu", OptionList)
        assert app.screen.id == "home"
        assert not app.session.loader.ready
        with pytest.raises(CenterNotReady):
            _ = app.session.center
        await pilot.press("enter")  # 공동인증서 발급/재발급, while the center is opening
        await until(pilot, lambda: menu.loading)
        assert app.screen.id == "home"
        await pilot.pause(0.7)  # longer than a warm start: a notice says why it waits
        assert [n.message for n in app._notifications] == [msg.CENTER_OPENING]
        await pilot.press("enter")  # pressed again while waiting: no second screen
        gate.set()
        await until(pilot, lambda: isinstance(app.screen, KindChoiceScreen))
        await pilot.pause()
        assert not menu.loading
        assert app.session.center is center
        assert len(app.screen_stack) == 2  # home + one kind choice
        assert app.focused is not None
        assert app.focused.id == "kind"  # the new screen starts at its first field


async def test_simulator_key_before_the_center_opens_opens_the_panel_when_it_does(
    center: CertificateCenter, gate: threading.Event
) -> None:
    app = gated_app(center, gate)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause(0.1)
        assert app.screen.id == "home"
        gate.set()
        await until(pilot, lambda: isinstance(app.screen, SimulatorPanel))


def failing_app(error: Exception) -> MgcertApp:
    def opener() -> CertificateCenter:
        raise error

    return MgcertApp(CenterLoader(opener))


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (MgcertError("데이터 폴더를 열 수 없습니다: 권한이 없습니다."), "권한이 없습니다"),
        (RuntimeError("internal detail"), msg.CENTER_UNEXPECTED),
    ],
)
async def test_center_that_cannot_open_is_explained_in_korean_and_quits_with_1(
    error: Exception, shown: str
) -> None:
    app = failing_app(error)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, CenterUnavailable))
        reason = str(app.screen.query_one("#unavailable-reason", Label).render())
        assert shown in reason
        assert "internal detail" not in reason
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 1
    assert app.session.loader.error is error


async def test_escape_on_the_explanation_quits_too() -> None:
    app = failing_app(MgcertError("고장"))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, CenterUnavailable))
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 1


async def test_quit_key_is_never_held_while_a_screen_waits(
    center: CertificateCenter, gate: threading.Event
) -> None:
    app = gated_app(center, gate)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # waits for the center, holding typed keys
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0


def test_run_closes_the_center_it_opened_and_returns_none(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed: list[bool] = []
    real_close = center.close

    def close() -> None:
        closed.append(True)
        real_close()

    monkeypatch.setattr(center, "close", close)

    async def auto_pilot(pilot: Pilot[None]) -> None:
        await pilot.app.session.loader.wait()  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")

    headless(monkeypatch, auto_pilot)
    assert run(lambda: center) is None
    assert closed == [True]


def test_run_returns_why_the_center_did_not_open(monkeypatch: pytest.MonkeyPatch) -> None:
    error = MgcertError("고장")

    def opener() -> CertificateCenter:
        raise error

    async def auto_pilot(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: isinstance(pilot.app.screen, CenterUnavailable))
        await pilot.press("enter")

    headless(monkeypatch, auto_pilot)
    assert run(opener) is error


def headless(
    monkeypatch: pytest.MonkeyPatch, auto_pilot: Callable[[Pilot[None]], Awaitable[None]]
) -> None:
    """Make ``tui.app.run`` start its app headless, driven by ``auto_pilot``."""
    real = MgcertApp.run

    def run_headless(self: MgcertApp, **_: object) -> None:
        real(self, headless=True, auto_pilot=auto_pilot, size=SIZE)

    monkeypatch.setattr(MgcertApp, "run", run_headless)


async def test_quitting_while_the_center_opens_closes_it_afterwards_quietly(
    center: CertificateCenter, gate: threading.Event
) -> None:
    closed: list[bool] = []
    app = gated_app(center, gate)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
    gate.set()
    loader = app.session.loader
    real_close = center.close

    def close() -> None:
        closed.append(True)
        real_close()

    center.close = close  # type: ignore[method-assign]
    loader.close()
    assert loader.error is None
    assert closed == [True]
