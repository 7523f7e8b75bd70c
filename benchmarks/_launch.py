"""Child process for benchmarks/startup.py: start one app headless, exit when ready.

Usage: MGCERT_HOME=... python benchmarks/_launch.py {mgcert|baseline}
mgcert goes through the real entry point (``mgcert.cli.main([])``, as the ``mgcert``
command does) with only ``App.run`` redirected to headless. Prints one line:
seconds from interpreter start to the first screen being ready, seconds to the center
being open (mgcert only; 0 for the baseline), and the peak RSS in KiB at the first
screen.
"""

from __future__ import annotations

import sys
import time
from typing import Any

STARTED = time.perf_counter()
SIZE = (100, 36)


def _peak_rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


async def _first_frame(pilot: Any, marks: list[float]) -> None:
    """Wait until the first screen is complete (its footer shows the keys, which
    Textual adds after the first refresh) and has been drawn; note the time and RSS."""
    import asyncio

    from textual.widgets._footer import FooterKey

    while not pilot.app.screen.query(FooterKey):
        await asyncio.sleep(0.001)
    drawn: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    pilot.app.screen.call_after_refresh(lambda: drawn.set_result(time.perf_counter()))
    marks.append(await drawn - STARTED)
    marks.append(_peak_rss_kib())


def run_baseline() -> list[float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class OneScreen(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("hello")
            yield Footer()

    marks: list[float] = []

    async def auto_pilot(pilot: Any) -> None:
        await _first_frame(pilot, marks)
        marks.append(0.0)
        pilot.app.exit()

    OneScreen().run(headless=True, auto_pilot=auto_pilot, size=SIZE)
    return marks


def run_mgcert() -> list[float]:
    from mgcert.cli.main import main
    from mgcert.tui.app import MgcertApp
    from mgcert.tui.screens.home import HomeScreen

    marks: list[float] = []

    async def auto_pilot(pilot: Any) -> None:
        assert isinstance(pilot.app.screen, HomeScreen), pilot.app.screen
        await _first_frame(pilot, marks)
        await pilot.app.session.loader.wait()  # the center is open: menus answer at once
        marks.append(time.perf_counter() - STARTED)
        pilot.app.exit()

    real_run = MgcertApp.run

    def headless_run(self: MgcertApp, **_: Any) -> None:
        real_run(self, headless=True, auto_pilot=auto_pilot, size=SIZE)

    MgcertApp.run = headless_run  # type: ignore[method-assign]
    # Headless needs no terminal; the entry point's check for one would refuse.
    # (by sys.modules: the package re-exports a function of the module's name)
    sys.modules["mgcert.cli.main"].has_terminal = lambda: True  # type: ignore[attr-defined]
    if main([]) != 0:
        raise SystemExit("mgcert exited with an error")
    return marks


def main() -> None:
    which = sys.argv[1]
    first, rss, center = run_baseline() if which == "baseline" else run_mgcert()
    print(f"{first:.6f} {center:.6f} {int(rss)}")


if __name__ == "__main__":
    main()
