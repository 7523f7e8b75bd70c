"""Child process for benchmarks/startup.py: start one app headless, exit when ready.

Usage: python benchmarks/_launch.py {mgcert|baseline} HOME
Prints the seconds from interpreter start to the first screen being ready.
"""

from __future__ import annotations

import sys
import time

STARTED = time.perf_counter()


def _baseline_app() -> object:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class OneScreen(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("hello")
            yield Footer()

    return OneScreen()


def _mgcert_app(home: str) -> object:
    from mgcert.center import CertificateCenter
    from mgcert.clock import Clock
    from mgcert.home import DataHome
    from mgcert.tui.app import MgcertApp

    data_home = DataHome.resolve(home, {}).ensure()
    center = CertificateCenter.open(data_home, Clock(state_file=data_home.clock_file))
    return MgcertApp(center)


def main() -> None:
    which, home = sys.argv[1], sys.argv[2]
    app = _baseline_app() if which == "baseline" else _mgcert_app(home)
    ready: list[float] = []

    async def auto_pilot(pilot: object) -> None:
        # Runs once the app has processed its first screen's mount.
        ready.append(time.perf_counter() - STARTED)
        pilot.app.exit()  # type: ignore[attr-defined]

    app.run(headless=True, auto_pilot=auto_pilot, size=(100, 36))  # type: ignore[attr-defined]
    print(f"{ready[0]:.6f}")


if __name__ == "__main__":
    main()
