"""The root of every error a user may see.

Each layer defines typed exceptions below :class:`MgcertError`; ``str(error)`` is always
one Korean sentence taken from :mod:`mgcert.messages`, so the TUI and the CLI can show
it as is and never show a traceback.
"""

from __future__ import annotations

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
