"""TUI fixtures: a real CertificateCenter on the shared home/clock, and the app over it."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from mgcert.center import CertificateCenter
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.tui.app import MgcertApp

# As tests/conftest.py: low KDF cost for speed (the default is proven elsewhere).
FAST_ITERATIONS = 2048


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make screenshots differ run to run."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture
def center(home: DataHome, clock: Clock) -> CertificateCenter:
    return CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)


@pytest.fixture
def app(center: CertificateCenter) -> MgcertApp:
    return MgcertApp(center)
