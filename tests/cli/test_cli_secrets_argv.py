"""The 주민등록번호 and the OTP code stay out of argv: `--rrn-stdin` / `MGCERT_RRN` and
`--otp-stdin` / `MGCERT_OTP`, read like the other secrets (one stdin line each, in the
documented order); `--rrn` / `--otp` still work but warn that `ps` shows them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from cli_support import AUTO, FAST_ITERATIONS, NOW, PASSWORD, CliRun, CliRunner

from mgcert.center import CertificateCenter
from mgcert.center.identity_methods import IdentityMethod
from mgcert.cli.secrets import Secret, stdin_order
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.messages import cli as cli_msg

INSTALLED = Path(sys.executable).with_name("mgcert")


def customer(mgcert: CliRunner) -> dict[str, Any]:
    """Demo customer 1 (김민준): 주민등록번호, first account and its password."""
    data = mgcert("--json", "customers").json()["customers"][0]
    account = data["accounts"][0]
    return {"rrn": data["rrn"], "account": account["number"], "pin": account["password"]}


def otp_now(home: DataHome) -> str:
    """What the simulated OTP device shows at the tests' pinned time."""
    clock = Clock(pinned=NOW, state_file=home.clock_file)
    center = CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)
    try:
        return center.simulator.answer_identity(1, IdentityMethod.OTP, None).values[0]
    finally:
        center.close()


def warning(secret: Secret) -> str:
    info = secret.value
    return cli_msg.ARGV_SECRET_WARNING.format(
        flag=info.argv_flag, what=info.label, stdin_flag=info.flag, env=info.env
    )


def issued_ok(run: CliRun) -> None:
    assert run.code == 0, run.err
    assert run.json()["name"] == "김민준"


def test_rrn_from_stdin_never_appears_in_the_process_argv(
    mgcert: CliRunner, prepared_home: DataHome
) -> None:
    who = customer(mgcert)
    argv = [str(INSTALLED), "--json", "issue", "--rrn-stdin", "--account", who["account"]]
    argv += ["--account-password-stdin", *AUTO, "--password-stdin"]
    process = subprocess.Popen(
        argv,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        # While it waits for stdin, the argv anyone can read holds no 주민등록번호.
        cmdline = b""
        deadline = time.monotonic() + 30
        while b"issue" not in cmdline and time.monotonic() < deadline:
            cmdline = Path(f"/proc/{process.pid}/cmdline").read_bytes()
            time.sleep(0.02)
        assert b"--rrn-stdin" in cmdline
        digits = who["rrn"].replace("-", "")
        shown = cmdline.decode().replace("-", "")
        assert digits not in shown
        assert digits[:6] not in shown
        out, err = process.communicate(f"{who['rrn']}\n{who['pin']}\n{PASSWORD}\n", timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert err == ""  # no warning: nothing secret was in argv
    assert '"name": "김민준"' in out


def test_rrn_from_the_environment(mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    who = customer(mgcert)
    monkeypatch.setenv("MGCERT_RRN", who["rrn"])
    monkeypatch.setenv("MGCERT_ACCOUNT_PASSWORD", who["pin"])
    run = mgcert(
        "--json", "issue", "--account", who["account"], *AUTO, "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    issued_ok(run)
    assert run.err == ""


def test_rrn_in_argv_still_works_with_a_one_line_warning(mgcert: CliRunner) -> None:
    who = customer(mgcert)
    run = mgcert(
        "--json", "issue", "--rrn", who["rrn"], "--account", who["account"],
        "--account-password-stdin", *AUTO, "--password-stdin",
        stdin=f"{who['pin']}\n{PASSWORD}\n",
    )  # fmt: skip
    issued_ok(run)
    assert run.err == warning(Secret.RRN) + "\n"
    assert who["rrn"] not in run.err
    assert "ps" in run.err
    assert "--rrn-stdin" in run.err


def test_rrn_warning_comes_even_when_the_command_then_fails(mgcert: CliRunner) -> None:
    run = mgcert("issue", "--rrn", "850315-1000010", "--account", "0000", *AUTO)
    assert run.code == 1
    lines = run.err.strip().splitlines()
    assert lines[0] == warning(Secret.RRN)
    assert len(lines) == 2  # the warning, then the one error line


def test_otp_from_stdin(mgcert: CliRunner, prepared_home: DataHome) -> None:
    code = otp_now(prepared_home)
    run = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, "--otp-stdin", "--password-stdin",
        stdin=f"{code}\n{PASSWORD}\n",
    )  # fmt: skip
    issued_ok(run)
    assert run.err == ""


def test_otp_in_argv_warns(mgcert: CliRunner, prepared_home: DataHome) -> None:
    code = otp_now(prepared_home)
    run = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, "--otp", code, "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    issued_ok(run)
    assert run.err == warning(Secret.OTP) + "\n"
    assert code not in run.err


def test_every_stdin_secret_in_the_documented_order(
    mgcert: CliRunner, prepared_home: DataHome
) -> None:
    who = customer(mgcert)
    code = otp_now(prepared_home)
    # 주민등록번호, 계좌비밀번호, OTP 번호, 인증서 비밀번호: the order --help gives.
    assert stdin_order().startswith(
        ", ".join(s.value.label for s in (Secret.RRN, Secret.ACCOUNT_PASSWORD, Secret.OTP))
    )
    run = mgcert(
        "--json", "issue", "--account", who["account"], *AUTO,
        # flags in another order than the lines: the lines follow the documented order
        "--password-stdin", "--otp-stdin", "--account-password-stdin", "--rrn-stdin",
        stdin=f"{who['rrn']}\n{who['pin']}\n{code}\n{PASSWORD}\n",
    )  # fmt: skip
    issued_ok(run)
    assert run.err == ""


def test_help_documents_the_new_flags_and_the_order(mgcert: CliRunner) -> None:
    out = mgcert("issue", "--help").out
    for text in ("--rrn-stdin", "MGCERT_RRN", "--otp-stdin", "MGCERT_OTP"):
        assert text in out
    flat = " ".join(out.split())
    assert " ".join(stdin_order().split()) in flat
    assert "주민등록번호, 계좌비밀번호, OTP 번호, 인증서 비밀번호" in flat


def test_rrn_both_in_argv_and_on_stdin_is_a_usage_error(mgcert: CliRunner) -> None:
    run = mgcert("issue", "--rrn", "850315-1000010", "--rrn-stdin", "--account", "1", *AUTO)
    assert run.code == 2
    assert run.err.strip().splitlines() == [
        "mgcert: " + cli_msg.SECRET_TWICE.format(flag="--rrn", stdin_flag="--rrn-stdin")
    ]


def test_missing_rrn_names_the_ways_to_give_it(mgcert: CliRunner) -> None:
    run = mgcert("issue", "--account", "9002-0000-0001-1", *AUTO)
    assert run.code == 2  # a usage error
    line = run.err.strip()
    assert "--rrn-stdin" in line
    assert "MGCERT_RRN" in line
