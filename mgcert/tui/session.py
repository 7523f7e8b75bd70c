"""What the screens share: the center and which demo customer the simulator shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from mgcert.messages import tui as msg
from mgcert.tui.loader import CenterLoader

if TYPE_CHECKING:
    from mgcert.center import CertificateCenter

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

    @property
    def center(self) -> CertificateCenter:
        return self.loader.center

    def open_screen(self, app: App[Any], make: ScreenMaker) -> None:
        """Push ``make()`` now if the center is open, else as soon as it is, with a
        spinner on the focused widget meanwhile (a later request replaces an earlier)."""
        if self.loader.ready:
            app.push_screen(make())
            return
        app.run_worker(
            self._open_after_center(app, make),
            group="center-wait",
            exclusive=True,
            exit_on_error=False,
        )

    async def _open_after_center(self, app: App[Any], make: ScreenMaker) -> None:
        waiting = app.focused
        if waiting is not None:
            waiting.loading = True
        # A first run creates the CAs (a second or two): say what the spinner is for.
        explain = app.set_timer(SAY_OPENING_AFTER, lambda: app.notify(msg.CENTER_OPENING))
        try:
            await self.loader.wait()
        except Exception:  # the app's center watcher shows why; nothing to open
            return
        finally:
            explain.stop()
            if waiting is not None:
                waiting.loading = False
        app.push_screen(make())
