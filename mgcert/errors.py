"""The root of every error a user may see.

Each layer defines typed exceptions below :class:`MgcertError`; ``str(error)`` is always
one Korean sentence taken from :mod:`mgcert.messages`, so the TUI and the CLI can show
it as is and never show a traceback.
"""

from __future__ import annotations

from typing import ClassVar

from mgcert.messages import common


class MgcertError(Exception):
    """Base class: a failure with a Korean message for the user."""

    default_message: ClassVar[str] = common.UNEXPECTED

    def __init__(self, message: str | None = None) -> None:
        self.message = message if message is not None else self.default_message
        super().__init__(self.message)


class InvalidClockSetting(MgcertError):
    """``--now`` / ``MGCERT_NOW`` is not an ISO 8601 instant."""

    def __init__(self, text: str) -> None:
        super().__init__(common.INVALID_NOW.format(text=text))


class DataHomeUnavailable(MgcertError):
    """The data home cannot be created or written (permissions, a file in the way)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(common.HOME_UNAVAILABLE.format(path=path, reason=reason))
