"""Fixture CAs under real processes: several issuing at once, and one killed mid-way."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mgcert.testing import NpkiCA


def _issue_process(ca: Path, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mgcert", "fixture", "issue", "--ca", str(ca), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "MGCERT_HOME": str(home)},
    )


@pytest.mark.slow
def test_six_processes_issue_from_one_fixture_ca_at_once(tmp_path: Path) -> None:
    ca = tmp_path / "ca"
    NpkiCA(ca, reuse_keys=True).close()  # made once, as a suite's first use would
    processes = [_issue_process(ca, tmp_path / "home") for _ in range(6)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out))
    assert len({r["serial"] for r in results}) == 6
    assert len({r["cn"] for r in results}) == 6
    assert all(Path(r["cert"]).is_file() and Path(r["key"]).is_file() for r in results)
    with NpkiCA(ca) as again:
        assert all(again.status(int(r["serial"], 16)) == "good" for r in results)


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.15, 0.3, 0.45])
def test_a_killed_issuer_leaves_a_usable_ca(tmp_path: Path, delay: float) -> None:
    ca = tmp_path / "ca"
    NpkiCA(ca, reuse_keys=True).close()
    victim = _issue_process(ca, tmp_path / "home")
    time.sleep(delay)
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=60)
    with NpkiCA(ca, reuse_keys=True) as again:
        cert = again.issue()
        assert again.status(cert) == "good"
    with sqlite3.connect(ca / "ca.db") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # No half-written NPKI folder is left where a consumer would find it.
    for key in (ca / "issued").rglob("signPri.key"):
        assert (key.parent / "signCert.der").is_file()
