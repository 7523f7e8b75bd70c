"""The simulated clock from the command line: bounded time travel, a damaged clock.json
reported in Korean by every command but `clock reset` (which repairs it), and `--now` /
`MGCERT_NOW` out of range or unparsable as a usage error (exit 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import AUTO, PASSWORD, CliRun, CliRunner

from mgcert.home import DataHome
from mgcert.tui import app as tui_app

DAY = 86400.0
HUNDRED_YEARS = 36525  # days: the bound (mgcert.clock.MAX_OFFSET, checked in its unit test)
REFUSED = "시계를 그만큼 옮길 수 없습니다"
RESET_HINT = "mgcert clock reset"

DAMAGED_CONTENTS = [
    pytest.param('{"offset_seconds": 1e300}', id="1e300"),
    pytest.param('{"offset_seconds": 1e400}', id="overflowing-float"),
    pytest.param('{"offset_seconds": Infinity}', id="Infinity"),
    pytest.param('{"offset_seconds": -Infinity}', id="-Infinity"),
    pytest.param('{"offset_seconds": NaN}', id="NaN"),
    pytest.param('{"offset_seconds": 99999999999999999999999999}', id="huge-int"),
    pytest.param(f'{{"offset_seconds": {10**4000}}}', id="thousands-of-digits"),
    pytest.param('{"offset_seconds": 3155760001}', id="just-past-100-years"),
    pytest.param('{"offset_seconds": "86400"}', id="string"),
    pytest.param('{"offset_seconds": true}', id="bool"),
    pytest.param('{"offset": 86400}', id="missing-key"),
    pytest.param("[86400]", id="json-list"),
    pytest.param("86400", id="bare-number"),
    pytest.param("{not json", id="garbage"),
    pytest.param("", id="empty"),
    pytest.param("\udcff", id="not-utf8"),
]


def one_line(run: CliRun) -> str:
    lines = run.err.strip().splitlines()
    assert len(lines) == 1, run.err
    assert "Traceback" not in run.err
    return lines[0]


def offset_seconds(mgcert: CliRunner) -> float:
    run = mgcert("--json", "clock", "show")
    assert run.code == 0, run.err
    return float(run.json()["offset_seconds"])


def write_state(home: DataHome, text: str) -> None:
    home.clock_file.write_bytes(text.encode("utf-8", errors="surrogateescape"))


@pytest.mark.parametrize("days", ["3000000", "36526", "-36526", "999999999", "1000000000000"])
def test_advance_beyond_the_bound_is_refused_and_nothing_saved(
    mgcert: CliRunner, prepared_home: DataHome, days: str
) -> None:
    before = prepared_home.clock_file.read_bytes() if prepared_home.clock_file.exists() else None
    run = mgcert("clock", "advance", "--days", days)
    assert run.code == 1
    assert REFUSED in one_line(run)
    after = prepared_home.clock_file.read_bytes() if prepared_home.clock_file.exists() else None
    assert after == before
    # Every command still works: the refused step left no trace.
    assert offset_seconds(mgcert) == 0
    assert mgcert("list").code == 0


def test_advance_up_to_the_bound_then_one_more_day_is_refused(
    mgcert: CliRunner, prepared_home: DataHome
) -> None:
    assert mgcert("clock", "advance", "--days", str(HUNDRED_YEARS)).code == 0
    saved = prepared_home.clock_file.read_bytes()
    run = mgcert("clock", "advance", "--hours", "1")
    assert run.code == 1
    assert REFUSED in one_line(run)
    assert prepared_home.clock_file.read_bytes() == saved
    assert offset_seconds(mgcert) == HUNDRED_YEARS * DAY
    # Travelling back within the bound is fine.
    assert mgcert("clock", "advance", "--days", "-1").code == 0
    assert offset_seconds(mgcert) == HUNDRED_YEARS * DAY - DAY


def test_the_latest_supported_day_works_and_leaving_it_is_refused(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MGCERT_NOW")  # it would win over --now
    now = ["--now", "8999-12-30T12:00:00+09:00"]
    assert mgcert(*now, "clock", "advance", "--days", "1").code == 0
    issued = mgcert(*now, "--json", "issue", "--customer", "1", *AUTO, "--password-stdin",
                    stdin=PASSWORD + "\n")  # fmt: skip
    assert issued.code == 0, issued.err
    assert issued.json()["not_after"].startswith("9000-12-31")  # same calendar date, as yessign
    run = mgcert(*now, "clock", "advance", "--days", "1")
    assert run.code == 1
    assert REFUSED in one_line(run)
    assert mgcert(*now, "list").code == 0


@pytest.mark.parametrize("content", DAMAGED_CONTENTS)
def test_damaged_clock_file_is_reported_by_every_command_and_reset_repairs_it(
    mgcert: CliRunner, prepared_home: DataHome, content: str
) -> None:
    write_state(prepared_home, content)
    damaged = prepared_home.clock_file.read_bytes()
    for argv in (["list"], ["clock", "show"], ["clock", "advance", "--days", "1"], ["customers"]):
        run = mgcert(*argv)
        assert run.code == 1, argv
        line = one_line(run)
        assert str(prepared_home.clock_file) in line
        assert RESET_HINT in line
        assert prepared_home.clock_file.read_bytes() == damaged  # reported, not "fixed"
    reset = mgcert("--json", "clock", "reset")
    assert reset.code == 0, reset.err
    assert reset.json()["offset_seconds"] == 0
    assert json.loads(prepared_home.clock_file.read_text()) == {"offset_seconds": 0}
    assert mgcert("list").code == 0


def test_damaged_clock_file_with_json_output(mgcert: CliRunner, prepared_home: DataHome) -> None:
    write_state(prepared_home, '{"offset_seconds": NaN}')
    run = mgcert("--json", "list")
    assert run.code == 1
    data = run.json()
    assert data["ok"] is False
    assert data["type"] == "ClockFileDamaged"
    assert RESET_HINT in data["error"]


def test_clock_file_that_is_a_folder_is_reported(
    mgcert: CliRunner, prepared_home: DataHome
) -> None:
    prepared_home.clock_file.mkdir()
    run = mgcert("list")
    assert run.code == 1
    assert RESET_HINT in one_line(run)
    # reset cannot replace a folder: it says so in one line instead of failing generically.
    reset = mgcert("clock", "reset")
    assert reset.code == 1
    assert str(prepared_home.clock_file) in one_line(reset)


def test_pinned_time_plus_saved_offset_beyond_the_range_is_reported(
    mgcert: CliRunner, prepared_home: DataHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MGCERT_NOW")
    write_state(prepared_home, json.dumps({"offset_seconds": 400 * DAY}))
    now = ["--now", "8999-06-01T09:00:00+09:00"]
    run = mgcert(*now, "list")
    assert run.code == 1
    line = one_line(run)
    assert "범위" in line
    assert RESET_HINT in line
    assert mgcert(*now, "clock", "reset").code == 0
    assert mgcert(*now, "list").code == 0


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:59:59",
        "9999-12-31T23:59:59-12:00",
        "0001-01-01T00:00:00",
        "0001-01-01T00:00:00+09:00",
        "1969-12-31T23:59:59+09:00",
        "9000-01-01T00:00:00+09:00",
        "nonsense",
        "2027-13-01",
        "2027-05-01T09:00:00+24:00",
    ],
)
@pytest.mark.parametrize("via", ["--now", "MGCERT_NOW"])
def test_now_out_of_range_or_unparsable_is_a_usage_error(
    mgcert: CliRunner,
    prepared_home: DataHome,
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    via: str,
) -> None:
    # A saved offset must not matter: the setting itself is refused.
    write_state(prepared_home, json.dumps({"offset_seconds": DAY}))
    if via == "--now":
        monkeypatch.delenv("MGCERT_NOW")
        argv = ["--now", text, "clock", "advance", "--days", "1"]
    else:
        monkeypatch.setenv("MGCERT_NOW", text)
        argv = ["clock", "advance", "--days", "1"]
    run = mgcert(*argv)
    assert run.code == 2
    line = one_line(run)
    assert text in line
    assert "시각" in line
    assert json.loads(prepared_home.clock_file.read_text()) == {"offset_seconds": DAY}


def test_bad_now_without_a_subcommand_is_a_usage_error_before_the_tui(
    mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_tui(*_: object) -> None:
        raise AssertionError("the TUI must not start")

    monkeypatch.setattr(tui_app, "run", no_tui)
    monkeypatch.delenv("MGCERT_NOW")
    run = mgcert("--now", "9999-12-31T23:59:59")
    assert run.code == 2
    assert "9999-12-31T23:59:59" in one_line(run)


def _installed(*argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    installed = Path(sys.executable).with_name("mgcert")
    return subprocess.run(
        [str(installed), *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


def test_installed_mgcert_survives_a_huge_advance_and_repairs_a_damaged_file(
    prepared_home: DataHome,
) -> None:
    huge = _installed("clock", "advance", "--days", "3000000")
    assert huge.returncode == 1
    assert REFUSED in huge.stderr
    assert "Traceback" not in huge.stderr
    listed = _installed("list")
    assert listed.returncode == 0, listed.stderr

    write_state(prepared_home, '{"offset_seconds": 1e300}')
    broken = _installed("list")
    assert broken.returncode == 1
    assert RESET_HINT in broken.stderr
    assert _installed("clock", "reset").returncode == 0
    assert _installed("list").returncode == 0

    bad_now = _installed("list", MGCERT_NOW="0001-01-01T00:00:00")
    assert bad_now.returncode == 2
    assert len(bad_now.stderr.strip().splitlines()) == 1
