"""Opening the center off the UI thread, so the first screen paints before the bank opens.

Importing the center (cryptography, the bank, the CA) and opening its databases takes
about twice as long as Textual's own start-up. Done first, it would leave the terminal
blank; done here, after the home screen has painted, it overlaps with the person
reading the menu. Screens that need the center before it is open wait for it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mgcert.center import CertificateCenter

Opener = Callable[[], "CertificateCenter"]


def _settle(waiter: asyncio.Future[CertificateCenter], done: Future[CertificateCenter]) -> None:
    if waiter.done():  # cancelled meanwhile
        return
    error = done.exception()
    if error is None:
        waiter.set_result(done.result())
    else:
        waiter.set_exception(error)


class CenterNotReady(RuntimeError):
    """A screen used the center before it had opened (a bug: wait for the loader first)."""


class CenterLoader:
    """Opens one :class:`CertificateCenter` in a daemon thread and hands it to waiters."""

    def __init__(self, opener: Opener) -> None:
        self._opener = opener
        self._future: Future[CertificateCenter] = Future()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @classmethod
    def opened(cls, center: CertificateCenter) -> CenterLoader:
        """A loader whose center is already open (tests, scripts, screenshots)."""
        loader = cls(lambda: center)
        loader._future.set_result(center)
        return loader

    def start(self) -> None:
        """Start opening, once; later calls do nothing."""
        with self._lock:
            if self._thread is not None or self._future.done():
                return
            self._thread = threading.Thread(
                target=self._open, name="mgcert-open-center", daemon=True
            )
            self._thread.start()

    def _open(self) -> None:
        try:
            center = self._opener()
        except BaseException as error:  # handed to the waiting screen, which explains it
            self._future.set_exception(error)
        else:
            self._future.set_result(center)

    @property
    def ready(self) -> bool:
        """True once the center is open."""
        return self._future.done() and self._future.exception() is None

    @property
    def error(self) -> BaseException | None:
        """Why opening failed, once it has."""
        return self._future.exception() if self._future.done() else None

    @property
    def center(self) -> CertificateCenter:
        """The open center; :class:`CenterNotReady` before it is."""
        if not self.ready:
            raise CenterNotReady("the certificate center is not open yet")
        return self._future.result()

    async def wait(self) -> CertificateCenter:
        """The center, once open (starting the open if nobody has); raises its error.

        Cancelling a waiter (the app quitting while the center opens) cancels only the
        wait: the open finishes and :meth:`close` closes what it opened.
        """
        self.start()
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[CertificateCenter] = loop.create_future()

        def relay(done: Future[CertificateCenter]) -> None:
            with contextlib.suppress(RuntimeError):  # the loop has closed: nobody waits
                loop.call_soon_threadsafe(_settle, waiter, done)

        self._future.add_done_callback(relay)
        return await waiter

    def close(self) -> None:
        """Wait for an open in progress, then close the center if one was opened here."""
        if self._thread is not None:
            self._thread.join()
            if self.ready:
                self._future.result().close()
