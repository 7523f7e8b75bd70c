"""`mgcert issue` / `reissue` follow the seed's table: an expired certificate → 재발급."""

from __future__ import annotations

from cli_support import AUTO, PASSWORD, CliRunner


def test_issue_after_expiry_is_a_reissue(mgcert: CliRunner) -> None:
    first = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert first.code == 0, first.err
    assert mgcert("clock", "advance", "--days", "400").code == 0
    run = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert run.code == 0, run.err
    data = run.json()
    assert data["mode"] == "reissue"
    assert "재발급" in data["mode_reason"]
    assert data["not_after"] > first.json()["not_after"]


def test_reissue_command_accepts_an_expired_certificate(mgcert: CliRunner) -> None:
    assert (
        mgcert("issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n").code
        == 0
    )
    assert mgcert("clock", "advance", "--days", "400").code == 0
    run = mgcert("reissue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n")
    assert run.code == 0, run.err
    assert "신규" not in run.out


def test_clock_line_is_korean(mgcert: CliRunner) -> None:
    assert mgcert("clock", "advance", "--days", "30").code == 0
    run = mgcert("clock", "show")
    assert run.code == 0, run.err
    assert "30일 0시간" in run.out
    assert "days" not in run.out
