"""The other subcommands, end to end through `main`."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import AUTO, DEMO_PASSWORD, PASSWORD, CliRunner

from mgcert.home import DataHome
from mgcert.npki import storage

NEW = "Brand-new-2027"


def test_customers_lists_demo_data(mgcert: CliRunner) -> None:
    data = mgcert("--json", "customers").json()
    names = [c["name"] for c in data["customers"]]
    assert names[:3] == ["김민준", "이서연", "박지훈"]
    park = data["customers"][2]
    assert park["certificate_password"] == DEMO_PASSWORD
    assert park["accounts"][0]["password"] == "2580"
    assert "김민준" in mgcert("customers").out


def test_list_and_show(mgcert: CliRunner) -> None:
    certificates = mgcert("list", "--json").json()["certificates"]
    assert [(c["name"], c["status"], c["days_left"]) for c in certificates] == [
        ("박지훈", "expiring", 20)
    ]
    shown = mgcert("show", "--name", "박지훈", "--json").json()
    assert shown["policy_oid"] == "1.2.410.200005.1.1.4"
    assert shown["vid_present"] is True
    assert "SHA-256" in mgcert("show", "--serial", shown["serial_hex"][:8]).out


def test_renew_window_through_the_clock(mgcert: CliRunner) -> None:
    issued = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n"
    ).json()
    early = mgcert(
        "renew", "--serial", issued["serial_hex"], "--password-stdin", *AUTO, stdin=PASSWORD + "\n"
    )
    assert early.code == 1
    assert "아직 갱신할 수 없습니다" in early.err

    assert mgcert("clock", "advance", "--days", "21").code == 0
    late = mgcert(
        "renew", "--name", "박지훈", "--password-stdin", *AUTO, stdin=DEMO_PASSWORD + "\n"
    )
    assert late.code == 1
    assert "발급" in late.err
    reset = mgcert("--json", "clock", "reset").json()
    assert reset["offset_seconds"] == 0

    renewed = mgcert(
        "--json",
        "renew",
        "--name",
        "박지훈",
        "--password-stdin",
        "--new-password-stdin",
        *AUTO,
        stdin=f"{DEMO_PASSWORD}\n{NEW}\n",
    )
    assert renewed.code == 0, renewed.err
    assert renewed.json()["not_after"].startswith("2027-12-14")


def test_export_and_import(mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    exported = mgcert(
        "--json", "export", "--name", "박지훈", "--password-stdin", stdin=DEMO_PASSWORD + "\n"
    ).json()
    monkeypatch.setenv("MGCERT_EXPORT_CODE", exported["code"])
    imported = mgcert("--json", "import")
    assert imported.code == 0, imported.err
    assert imported.json()["certificate"]["medium"] == "phone"
    again = mgcert("import")
    assert again.code == 1
    assert "이미 사용된" in again.err


def test_other_institution_register_and_login_check(mgcert: CliRunner) -> None:
    made = mgcert(
        "--json", "other-cert", "--customer", "1", "--password-stdin", stdin=PASSWORD + "\n"
    ).json()["certificate"]
    serial = made["serial_hex"]
    before = mgcert(
        "--json", "login-check", "--serial", serial, "--password-stdin", stdin=PASSWORD + "\n"
    ).json()
    assert before["ok"] is False
    assert [c["passed"] for c in before["checks"]] == [True, True, True, True, False]
    registered = mgcert(
        "--json",
        "register",
        "--serial",
        serial,
        "--customer",
        "1",
        "--password-stdin",
        *AUTO,
        stdin=PASSWORD + "\n",
    )
    assert registered.code == 0, registered.err
    assert registered.json()["issuer_org"] == "OTHERSIM"
    after = mgcert(
        "--json", "login-check", "--serial", serial, "--password-stdin", stdin=PASSWORD + "\n"
    ).json()
    assert after["ok"] is True
    assert (
        mgcert("unregister", "--serial", serial, "--password-stdin", stdin=PASSWORD + "\n").code
        == 0
    )


def test_financial_with_pin(mgcert: CliRunner) -> None:
    run = mgcert("--json", "financial", "--customer", "1", *AUTO, "--pin-stdin", stdin="480327\n")
    assert run.code == 0, run.err
    assert run.json()["mode"] == "new"
    trivial = mgcert("financial", "--customer", "1", *AUTO, "--pin-stdin", stdin="111111\n")
    assert trivial.code == 1


def test_passwd_copy_delete_revoke(mgcert: CliRunner, prepared_home: DataHome) -> None:
    changed = mgcert(
        "passwd",
        "--name",
        "박지훈",
        "--password-stdin",
        "--new-password-stdin",
        stdin=f"{DEMO_PASSWORD}\n{NEW}\n",
    )
    assert changed.code == 0, changed.err
    copied = mgcert("--json", "copy", "--name", "박지훈", "--to", "phone").json()
    assert copied["certificate"]["medium"] == "phone"
    assert mgcert("delete", "--name", "박지훈", "--medium", "phone").code == 2  # needs --yes
    assert mgcert("delete", "--name", "박지훈", "--medium", "phone", "--yes").code == 0
    revoked = mgcert(
        "--json", "revoke", "--name", "박지훈", "--password-stdin", stdin=NEW + "\n"
    ).json()
    assert revoked["crl_lists_serial"] is True
    status = mgcert("--json", "list", "--medium", "harddisk").json()["certificates"][0]["status"]
    assert status == "revoked"


def test_unlock_after_wrong_account_passwords(mgcert: CliRunner) -> None:
    for _ in range(5):
        wrong = mgcert(
            "issue",
            "--rrn",
            "850315-1000010",
            "--account",
            "9002-0000-0001-1",
            "--account-password-stdin",
            *AUTO,
            stdin="0000\n",
        )
        assert wrong.code == 1
    locked = mgcert("issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n")
    assert locked.code == 1
    assert mgcert("unlock", "--customer", "김민준").code == 0
    ok = mgcert("issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n")
    assert ok.code == 0, ok.err


def test_removable_medium_folder(mgcert: CliRunner, tmp_path: Path) -> None:
    usb = tmp_path / "usb-stick"
    missing = mgcert(
        "issue",
        "--customer",
        "1",
        *AUTO,
        "--medium",
        "removable",
        "--removable-root",
        str(usb),
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert missing.code == 1
    usb.mkdir()
    ok = mgcert(
        "--json",
        "issue",
        "--customer",
        "1",
        *AUTO,
        "--medium",
        "removable",
        "--removable-root",
        str(usb),
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert ok.code == 0, ok.err
    assert ok.json()["folder"].startswith(str(usb))


def test_recover_after_a_failed_write(mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> Path:
        raise OSError("USB pulled out")

    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", fail)
        failed = mgcert(
            "issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n"
        )
    assert failed.code == 1
    assert "보관했습니다" in failed.err
    pending = mgcert("--json", "recover").json()["pending"]
    assert len(pending) == 1
    saved = mgcert("--json", "recover", "--to", "phone")
    assert saved.code == 0, saved.err
    [result] = saved.json()["saved"]
    assert result["medium_label"] == "휴대폰"
    assert result["recovered_to"] == pending[0]
    assert mgcert("--json", "recover").json()["pending"] == []
