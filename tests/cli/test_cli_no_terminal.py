"""`mgcert` without a subcommand needs a terminal: without one it says so (exit 2) at once
instead of waiting for keys no one can type.

Textual reads keys from stdin and draws on stderr, so those two must be terminals;
stdout may be redirected (`mgcert > log` still shows the screen).
"""

from __future__ import annotations

import importlib
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest
from cli_support import CliRunner

from mgcert.home import DataHome
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg
from mgcert.tui import app as tui_app

NO_TERMINAL_LINE = msg.CLI_ERROR.format(message=cli_msg.NO_TERMINAL)
INSTALLED = Path(sys.executable).with_name("mgcert")
# Generous for a loaded machine; a refusal takes well under a second.
QUICK = 15


def _run_installed(stdin: int | IO[bytes], stderr: int | IO[bytes]) -> tuple[int, bytes, float]:
    started = time.monotonic()
    process = subprocess.Popen(
        [str(INSTALLED)], stdin=stdin, stdout=subprocess.PIPE, stderr=stderr, env=dict(os.environ)
    )
    try:
        out, _ = process.communicate(timeout=QUICK)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"mgcert without a terminal still running after {QUICK} s")
    return process.returncode, out, time.monotonic() - started


def test_no_terminal_on_stdin_exits_2_with_one_korean_line(prepared_home: DataHome) -> None:
    started = time.monotonic()
    result = subprocess.run(
        [str(INSTALLED)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=QUICK,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == NO_TERMINAL_LINE + "\n"
    assert result.stdout == ""
    assert time.monotonic() - started < QUICK


def _read_until(fd: int, needle: bytes, seconds: float) -> bytes:
    seen = b""
    end = time.monotonic() + seconds
    while needle not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the child closed the terminal
                break
    return seen


def test_the_tui_needs_a_terminal_on_stdin_and_stderr_not_on_stdout(
    prepared_home: DataHome, tmp_path: Path
) -> None:
    # Keys from a terminal, but the screen would go into a pipe: refused.
    keys, keys_child = pty.openpty()
    try:
        code, _, _ = _run_installed(stdin=keys_child, stderr=subprocess.PIPE)
        assert code == 2
    finally:
        os.close(keys_child)
        os.close(keys)

    # stdin and stderr on a terminal, stdout redirected: the screen comes up as usual.
    screen, screen_child = pty.openpty()
    with (tmp_path / "stdout.txt").open("wb") as stdout:
        process = subprocess.Popen(
            [str(INSTALLED)],
            stdin=screen_child,
            stdout=stdout,
            stderr=screen_child,
            env={**os.environ, "TERM": "xterm-256color"},
        )
    os.close(screen_child)
    try:
        drawn = _read_until(screen, "인증센터".encode(), 60)
        assert "인증센터".encode() in drawn
        os.write(screen, b"\x11")  # ctrl+q
        _read_until(screen, b"\0never", 2)  # let it tidy the terminal up
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(screen)


def test_no_terminal_in_process_is_a_usage_error_before_textual_starts(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_tui(*_: object) -> None:
        raise AssertionError("the TUI must not start")

    monkeypatch.setattr(importlib.import_module("mgcert.cli.main"), "has_terminal", lambda: False)
    monkeypatch.setattr(tui_app, "run", no_tui)
    run = mgcert()
    assert run.code == 2
    assert run.err == NO_TERMINAL_LINE + "\n"
    as_json = mgcert("--json")
    assert as_json.code == 2
    assert as_json.json() == {"ok": False, "error": cli_msg.NO_TERMINAL, "type": "NoTerminal"}
