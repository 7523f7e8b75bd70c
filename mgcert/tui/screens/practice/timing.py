"""Whether the code screens should say "시간 제한 없음" instead of a deadline."""

from __future__ import annotations

from typing import Any

from textual.app import App


def codes_paused(app: App[Any]) -> bool:
    """The center on screen is a practice home's whose 시간 제한 없음 is on (the ARS,
    SMS and 내보내기 codes do not run out there: the center's timers ask the same file)."""
    from mgcert.practice.errors import PracticeError
    from mgcert.practice.marker import timers_paused

    session = getattr(app, "session", None)
    loader = getattr(session, "loader", None)
    if session is None or loader is None or not loader.ready:
        return False
    try:
        return timers_paused(session.center.home.root)
    except PracticeError:  # a damaged practice file: the deadline is what is shown
        return False
