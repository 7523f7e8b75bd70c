"""Fixtures for the PKI server tests: one data home per worker session (certificates
cost a few CLI runs), a server on its port per module, and fresh copies for tests that
change state."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pki_support import LoggedServer, PkiHome, free_port, make_pki_home

from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.pki import PkiServer


@pytest.fixture(scope="session")
def pki_home(tmp_path_factory: pytest.TempPathFactory) -> PkiHome:
    return make_pki_home(tmp_path_factory.mktemp("pki") / "home", free_port())


@pytest.fixture(scope="module")
def served(pki_home: PkiHome) -> Iterator[LoggedServer]:
    """The session home served at the port its certificates point at."""
    home = DataHome(pki_home.root)
    log = io.StringIO()
    with PkiServer(home, Clock(state_file=home.clock_file), port=pki_home.port, log=log) as server:
        yield LoggedServer(server, log)
    # Whatever the module sent, nothing got a traceback or a 500.
    assert "Traceback" not in log.getvalue()
    assert '" 500 ' not in log.getvalue()


@pytest.fixture
def home_copy(pki_home: PkiHome, tmp_path: Path) -> DataHome:
    """A private copy of the session home (for tests that revoke or move the clock)."""
    target = tmp_path / "copy"
    shutil.copytree(pki_home.root, target, symlinks=True)
    return DataHome(target)
