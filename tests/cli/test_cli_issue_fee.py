"""``mgcert issue`` says the fee it debited and the balance after it (issue 14 point 12)."""

from __future__ import annotations

from typing import Any

from cli_support import AUTO, PASSWORD, CliRunner

from mgcert.messages import cli as cli_msg


def _balance(mgcert: CliRunner) -> int:
    customers: list[dict[str, Any]] = mgcert("--json", "customers").json()["customers"]
    return int(customers[0]["accounts"][0]["balance_won"])


def _issue(mgcert: CliRunner, kind: str, *json: str) -> Any:
    run = mgcert(
        *json, "issue", "--customer", "1", "--kind", kind, *AUTO, "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert run.code == 0, run.err
    return run


def test_universal_issue_prints_the_fee_and_the_balance_after_it(mgcert: CliRunner) -> None:
    before = _balance(mgcert)
    run = _issue(mgcert, "universal")
    after = _balance(mgcert)
    assert after == before - 4_400
    line = cli_msg.ISSUED_FEE_AND_BALANCE.format(fee=4_400, balance=after)
    assert line in run.out.splitlines()
    assert "수수료: 4,400원 출금, 잔액 " in line


def test_universal_issue_json_has_both_numbers(mgcert: CliRunner) -> None:
    before = _balance(mgcert)
    data = _issue(mgcert, "universal", "--json").json()
    assert (data["fee_won"], data["balance_after_won"]) == (4_400, before - 4_400)


def test_a_free_issue_prints_no_fee(mgcert: CliRunner) -> None:
    assert "수수료" not in _issue(mgcert, "general").out
    data = _issue(mgcert, "general", "--json").json()  # 재발급 of the valid one: free too
    assert (data["fee_won"], data["balance_after_won"]) == (None, None)
