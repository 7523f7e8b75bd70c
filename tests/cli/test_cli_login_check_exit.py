"""`mgcert login-check` exits 1 when the bank refuses the login, 0 when it accepts."""

from __future__ import annotations

import pytest
from cli_support import PASSWORD, CliRunner


@pytest.mark.parametrize("as_json", [False, True])
def test_refused_login_exits_one(mgcert: CliRunner, as_json: bool) -> None:
    made = mgcert(
        "--json", "other-cert", "--customer", "1", "--password-stdin", stdin=PASSWORD + "\n"
    ).json()["certificate"]
    flags = ["--json"] if as_json else []
    run = mgcert(
        *flags,
        "login-check",
        "--serial",
        made["serial_hex"],
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert run.code == 1, run.out
    assert "로그인할 수 없습니다" in run.out


def test_import_help_names_one_default(mgcert: CliRunner) -> None:
    run = mgcert("import", "--help")
    assert run.code == 0
    text = " ".join(run.out.split())
    assert "기본 phone" in text or "default phone" in text
    assert "harddisk" not in text.split("--medium", 1)[1].split("--removable-root")[0].replace(
        "{harddisk,removable,phone,token}", ""
    )
