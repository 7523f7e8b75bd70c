"""``mgcert reset`` and ``mgcert recover`` with a damaged entry (issue 12, findings 5, 8)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import AUTO, PASSWORD, CliRunner

from mgcert.home import DataHome
from mgcert.npki import storage


def test_reset_needs_yes_and_moves_the_home_aside(
    prepared_home: DataHome, mgcert: CliRunner
) -> None:
    refused = mgcert("reset")
    assert refused.code == 2
    assert "--yes" in refused.err
    assert prepared_home.bank_db.is_file()

    prepared_home.ca_db.unlink()
    broken = mgcert("list")
    assert broken.code == 1
    assert "ca.db" in broken.err
    assert "mgcert reset --yes" in broken.err

    done = mgcert("--json", "reset", "--yes")
    assert done.code == 0, done.err
    moved = Path(done.json()["moved_to"])
    assert (moved / "bank.db").is_file()  # kept, not deleted
    assert not prepared_home.root.exists()
    fresh = mgcert("--json", "list")
    assert fresh.code == 0, fresh.err


def test_recover_saves_the_healthy_entries_and_names_the_damaged_one(
    prepared_home: DataHome, mgcert: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Finding 8: one damaged recovery entry stopped `recover`; later healthy ones were
    # never saved.
    def full(*_: object, **__: object) -> Path:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", full)
        for customer, kind in (("1", "general"), ("1", "universal")):
            parked = mgcert(
                "issue",
                "--customer",
                customer,
                "--kind",
                kind,
                *AUTO,
                "--password-stdin",
                stdin=PASSWORD + "\n",
            )
            assert parked.code == 1
            assert "mgcert recover" in parked.err
    damaged = prepared_home.recovery_dir / "0123abcd"
    damaged.mkdir()
    (damaged / "meta.json").write_text("{broken", encoding="utf-8")

    listed = mgcert("--json", "recover")
    assert len(listed.json()["pending"]) == 3
    saved = mgcert("--json", "recover", "--to", "harddisk")
    assert saved.code == 1
    report = json.loads(saved.out)
    assert len(report["saved"]) == 2
    [failed] = report["failed"]
    assert failed["folder"] == str(damaged)
    assert damaged.is_dir()  # reported, not deleted
    assert [Path(p) for p in mgcert("--json", "recover").json()["pending"]] == [damaged]
