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


def test_copy_and_import_take_folder_for_the_usb_stick(
    mgcert: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "usb1", tmp_path / "usb2"
    first.mkdir()
    second.mkdir()
    run = mgcert("--json", "copy", "--name", "박지훈", "--to", "removable", "--folder", str(first))
    assert run.code == 0, run.err
    assert Path(run.json()["certificate"]["folder"]).is_relative_to(first)
    exported = mgcert(
        "--json", "export", "--name", "박지훈", "--password-stdin", stdin=DEMO_PASSWORD + "\n"
    ).json()
    monkeypatch.setenv("MGCERT_EXPORT_CODE", exported["code"])
    run = mgcert("--json", "import", "--medium", "removable", "--folder", str(second))
    assert run.code == 0, run.err
    assert Path(run.json()["certificate"]["folder"]).is_relative_to(second)


def test_copy_to_a_usb_folder_that_is_not_there_is_one_line(
    mgcert: CliRunner, tmp_path: Path
) -> None:
    missing = tmp_path / "not-mounted"
    run = mgcert("copy", "--name", "박지훈", "--to", "removable", "--folder", str(missing))
    assert run.code == 1
    assert len(run.err.strip().splitlines()) == 1
    assert "Traceback" not in run.err
    assert not missing.exists()


def test_copying_again_is_refused_and_says_it_is_there(mgcert: CliRunner, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    argv = ("copy", "--name", "박지훈", "--to", "removable", "--folder", str(usb))
    assert mgcert(*argv).code == 0
    for extra in ((), ("--overwrite",)):
        run = mgcert("--json", *argv, *extra)
        assert run.code == 1
        assert run.json()["type"] == "CertificateAlreadyOnMedium"
        assert "이미 그 저장매체(이동식디스크)에 있습니다" in run.json()["error"]
