"""Crowds (issue 12, findings 2 and 3): many real ``mgcert`` processes issuing,
reissuing and revoking on one data home at once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from center_support import copy_template
from job_invariants import OPERATIONS, PASSWORD, Operation, check_invariants

from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.keyfile import decrypt_private_key

pytestmark = pytest.mark.slow


def _revoke_demo(home: DataHome) -> Operation:
    """폐기 of 박지훈's demo certificate, named by serial (a parallel 재발급 may put a
    second 박지훈 certificate beside it, and a name would then be ambiguous)."""
    with sqlite3.connect(home.ca_db) as db:
        [(serial,)] = db.execute("SELECT serial FROM certificates WHERE cn LIKE '박지훈%'")
    return Operation("revoke", ("revoke", "--serial", serial), "Jihoon2580!", fee=False)


def _start(op: Operation, home: DataHome) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mgcert", "--json", *op.argv],
        env=op.env(home),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_all(ops: list[Operation], home: DataHome) -> list[tuple[Operation, int, str, str]]:
    children = [(op, _start(op, home)) for op in ops]
    results = []
    for op, child in children:
        out, err = child.communicate(timeout=180)
        results.append((op, child.returncode, out, err))
    return results


def _revoked_as(home: DataHome, serial_hex: str) -> str | None:
    with sqlite3.connect(home.ca_db) as db:
        row = db.execute("SELECT reason FROM certificates WHERE serial = ?", (serial_hex,))
        found = row.fetchone()
    return None if found is None else found[0]


def _check_reports(results: list[tuple[Operation, int, str, str]], home: DataHome) -> int:
    """Every process either succeeded with a readable certificate or was refused with
    a Korean domain error (never an unexpected one). Returns how many succeeded."""
    succeeded = 0
    for op, code, out, err in results:
        report = json.loads(out.strip().splitlines()[-1])
        assert report.get("type") != "UnexpectedError", (op.name, err)
        if code != 0:
            assert code == 1, (op.name, code, err)
            assert err.startswith("mgcert: "), err
            continue
        succeeded += 1
        folder = report.get("folder")
        if folder and not Path(folder).exists():
            # Replaced meanwhile by a later 재발급, which removes the revoked one.
            assert _revoked_as(home, report["serial_hex"]) == "superseded", report
        elif folder:  # a 공동인증서: on its medium, and its key opens with the password
            stored = storage.load_certificate(Path(folder))
            decrypted = decrypt_private_key(stored.key_path.read_bytes(), op.password)
            assert decrypted.private_key.public_key() == stored.certificate.public_key()
    return succeeded


def test_ten_processes_on_one_home_lose_nothing(center_template: Path, home: DataHome) -> None:
    copy_template(center_template, home)
    ops = [
        OPERATIONS["universal"],
        OPERATIONS["universal"],
        OPERATIONS["universal"],
        OPERATIONS["reissue"],
        OPERATIONS["reissue"],
        OPERATIONS["general"],
        OPERATIONS["general"],
        OPERATIONS["financial"],
        OPERATIONS["financial"],
        _revoke_demo(home),
    ]
    succeeded = _check_reports(_run_all(ops, home), home)
    assert succeeded >= 4  # at least one of each customer-and-kind group got through
    check_invariants(home)


def test_six_parallel_reissues_leave_one_valid_certificate(
    center_template: Path, home: DataHome
) -> None:
    # Finding 3: six parallel 재발급 left two valid 범용 certificates, and one process
    # reported an error although its certificate was saved and registered.
    copy_template(center_template, home)
    first = _run_all([OPERATIONS["universal"]], home)
    assert first[0][1] == 0, first[0][3]
    results = _run_all([OPERATIONS["universal"]] * 6, home)
    assert _check_reports(results, home) >= 1
    check_invariants(home)


def test_a_hundred_certificates_in_a_day_never_share_a_folder(
    center_template: Path, home: DataHome
) -> None:
    # Finding 2: the per-day counter wrapped at 100 and the 101st certificate landed in
    # the 범용 certificate's folder, replacing its key.
    copy_template(center_template, home)
    universal = _run_all([OPERATIONS["universal"]], home)
    assert universal[0][1] == 0, universal[0][3]
    universal_folder = Path(json.loads(universal[0][2])["folder"])
    key_before = (universal_folder / "signPri.key").read_bytes()
    script = (
        "import sys\n"
        "from mgcert.cli import main\n"
        "for _ in range(101):\n"
        "    code = main(['--json', 'issue', '--customer', '1', '--kind', 'general',"
        " '--auto-verify'])\n"
        "    assert code == 0\n"
    )
    op = OPERATIONS["general"]
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=op.env(home),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert (universal_folder / "signPri.key").read_bytes() == key_before
    decrypt_private_key(key_before, PASSWORD)
    check_invariants(home)
