"""The one clock every date decision reads (DESIGN.md "Clock").

``MGCERT_NOW`` / ``--now`` pins the base time; a persisted offset (``clock.json`` in
the data home) moves it forward for time travel (+1 day, +30 days, +1 year). Nothing
in mgcert calls ``datetime.now()`` directly.

Bounds keep every date computation in range (certificates need years of room on both
sides, ``datetime`` ends at 9999): the base must lie in [:data:`EARLIEST`,
:data:`LATEST`), the offset within :data:`MAX_OFFSET`, and so must their sum. A
``clock.json`` that does not hold such an offset is *damaged*: the clock still builds,
but :meth:`Clock.now` (and ``offset``, ``advance``) raise :class:`ClockFileDamaged`
until :meth:`Clock.reset` rewrites the file.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from mgcert.errors import (
    ClockAdvanceRefused,
    ClockFileDamaged,
    ClockFileUnwritable,
    ClockSettingOutOfRange,
    InvalidClockSetting,
    SimulatedTimeOutOfRange,
)
from mgcert.messages import cli as msg

KST = timezone(timedelta(hours=9), "KST")
NOW_ENV = "MGCERT_NOW"

# How far time travel may go from the base time, either way.
OFFSET_LIMIT_YEARS = 100
MAX_OFFSET = timedelta(days=36525)  # 100 years of 365.25 days
# The instants the simulator supports (the base, and base + offset). The CA backdates
# and looks decades ahead from "now"; X.509 dates must not fall before 1950 and
# ``datetime`` ends at 9999, so there is room on both sides.
EARLIEST = datetime(1970, 1, 1, tzinfo=KST)
LATEST = datetime(9000, 1, 1, tzinfo=KST)  # exclusive
# clock.json holds one small object; anything bigger is not ours.
_MAX_STATE_BYTES = 4096


def _real_now() -> datetime:
    return datetime.now(UTC)


def supported_range() -> str:
    """The supported instants, for messages: ``1970-01-01 ~ 8999-12-31 (KST)``."""
    last = (LATEST - timedelta(days=1)).date()
    return msg.CLOCK_RANGE.format(earliest=EARLIEST.date().isoformat(), latest=last.isoformat())


def in_range(moment: datetime) -> bool:
    """True when the (aware) instant is one the simulator supports."""
    return EARLIEST <= moment < LATEST


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 instant; a time without zone is taken as KST.

    Raises :class:`InvalidClockSetting` for anything unparsable and
    :class:`ClockSettingOutOfRange` for an instant outside the supported range.
    """
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidClockSetting(text) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=KST)
    try:
        supported = in_range(value)
    except OverflowError:  # an offset pushing year 1 or 9999 past the calendar
        supported = False
    if not supported:
        raise ClockSettingOutOfRange(text, supported_range())
    return value


def pinned_from_settings(
    cli_now: str | None, env: Mapping[str, str] | None = None
) -> datetime | None:
    """The pinned base time from ``$MGCERT_NOW`` (wins) or ``--now``, if either is set."""
    environ = os.environ if env is None else env
    text = environ.get(NOW_ENV) or cli_now
    return parse_instant(text) if text else None


def read_offset(path: Path) -> timedelta | None:
    """The offset saved in ``path``: zero when there is no file, None when it is damaged."""
    try:
        with path.open("rb") as file:
            raw = file.read(_MAX_STATE_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):  # no file (or no folder): no offset
        return timedelta(0)
    except OSError:
        return None
    if len(raw) > _MAX_STATE_BYTES:
        return None
    import json  # only when a clock.json exists

    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    seconds = data.get("offset_seconds") if isinstance(data, dict) else None
    if isinstance(seconds, bool) or not isinstance(seconds, int | float):
        return None
    if isinstance(seconds, float) and not math.isfinite(seconds):
        return None
    if abs(seconds) > MAX_OFFSET.total_seconds():  # exact for ints of any size
        return None
    return timedelta(seconds=seconds)


def time_step(*, days: int = 0, hours: int = 0) -> timedelta:
    """A time-travel step; :class:`ClockAdvanceRefused` when it is too large to be one."""
    try:
        step = timedelta(days=days, hours=hours)
    except OverflowError:
        step = None
    if step is None or abs(step) > 2 * MAX_OFFSET:  # no bounded offset is that far away
        raise ClockAdvanceRefused(OFFSET_LIMIT_YEARS, supported_range())
    return step


