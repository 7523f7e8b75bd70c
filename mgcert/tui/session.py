"""What the screens share: the center and which demo customer the simulator shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from mgcert.messages import tui as msg
from mgcert.tui.loader import CenterLoader

if TYPE_CHECKING:
    from mgcert.center import CertificateCenter, MediumLocation
    from mgcert.tui.screens.practice.run import PracticeOpener, PracticeRun

ScreenMaker = Callable[[], Screen[Any]]
SAY_OPENING_AFTER = 0.5  # seconds of spinner before a notice explains it


class TuiSession:
    """One person at the terminal: the center they talk to and their simulated devices.

    ``customer_id`` is whose phone, 보안카드 and OTP the simulator panel shows; the
    wizard sets it when the bank identifies the customer, the panel's 고객 tab
    switches it by hand. The center may still be opening when the first screen shows
    (:mod:`mgcert.tui.loader`), so screens that use it are opened through
    :meth:`open_screen`.
    """

    def __init__(self, center: CertificateCenter | CenterLoader) -> None:
        self.loader = center if isinstance(center, CenterLoader) else CenterLoader.opened(center)
        self.customer_id: int | None = None
        # The 이동식디스크 folder last chosen (issuance, 복사, 가져오기 offer it next time).
        self.removable_root: Path | None = None
        # 연습 과제: the try the app runs now (its center replaces the user's own until
        # it ends), how a practice home is opened (None: as the user's own center is),
        # and 연습 설정's 시간 제한 없음 for the next try.
        self.practice: PracticeRun | None = None
        self.practice_opener: PracticeOpener | None = None
        self.no_time_limit = False

    @property
    def center(self) -> CertificateCenter:
        """The center the screens talk to: a running try's, else the user's own."""
        if self.practice is not None:
            return self.practice.center
        return self.loader.center

    def remember_medium(self, location: MediumLocation) -> None:
        """A chosen USB folder is offered again by the next medium choice."""
        if location.kind.name == "REMOVABLE":  # by name: no center import at start-up
            self.removable_root = location.root

    @property
    def own_center(self) -> CertificateCenter:
        """The user's own center (never the one a practice try runs on)."""
        return self.loader.center

    def enter_practice(self, run: PracticeRun) -> None:
        """Talk to ``run``'s practice center until :meth:`leave_practice`; the user's
        own center stays open and untouched meanwhile."""
        self.leave_practice()
        self.practice = run
        self.customer_id = run.practice_try.situation.customer_id

    def leave_practice(self) -> None:
        """Back to the user's own center (the try's center is closed)."""
        run, self.practice = self.practice, None
        if run is not None:
            self.customer_id = None
            run.center.close()

    def open_screen(self, app: App[Any], make: ScreenMaker) -> None:
        """Push ``make()`` now if the center is open, else as soon as it is. Meanwhile
        the focused widget shows a spinner (and takes no keys)."""
        if self.loader.ready:
            app.push_screen(make())
            return
        app.run_worker(self._open_after_center(app, make), group="center-wait")

    async def _open_after_center(self, app: App[Any], make: ScreenMaker) -> None:
        origin = app.screen
        waiting = app.focused
        if waiting is not None:
            waiting.loading = True
        # A first run creates the CAs (a second or two): say what the spinner is for.
        explain = app.set_timer(SAY_OPENING_AFTER, lambda: app.notify(msg.CENTER_OPENING))
        try:
            await self.loader.wait()
            if app.screen is origin:  # not if the cannot-open dialog came up instead
                app.push_screen(make())
        except Exception:
            if not self.loader.ready:
                return  # the app's center watcher explains why the center did not open
            raise  # a bug in making the screen: fail loudly, as on the ready path
        finally:
            explain.stop()
            if waiting is not None:
                waiting.loading = False
