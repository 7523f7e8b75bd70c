"""Durations in Korean for user text ("30일 0시간"), never ``timedelta``'s English repr."""

from __future__ import annotations

from datetime import timedelta

DAYS_HOURS = "{days}일 {hours}시간"
MINUTES = " {minutes}분"
SECONDS = " {seconds}초"
NEGATIVE = "-{text}"


def duration_text(delta: timedelta) -> str:
    """``timedelta(days=30)`` → "30일 0시간"; minutes and seconds only when not zero."""
    total = int(delta.total_seconds())
    negative = total < 0
    total = abs(total)
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    text = DAYS_HOURS.format(days=days, hours=hours)
    if minutes:
        text += MINUTES.format(minutes=minutes)
    if seconds:
        text += SECONDS.format(seconds=seconds)
    return NEGATIVE.format(text=text) if negative else text
