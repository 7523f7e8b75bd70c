"""Errors: one Korean line on stderr and exit 1 (2 for usage); no traceback; no argv secrets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import AUTO, PASSWORD, CliRunner

from mgcert.center import CertificateCenter
from mgcert.cli import main
from mgcert.cli.invocation import Invocation
from mgcert.errors import MgcertError
from mgcert.messages import center as msg
from mgcert.tui import app as tui_app


def test_missing_password_names_the_ways_to_give_it(mgcert: CliRunner) -> None:
    run = mgcert("issue", "--customer", "1", *AUTO)
    assert run.code == 1
    lines = run.err.strip().splitlines()
    assert len(lines) == 1
    assert "--password-stdin" in lines[0]
    assert "MGCERT_PASSWORD" in lines[0]


def test_password_from_environment(mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MGCERT_PASSWORD", PASSWORD)
    run = mgcert("--json", "issue", "--customer", "1", *AUTO)
    assert run.code == 0, run.err


def test_passwords_are_not_accepted_in_argv(mgcert: CliRunner) -> None:
    run = mgcert("issue", "--customer", "1", "--password", PASSWORD)
    assert run.code == 2
    assert PASSWORD not in run.out


def test_usage_error_exits_2(mgcert: CliRunner) -> None:
    assert mgcert("no-such-command").code == 2


@pytest.mark.parametrize("argv", [["--help"], ["issue", "--help"], ["clock", "advance", "--help"]])
def test_help_everywhere(mgcert: CliRunner, argv: list[str]) -> None:
    run = mgcert(*argv)
    assert run.code == 0
    assert "usage: mgcert" in run.out


def test_help_is_korean_and_english(mgcert: CliRunner) -> None:
    out = mgcert("issue", "--help").out
    assert "발급" in out
    assert "issue or reissue" in out


def test_json_error_object(mgcert: CliRunner) -> None:
    run = mgcert(
        "--json", "renew", "--name", "박지훈", "--password-stdin", *AUTO, stdin="Wrong-pass1\n"
    )
    assert run.code == 1
    data = run.json()
    assert data["ok"] is False
    assert data["type"] == "WrongKeyPassword"
    assert run.err.strip() == msg.CLI_ERROR.format(message=data["error"])


def test_identity_steps_need_auto_verify_or_explicit_answers(mgcert: CliRunner) -> None:
    run = mgcert("issue", "--customer", "1", "--password-stdin", stdin=PASSWORD + "\n")
    assert run.code == 2  # a usage error
    assert msg.CLI_MANUAL_STEPS in run.err


def test_unexpected_error_is_one_generic_line(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> object:
        raise RuntimeError("internal detail")

    monkeypatch.setattr(Invocation, "sheet", boom)
    run = mgcert("unlock", "--customer", "1")
    assert run.code == 1
    assert run.err.strip() == msg.CLI_UNEXPECTED
    assert "Traceback" not in run.err
    assert "internal detail" not in run.err
    debug = mgcert("--debug", "unlock", "--customer", "1")
    assert "Traceback" in debug.err
    assert "internal detail" in debug.err


@pytest.mark.usefixtures("terminal")
def test_no_subcommand_starts_the_tui_over_an_opener(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[CertificateCenter] = []

    def fake_run(opener: Callable[[], CertificateCenter]) -> BaseException | None:
        center = opener()  # the TUI calls it in a thread after the first paint
        opened.append(center)
        center.close()
        return None

    monkeypatch.setattr(tui_app, "run", fake_run)
    assert main([]) == 0
    assert len(opened) == 1
    assert isinstance(opened[0], CertificateCenter)


@pytest.mark.parametrize(
    ("error", "line"),
    [
        (MgcertError("데이터 폴더를 쓸 수 없습니다"), "데이터 폴더를 쓸 수 없습니다"),
        (RuntimeError("internal detail"), msg.CLI_UNEXPECTED),
    ],
)
@pytest.mark.usefixtures("terminal")
def test_tui_that_could_not_open_the_center_exits_1_with_the_reason(
    mgcert: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    error: Exception,
    line: str,
) -> None:
    monkeypatch.setattr(tui_app, "run", lambda opener: error)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert line in err
    assert "internal detail" not in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("terminal")
def test_tui_open_failure_with_debug_shows_the_traceback(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        raise RuntimeError("internal detail")
    except RuntimeError as caught:
        error = caught
    monkeypatch.setattr(tui_app, "run", lambda opener: error)
    assert main(["--debug"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err
    assert "internal detail" in err


def test_unusable_data_home_is_one_korean_line(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MGCERT_HOME", str(blocker))
    run = mgcert("list")
    assert run.code == 1
    assert "데이터 폴더" in run.err
    assert str(blocker) in run.err
    assert "Traceback" not in run.err
