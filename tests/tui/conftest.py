"""TUI fixtures: a real CertificateCenter on the shared home/clock, and the app over it."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from textual.widgets import Input

from mgcert.center import CertificateCenter
from mgcert.clock import KST, Clock
from mgcert.home import DataHome
from mgcert.tui.app import MgcertApp

# The shared pinned instant of tests/conftest.py (imported by value: two conftest
# modules cannot import each other by name).
FIXED_NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)

# As tests/conftest.py: low KDF cost for speed (the default is proven elsewhere).
FAST_ITERATIONS = 2048


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would make screenshots differ run to run."""
    monkeypatch.setattr(Input, "cursor_blink", False)


@pytest.fixture(scope="session")
def center_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh data home (CAs, demo bank, 박지훈's certificate) built once per worker.

    Building one costs about 1.5 s (RSA keys for two CAs, scrypt for the demo
    accounts); each test gets its own copy instead.
    """
    root = tmp_path_factory.mktemp("tui-template") / "home"
    template = DataHome(root).ensure()
    clock = Clock(pinned=FIXED_NOW, state_file=template.clock_file)
    CertificateCenter.open(template, clock, iterations=FAST_ITERATIONS).close()
    return root


@pytest.fixture
def center(center_template: Path, home: DataHome, clock: Clock) -> CertificateCenter:
    shutil.copytree(center_template, home.root, dirs_exist_ok=True, symlinks=True)
    return CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)


@pytest.fixture
def app(center: CertificateCenter) -> MgcertApp:
    return MgcertApp(center)
