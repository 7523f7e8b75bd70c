"""Opening a practice home's center with the practice settings applied.

Every client that opens a practice home (the TUI, ``mgcert web``, the missions' own
``prepare``) should open it through :func:`open_practice_center`, or pass
``timers=PracticeTimers(home)`` itself, so that 시간 제한 없음 pauses the ARS/SMS and
내보내기 codes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mgcert.center import CertificateCenter
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki.keyform import KeyProtection
from mgcert.practice.marker import PracticeTimers

# How the engine opens a practice home: the TUI's default is open_practice_center;
# tests pass one with a pinned clock and a cheap KDF.
CenterOpener = Callable[[Path], CertificateCenter]


def open_practice_center(
    home: Path,
    *,
    clock: Clock | None = None,
    key_protection: KeyProtection | None = None,
) -> CertificateCenter:
    """The center of the data home at ``home`` (created on first use), its code timers
    following the home's 시간 제한 없음. The clock defaults to the home's own
    (``$MGCERT_NOW`` if set, plus the home's ``clock.json``)."""
    data_home = DataHome(Path(home))
    if clock is None:
        clock = Clock.from_settings(None, data_home.clock_file)
    return CertificateCenter.open(
        data_home, clock, key_protection=key_protection, timers=PracticeTimers(data_home.root)
    )
