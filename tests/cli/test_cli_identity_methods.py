"""``--phone-check`` / ``--second-factor`` take the center's identity table's names."""

from __future__ import annotations

import argparse

import pytest
from cli_support import AUTO, PASSWORD, CliRunner

from mgcert.center.identity_methods import IdentityGroup
from mgcert.cli.identity_options import PHONE_FLAG, SECOND_FLAG
from mgcert.cli.parser import build_parser
from mgcert.home import DataHome
from mgcert.messages import center as msg


def _issue(mgcert: CliRunner, *options: str) -> tuple[int, str, str]:
    run = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, *options, "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    return run.code, run.out, run.err


def _issued(home: DataHome) -> list[str]:
    return sorted(path.name for path in home.harddisk_root.rglob("signCert.der"))


@pytest.mark.parametrize(
    ("phone", "second"), [("ars", "card"), ("sms", "otp"), ("SMS", "card"), ("ars", "otp")]
)
def test_every_method_of_the_table_answers_from_the_devices(
    mgcert: CliRunner, phone: str, second: str
) -> None:
    code, out, err = _issue(mgcert, PHONE_FLAG, phone, SECOND_FLAG, second)
    assert code == 0, err
    assert '"ok": true' in out


@pytest.mark.parametrize(
    ("flag", "value", "names"),
    [
        (PHONE_FLAG, "pass", "ars, sms"),
        (PHONE_FLAG, "otp", "ars, sms"),
        (SECOND_FLAG, "sms", "card, otp"),
    ],
)
def test_a_name_the_table_lacks_is_a_usage_error_before_anything_runs(
    mgcert: CliRunner, prepared_home: DataHome, flag: str, value: str, names: str
) -> None:
    before = _issued(prepared_home)
    code, _, err = _issue(mgcert, flag, value)
    assert code == 2
    line = msg.CLI_ERROR.format(message=f"{flag} {value}")
    assert err.startswith(line)
    assert names in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert _issued(prepared_home) == before


def _option(flag: str) -> argparse.Action:
    parser = build_parser()
    (subparsers,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    issue = subparsers.choices["issue"]
    (action,) = (a for a in issue._actions if flag in a.option_strings)
    return action


@pytest.mark.parametrize(
    ("flag", "group"),
    [(PHONE_FLAG, IdentityGroup.PHONE), (SECOND_FLAG, IdentityGroup.SECURITY_MEDIUM)],
)
def test_the_help_names_the_tables_methods_and_default(flag: str, group: IdentityGroup) -> None:
    # The parser must stay light (no center import), so its help is written out; this
    # holds it to the table.
    text = _option(flag).help or ""
    for row in group.methods:
        assert f"{row.name} (" in text
    assert f"기본 {group.default.value}" in text
    assert _option(flag).choices is None  # checked against the table, not by argparse
