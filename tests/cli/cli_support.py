"""Helpers for the CLI tests: a prepared data home, and running ``main`` in-process."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from support.constants import FAST_ITERATIONS

from mgcert.center import CertificateCenter
from mgcert.cli import main
from mgcert.clock import KST, Clock
from mgcert.home import DataHome

NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)
NOW_TEXT = NOW.isoformat()
PASSWORD = "Cli-test-2026"
DEMO_PASSWORD = "Jihoon2580!"
AUTO = ["--auto-verify"]


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        lines = self.out.strip().splitlines()
        assert len(lines) == 1, self.out
        return json.loads(lines[0])


def build_template(root: Path) -> None:
    home = DataHome(root).ensure()
    CertificateCenter.open(
        home, Clock(pinned=NOW, state_file=home.clock_file), iterations=FAST_ITERATIONS
    ).close()


def copy_template(template: Path, home: DataHome) -> None:
    shutil.copytree(template, home.root, dirs_exist_ok=True, symlinks=True)


class CliRunner:
    """Runs ``mgcert`` in-process with a given stdin; captures stdout/stderr."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
        self._monkeypatch = monkeypatch
        self._capsys = capsys

    def __call__(self, *argv: str, stdin: str = "") -> CliRun:
        self._capsys.readouterr()
        self._monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        captured = self._capsys.readouterr()
        return CliRun(code, captured.out, captured.err)


def pem_from_der(der_path: Path, out: Path) -> Path:
    subprocess.run(
        ["openssl", "x509", "-inform", "DER", "-in", str(der_path), "-out", str(out)],
        check=True,
        capture_output=True,
    )
    return out
