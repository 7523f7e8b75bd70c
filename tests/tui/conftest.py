"""TUI fixtures: a real CertificateCenter on the shared home/clock, and the app over it."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.constants import FAST_ITERATIONS
from support.homes import build_template, copy_template
from textual.widgets import Input

from mgcert.center import CertificateCenter
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.tui.app import MgcertApp


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make screenshots differ run to run."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture(scope="session")
def center_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh data home built once per worker; each test gets its own copy."""
    return build_template(tmp_path_factory.mktemp("tui-template") / "home")


@pytest.fixture
def center(center_template: Path, home: DataHome, clock: Clock) -> CertificateCenter:
    copy_template(center_template, home)
    return CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)


@pytest.fixture
def app(center: CertificateCenter) -> MgcertApp:
    return MgcertApp(center)
