"""The root of every error a user may see.

Each layer defines typed exceptions below :class:`MgcertError`; ``str(error)`` is always
one Korean sentence taken from :mod:`mgcert.messages`, so the TUI and the CLI can show
it as is and never show a traceback. :func:`describe_full_disk` tells, for any error,
whether it comes down to a full disk, whichever layer met it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import ClassVar

from mgcert.messages import cli, common


class MgcertError(Exception):
    """Base class: a failure with a Korean message for the user."""

    default_message: ClassVar[str] = common.UNEXPECTED

    def __init__(self, message: str | None = None) -> None:
        self.message = message if message is not None else self.default_message
        super().__init__(self.message)


class UsageError(MgcertError):
    """A bad option or setting given to this run (the CLI exits with status 2)."""


class InvalidClockSetting(UsageError):
    """``--now`` / ``MGCERT_NOW`` is not an ISO 8601 instant."""

    def __init__(self, text: str, message: str | None = None) -> None:
        self.text = text
        super().__init__(message if message is not None else common.INVALID_NOW.format(text=text))


class ClockSettingOutOfRange(InvalidClockSetting):
    """``--now`` / ``MGCERT_NOW`` is an instant outside the range the simulator supports."""

    def __init__(self, text: str, supported: str) -> None:
        super().__init__(text, cli.NOW_OUT_OF_RANGE.format(text=text, range=supported))


class ClockError(MgcertError):
    """The simulated clock cannot give the time or cannot move as asked."""


class ClockFileDamaged(ClockError):
    """``clock.json`` holds no usable offset; ``mgcert clock reset`` rewrites it."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(cli.CLOCK_FILE_DAMAGED.format(path=path))


class SimulatedTimeOutOfRange(ClockError):
    """The pinned time plus the saved offset lies outside the supported range."""

    def __init__(self, supported: str, offset_days: int) -> None:
        super().__init__(cli.CLOCK_OUT_OF_RANGE.format(range=supported, days=offset_days))


class ClockAdvanceRefused(ClockError):
    """Moving the clock would leave the bounds; nothing was changed or saved."""

    def __init__(self, years: int, supported: str) -> None:
        super().__init__(cli.CLOCK_ADVANCE_REFUSED.format(years=years, range=supported))


class ClockFileUnwritable(ClockError):
    """``clock.json`` could not be written (the offset in memory is unchanged)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(cli.CLOCK_FILE_UNWRITABLE.format(path=path, reason=reason))


class DataHomeUnavailable(MgcertError):
    """The data home cannot be created or written (permissions, a file in the way)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(common.HOME_UNAVAILABLE.format(path=path, reason=reason))


# --- a full disk, whichever layer met it ---------------------------------------------------
_FULL_ERRNOS = frozenset(code for code in (errno.ENOSPC, getattr(errno, "EDQUOT", None)) if code)
_SQLITE_IOERR = 10  # primary result codes (the low byte of an extended one)
_SQLITE_FULL = 13
_SQLITE_FULL_TEXT = "database or disk is full"
# An SQLite I/O error while the data home's disk has less than this free is a full disk:
# on a full disk a WAL database fails to grow its -shm file (SQLITE_IOERR_SHMSIZE).
LOW_SPACE_BYTES = 1 << 20
_MAX_LINKS = 64


def full_disk(error: BaseException, home: Path | None) -> tuple[bool, Path | None]:
    """(whether ``error`` comes down to a full disk, the place to name).

    Walks the ``__cause__`` / ``__context__`` chain for an ``OSError`` with ENOSPC or
    EDQUOT, SQLite's "database or disk is full", or an SQLite I/O error while the data
    home's disk is (nearly) out of space. The place is the data home, or the file the
    ``OSError`` names when that lies elsewhere (a removable disk, ``--npki-dir``).
    """
    import sqlite3

    for link in _chain(error):
        if isinstance(link, OSError) and link.errno in _FULL_ERRNOS:
            return True, _place(link, home)
        if isinstance(link, sqlite3.Error):
            code = getattr(link, "sqlite_errorcode", None)
            primary = code & 0xFF if isinstance(code, int) else None
            if primary == _SQLITE_FULL or _SQLITE_FULL_TEXT in str(link):
                return True, home
            if primary == _SQLITE_IOERR and home is not None and _low_on_space(home):
                return True, home
    return False, None


def describe_full_disk(error: BaseException, home: Path | None) -> str | None:
    """The Korean sentence for an error that comes down to a full disk, else None.

    It names the place and keeps the error's own sentence after it (an
    :class:`MgcertError`'s may say where an issued certificate was parked).
    """
    found, where = full_disk(error, home)
    if not found:
        return None
    disk = cli.DISK_FULL.format(path=where) if where is not None else cli.DISK_FULL_NO_PATH
    if isinstance(error, MgcertError):
        return cli.DISK_FULL_WITH_DETAIL.format(disk_full=disk, detail=error.message)
    return disk


def _chain(error: BaseException) -> list[BaseException]:
    """``error`` and every exception it was raised from or during, each once."""
    links: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending and len(links) < _MAX_LINKS:
        link = pending.pop(0)
        if link is None or any(link is seen for seen in links):
            continue
        links.append(link)
        pending += [link.__cause__, link.__context__]
        if isinstance(link, BaseExceptionGroup):
            pending += list(link.exceptions)
    return links


def _place(error: OSError, home: Path | None) -> Path | None:
    named = error.filename
    if isinstance(named, str | os.PathLike):
        path = Path(named)
        if home is None or not path.is_relative_to(home):
            return path
    return home


def _low_on_space(home: Path) -> bool:
    import shutil

    probe = home
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free < LOW_SPACE_BYTES
    except OSError:
        return False
