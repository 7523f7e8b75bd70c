"""Fixtures for the practice tests: one template home per session, copied per home."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from practice_support import build_template, make_opener

from mgcert.center import CertificateCenter


@pytest.fixture(scope="session")
def practice_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("practice-template") / "home"
    build_template(root)
    return root


@pytest.fixture
def opener(practice_template: Path) -> Callable[[Path], CertificateCenter]:
    return make_opener(practice_template)
