"""A clock for a long-running server: it follows ``clock.json`` as other processes move it.

:class:`mgcert.clock.Clock` reads the time-travel offset once, which suits a command
that runs for a second. ``mgcert serve`` runs for hours while ``mgcert clock advance``
(or the TUI's simulator panel) moves the simulated time in another process, and the
server must answer at *that* time: a list past its nextUpdate at the new time is
republished before it is served. This clock re-reads the file when its size or mtime
changes (one ``stat`` per reading otherwise).
"""

from __future__ import annotations

import os
import threading
from datetime import datetime, timedelta
from pathlib import Path

from mgcert.clock import Clock


class FollowingClock(Clock):
    """:class:`Clock` whose offset is re-read whenever the offset file changes."""

    def __init__(
        self,
        *,
        pinned: datetime | None = None,
        state_file: Path | None = None,
    ) -> None:
        super().__init__(pinned=pinned, state_file=state_file)
        self._follow_pinned = pinned
        self._follow_file = state_file
        self._follow_lock = threading.Lock()
        self._stamp = self._file_stamp()
        self._current = Clock(pinned=pinned, state_file=state_file)

    def _file_stamp(self) -> tuple[int, int] | None:
        if self._follow_file is None:
            return None
        try:
            info = os.stat(self._follow_file)
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size)

    def _clock(self) -> Clock:
        stamp = self._file_stamp()
        with self._follow_lock:
            if stamp != self._stamp:
                self._current = Clock(pinned=self._follow_pinned, state_file=self._follow_file)
                self._stamp = stamp
            return self._current

    def now(self) -> datetime:
        return self._clock().now()

    @property
    def offset(self) -> timedelta:
        return self._clock().offset

    def advance(self, delta: timedelta) -> None:
        self._clock().advance(delta)

    def reset(self) -> None:
        self._clock().reset()
