"""Fixtures for the CLI tests: a prepared data home per test and an in-process runner.

The environment points the CLI at the test's data home (``MGCERT_HOME``, set by the
shared conftest), pins its clock (``MGCERT_NOW``) and lowers the signPri.key KDF cost
(``MGCERT_ITERATIONS``; real users keep the default).
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from cli_support import FAST_ITERATIONS, NOW_TEXT, CliRunner, build_template, copy_template

from mgcert.home import DataHome


@pytest.fixture(scope="session")
def cli_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-template") / "home"
    build_template(root)
    return root


@pytest.fixture
def prepared_home(cli_template: Path, home: DataHome, monkeypatch: pytest.MonkeyPatch) -> DataHome:
    copy_template(cli_template, home)
    monkeypatch.setenv("MGCERT_NOW", NOW_TEXT)
    monkeypatch.setenv("MGCERT_ITERATIONS", str(FAST_ITERATIONS))
    for name in (
        "MGCERT_PASSWORD",
        "MGCERT_ACCOUNT_PASSWORD",
        "MGCERT_NEW_PASSWORD",
        "MGCERT_PIN",
        "MGCERT_EXPORT_CODE",
        "MGCERT_RRN",
        "MGCERT_OTP",
    ):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def mgcert(
    prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> CliRunner:
    return CliRunner(monkeypatch, capsys)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process runs have no terminal; tests that start the (faked) TUI pretend one."""
    monkeypatch.setattr(importlib.import_module("mgcert.cli.main"), "has_terminal", lambda: True)
