"""Fixtures for the center tests.

Opening a fresh data home makes two CAs (four RSA keys), the demo bank and the demo
certificate (about 1.5 s). A template home is built once per worker session and copied
into each test's own data home, so every test still has private state.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from center_support import FAST_ITERATIONS, build_template, copy_template

from mgcert.center import CertificateCenter
from mgcert.clock import Clock
from mgcert.home import DataHome


@pytest.fixture(scope="session")
def center_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("center-template") / "home"
    build_template(root)
    return root


@pytest.fixture
def center(center_template: Path, home: DataHome, clock: Clock) -> Iterator[CertificateCenter]:
    copy_template(center_template, home)
    opened = CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)
    yield opened
    opened.close()