def _reject_constant(name: str) -> float:
    raise ValueError(name)  # NaN / Infinity: valid for Python's json, never an offset


def _shifted(base: datetime, offset: timedelta) -> datetime | None:
    """``base + offset`` if that is a supported instant, else None (never overflows)."""
    if abs(offset) > MAX_OFFSET:
        return None
    try:
        moment = base + offset
        return moment if in_range(moment) else None
    except OverflowError:
        return None


class Clock:
    """Current time = (pinned base or real time) + persisted offset."""

    def __init__(
        self,
        *,
        pinned: datetime | None = None,
        state_file: Path | None = None,
        real: Callable[[], datetime] = _real_now,
    ) -> None:
        if pinned is not None and pinned.tzinfo is None:
            raise ValueError("pinned time must be timezone-aware")
        if pinned is not None and not in_range(pinned):
            raise ValueError(f"pinned time must lie in {supported_range()}")
        self._pinned = pinned
        self._state_file = state_file
        self._real = real
        self._lock = threading.Lock()
        loaded = timedelta(0) if state_file is None else read_offset(state_file)
        self._damaged = loaded is None
        self._offset = loaded if loaded is not None else timedelta(0)

    @classmethod
    def from_settings(
        cls, cli_now: str | None, state_file: Path | None, env: Mapping[str, str] | None = None
    ) -> Clock:
        """Build the clock from ``$MGCERT_NOW`` (wins) or ``--now``, plus the offset file.

        A bad setting raises :class:`InvalidClockSetting` (a usage error); a damaged
        offset file does not raise here, so :meth:`reset` stays possible.
        """
        return cls(pinned=pinned_from_settings(cli_now, env), state_file=state_file)

    def now(self) -> datetime:
        """The simulated current instant (timezone-aware, UTC).

        Raises :class:`ClockFileDamaged` or :class:`SimulatedTimeOutOfRange` (both
        cured by :meth:`reset`) rather than ever overflowing.
        """
        offset = self.offset
        moment = _shifted(self._base(), offset)
        if moment is None:
            raise SimulatedTimeOutOfRange(supported_range(), offset.days)
        return moment.astimezone(UTC)

    def now_kst(self) -> datetime:
        return self.now().astimezone(KST)

    def today_kst(self) -> date:
        return self.now_kst().date()

    def check(self) -> None:
        """Raise now what :meth:`now` would raise (callers check before they start work)."""
        self.now()

    @property
    def offset(self) -> timedelta:
        """The saved time-travel offset; :class:`ClockFileDamaged` if it is unreadable."""
        if self._damaged:
            raise ClockFileDamaged(str(self._state_file))
        return self._offset

    @property
    def is_simulated(self) -> bool:
        return self._pinned is not None or self.offset != timedelta(0)

    def advance(self, delta: timedelta) -> None:
        """Move the simulated time forward (or back) and persist the offset.

        Refused with :class:`ClockAdvanceRefused`, nothing changed, when the offset
        would exceed :data:`MAX_OFFSET` or the time would leave the supported range.
        """
        with self._lock:
            current = self.offset
            try:
                wanted = current + delta
            except OverflowError:
                wanted = None
            if wanted is None or _shifted(self._base(), wanted) is None:
                raise ClockAdvanceRefused(OFFSET_LIMIT_YEARS, supported_range())
            self._save_offset(wanted)
            self._offset = wanted

    def reset(self) -> None:
        """Back to the base time (real or pinned); rewrites a damaged offset file too."""
        with self._lock:
            self._save_offset(timedelta(0))
            self._offset = timedelta(0)
            self._damaged = False

    def _base(self) -> datetime:
        return self._pinned if self._pinned is not None else self._real()

    def _save_offset(self, offset: timedelta) -> None:
        """Write the offset atomically (temp file, fsync, rename); ClockFileUnwritable."""
        path = self._state_file
        if path is None:
            return
        import json

        text = json.dumps({"offset_seconds": offset.total_seconds()})
        tmp: str | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".clock-", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                file.write(text)
                file.flush()
                os.fsync(file.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise ClockFileUnwritable(str(path), exc.strerror or str(exc)) from exc
