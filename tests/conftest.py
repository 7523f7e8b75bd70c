"""Shared fixtures: every test gets its own data home and a pinned clock."""

from __future__ import annotations

from pathlib import Path

import pytest

# A fixed, ordinary weekday morning in Seoul (tests move it with clock.advance()) and a
# low KDF cost for speed: one definition each, in tests/support.
from support.constants import FAST_ITERATIONS, FIXED_NOW

from mgcert.clock import Clock
from mgcert.home import DataHome

__all__ = ["FAST_ITERATIONS", "FIXED_NOW"]


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the real data home or inherit a pinned clock."""
    monkeypatch.setenv("MGCERT_HOME", str(tmp_path / "mgcert-home"))
    monkeypatch.delenv("MGCERT_NOW", raising=False)
    # Nor inherit how the developer's shell asks for key files to be encrypted.
    for name in ("MGCERT_KEY_FORM", "MGCERT_ITERATIONS", "MGCERT_KDF_ITERATIONS"):
        monkeypatch.delenv(name, raising=False)
    return


@pytest.fixture
def home(tmp_path: Path) -> DataHome:
    return DataHome(tmp_path / "mgcert-home").ensure()


@pytest.fixture
def clock(home: DataHome) -> Clock:
    return Clock(pinned=FIXED_NOW, state_file=home.clock_file)
