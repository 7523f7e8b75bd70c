"""`mgcert copy` and `mgcert import` write to a chosen USB folder (이동식디스크)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, CliRunner


def test_copy_to_a_chosen_usb_folder(mgcert: CliRunner, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    run = mgcert("--json", "copy", "--name", "박지훈", "--to", "removable", "--to-root", str(usb))
    assert run.code == 0, run.err
    assert Path(run.json()["certificate"]["folder"]).is_relative_to(usb)


def test_import_to_a_chosen_usb_folder(
    mgcert: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    exported = mgcert(
        "--json", "export", "--name", "박지훈", "--password-stdin", stdin=DEMO_PASSWORD + "\n"
    ).json()
    monkeypatch.setenv("MGCERT_EXPORT_CODE", exported["code"])
    run = mgcert("--json", "import", "--medium", "removable", "--removable-root", str(usb))
    assert run.code == 0, run.err
    assert run.json()["certificate"]["medium"] == "removable"
    assert Path(run.json()["certificate"]["folder"]).is_relative_to(usb)


def test_copy_to_the_token_is_refused(mgcert: CliRunner) -> None:
    run = mgcert("copy", "--name", "박지훈", "--to", "token")
    assert run.code == 1
    assert "보안토큰은" in run.err
