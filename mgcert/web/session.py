"""What each browser tab runs: ``python -m mgcert.web.session --root DIR``.

textual-serve starts this once per tab, with Textual's web driver. One app runs in
the process (a second app would tell the browser the session ended): it first asks
for an optional learner name (:class:`LearnerNameScreen`), then opens the center on
that learner's home (:mod:`mgcert.web.homes`) behind the usual home screen. The
center's opener waits in its thread for the name, so the home screen paints first
as in the terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, Label

from mgcert.errors import MgcertError
from mgcert.messages import web as msg
from mgcert.tui.app import MgcertApp
from mgcert.tui.loader import CenterLoader
from mgcert.tui.widgets.practice_banner import PracticeBanner
from mgcert.web.homes import ClaimedHome, LearnerNameInUse, WebHomes, cleanup_quietly
from mgcert.web.names import LearnerName, learner_name

if TYPE_CHECKING:
    from mgcert.center import CertificateCenter

HomeOpener = Callable[[Path], "CertificateCenter"]
# A reloaded tab's old process may still be closing when the new one asks for the
# same name: wait this long for it to let go before saying the name is in use.
RELOAD_GRACE = 3.0


class SessionEnded(MgcertError):
    """The tab closed before a home was chosen (nothing to open)."""


def claim_with_grace(homes: WebHomes, learner: LearnerName | None) -> ClaimedHome:
    """:meth:`WebHomes.claim`, retried for :data:`RELOAD_GRACE` seconds if in use."""
    deadline = time.monotonic() + RELOAD_GRACE
    while True:
        try:
            return homes.claim(learner)
        except LearnerNameInUse:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.1)


class LearnerNameScreen(Screen[ClaimedHome]):
    """이름 (선택): a named learner's home, or a fresh practice home."""

    CSS_PATH = "session.tcss"
    AUTO_FOCUS = "#learner-name"

    def __init__(self, homes: WebHomes) -> None:
        super().__init__(id="learner-name-screen")
        self.homes = homes

    def compose(self) -> ComposeResult:
        yield PracticeBanner()  # every home of mgcert web is a practice home
        with Vertical(id="learner-name-box"):
            yield Label(msg.NAME_TITLE, classes="heading")
            yield Label(msg.NAME_INTRO, classes="intro")
            yield Input(placeholder=msg.NAME_PLACEHOLDER, id="learner-name")
            yield Label("", id="learner-name-error")
            yield Button(msg.NAME_START, id="learner-name-start", variant="primary")

    @on(Input.Submitted, "#learner-name")
    @on(Button.Pressed, "#learner-name-start")
    def start(self) -> None:
        try:
            learner = learner_name(self.query_one("#learner-name", Input).value)
        except MgcertError as error:
            self._say(str(error))
            return
        self._say(msg.NAME_WELCOME_BACK.format(name=learner.shown) if learner else "", error=False)
        self.query_one("#learner-name", Input).disabled = True
        self._claim(learner)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _claim(self, learner: LearnerName | None) -> None:
        try:
            claimed = claim_with_grace(self.homes, learner)
        except MgcertError as error:
            self.app.call_from_thread(self._refused, str(error))
        else:
            self.app.call_from_thread(self.dismiss, claimed)

    def _refused(self, reason: str) -> None:
        self._say(reason, error=True)
        field = self.query_one("#learner-name", Input)
        field.disabled = False
        field.focus()

    def _say(self, text: str, *, error: bool = True) -> None:
        label = self.query_one("#learner-name-error", Label)
        label.update(text)
        label.set_class(error and bool(text), "-error")


class WebSessionApp(MgcertApp):
    """:class:`MgcertApp` whose center opens once the learner has chosen a home."""

    # MgcertApp's own is relative to its module; a subclass elsewhere must name it in full.
    CSS_PATH = str(Path(sys.modules[MgcertApp.__module__].__file__ or "").with_name("app.tcss"))

    def __init__(self, homes: WebHomes, open_home: HomeOpener) -> None:
        self.homes = homes
        self.claimed: ClaimedHome | None = None
        self._open_home = open_home
        self._chosen = threading.Event()
        self.center_loader = CenterLoader(self._open_chosen)
        super().__init__(self.center_loader)

    def on_mount(self) -> None:
        # MgcertApp.on_mount runs too (Textual calls both): it starts the center's
        # opener, which waits for the name in its thread.
        self.push_screen(LearnerNameScreen(self.homes), self._home_chosen)

    def _home_chosen(self, claimed: ClaimedHome | None) -> None:
        self.claimed = claimed
        if claimed is not None and claimed.learner is not None:
            self.sub_title = f"{claimed.learner.shown} · {self.sub_title}"
        self._chosen.set()

    def _open_chosen(self) -> CertificateCenter:
        from mgcert.tui.menu import preload_flows

        self._chosen.wait()
        if self.claimed is None:
            raise SessionEnded
        center = self._open_home(self.claimed.path)
        try:
            preload_flows()
        except BaseException:
            center.close()
            raise
        return center

    def finish(self) -> None:
        """After the app ends: close the center, then let go of (or remove) the home."""
        self._chosen.set()  # an opener still waiting for a name gives up
        try:
            self.center_loader.close()
        finally:
            cleanup_quietly(self.claimed)


def center_opener(now: str | None, env: dict[str, str]) -> HomeOpener:
    """Open a practice center on a given home (:func:`open_practice_center`: its code
    timers follow 시간 제한 없음), with the clock and key settings ``mgcert`` would use
    (``--now`` / ``$MGCERT_NOW``, ``$MGCERT_KEY_FORM``, ``$MGCERT_ITERATIONS``)."""
    from mgcert.cli.key_settings import default_protection
    from mgcert.clock import Clock
    from mgcert.home import DataHome
    from mgcert.practice.opening import open_practice_center

    protection = default_protection(env)

    def open_home(path: Path) -> CertificateCenter:
        clock = Clock.from_settings(now, DataHome(path).clock_file, env)
        clock.check()
        return open_practice_center(path, clock=clock, key_protection=protection)

    return open_home


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mgcert.web.session")
    parser.add_argument("--root", required=True)
    parser.add_argument("--now")
    args = parser.parse_args(argv)
    app = WebSessionApp(WebHomes(Path(args.root)), center_opener(args.now, dict(os.environ)))
    try:
        app.run()
    finally:
        app.finish()
    error = app.center_loader.error
    if error is None or isinstance(error, SessionEnded):
        return 0
    sys.stderr.write(f"mgcert web: {error}\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
