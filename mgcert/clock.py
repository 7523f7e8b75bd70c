"""The one clock every date decision reads (DESIGN.md "Clock").

``MGCERT_NOW`` / ``--now`` pins the base time; a persisted offset (``clock.json`` in
the data home) moves it forward for time travel (+1 day, +30 days, +1 year). Nothing
in mgcert calls ``datetime.now()`` directly.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from mgcert.errors import InvalidClockSetting

KST = timezone(timedelta(hours=9), "KST")
NOW_ENV = "MGCERT_NOW"


def _real_now() -> datetime:
    return datetime.now(UTC)


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 instant; a time without zone is taken as KST."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise InvalidClockSetting(text) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=KST)
    return value


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
        self._pinned = pinned
        self._state_file = state_file
        self._real = real
        self._lock = threading.Lock()
        self._offset = self._load_offset()

    @classmethod
    def from_settings(
        cls, cli_now: str | None, state_file: Path | None, env: Mapping[str, str] | None = None
    ) -> Clock:
        """Build the clock from ``$MGCERT_NOW`` (wins) or ``--now``, plus the offset file."""
        environ = os.environ if env is None else env
        text = environ.get(NOW_ENV) or cli_now
        return cls(pinned=parse_instant(text) if text else None, state_file=state_file)

    def now(self) -> datetime:
        """The simulated current instant (timezone-aware, UTC)."""
        base = self._pinned if self._pinned is not None else self._real()
        return (base + self._offset).astimezone(UTC)

    def now_kst(self) -> datetime:
        return self.now().astimezone(KST)

    def today_kst(self) -> date:
        return self.now_kst().date()

    @property
    def offset(self) -> timedelta:
        return self._offset

    @property
    def is_simulated(self) -> bool:
        return self._pinned is not None or self._offset != timedelta(0)

    def advance(self, delta: timedelta) -> None:
        """Move the simulated time forward (or back) and persist the offset."""
        with self._lock:
            self._offset += delta
            self._save_offset()

    def reset(self) -> None:
        """Back to the base time (real or pinned)."""
        with self._lock:
            self._offset = timedelta(0)
            self._save_offset()

    def _load_offset(self) -> timedelta:
        if self._state_file is None or not self._state_file.exists():
            return timedelta(0)
        try:
            data = json.loads(self._state_file.read_text(encoding="utf-8"))
            return timedelta(seconds=float(data["offset_seconds"]))
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged clock file must not stop the app: fall back to no offset.
            return timedelta(0)

    def _save_offset(self) -> None:
        if self._state_file is None:
            return
        self._state_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._state_file.with_suffix(".tmp")
        tmp.write_text(
            json.dumps({"offset_seconds": self._offset.total_seconds()}), encoding="utf-8"
        )
        os.replace(tmp, self._state_file)
