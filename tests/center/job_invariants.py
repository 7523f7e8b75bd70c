"""What must hold in a data home whatever was killed or raced (issue 12's invariants).

- every valid certificate at the MG CA is on a medium, parked, or in the cloud;
- fees charged = the fees of the certificates that were saved (or parked);
- at most one valid certificate per holder and kind;
- no staging folders, no leftover job folders or unfinished (unparked) jobs;
- every SQLite file passes ``PRAGMA integrity_check``;
- no CN (and so no NPKI folder) was handed out twice.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from mgcert.center import CertificateCenter, recovery
from mgcert.center.journal import JobState
from mgcert.clock import Clock
from mgcert.home import DataHome

PASSWORD = "Crash-test-2026"
PIN = "902741"
DEMO_PASSWORD = "Jihoon2580!"
NOW_TEXT = "2026-11-24T10:00:00+09:00"


@dataclass(frozen=True)
class Operation:
    name: str
    argv: tuple[str, ...]
    password: str
    fee: bool

    def env(
        self, home: DataHome, *, fast: bool = True, crash_at: str | None = None
    ) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if not key.startswith("MGCERT_")}
        env.update(
            MGCERT_HOME=str(home.root),
            MGCERT_NOW=NOW_TEXT,
            MGCERT_PASSWORD=self.password,
            MGCERT_PIN=PIN,
        )
        if fast:
            env["MGCERT_ITERATIONS"] = "2048"
        if crash_at is not None:
            env["MGCERT_TEST_CRASH_AT"] = crash_at
        return env


OPERATIONS = {
    op.name: op
    for op in (
        Operation(
            "universal",
            ("issue", "--customer", "1", "--kind", "universal", "--auto-verify"),
            PASSWORD,
            fee=True,
        ),
        Operation(
            "general",
            ("issue", "--customer", "4", "--kind", "general", "--auto-verify"),
            PASSWORD,
            fee=False,
        ),
        Operation(
            "reissue",
            ("reissue", "--customer", "3", "--kind", "general", "--auto-verify"),
            PASSWORD,
            fee=False,
        ),
        Operation(
            "renew", ("renew", "--name", "박지훈", "--auto-verify"), DEMO_PASSWORD, fee=False
        ),
        Operation(
            "financial", ("financial", "--customer", "1", "--auto-verify"), PASSWORD, fee=False
        ),
    )
}


def mgcert(
    *argv: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the real ``mgcert`` in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "mgcert", "--json", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def killed(result: subprocess.CompletedProcess[str]) -> bool:
    return result.returncode == -signal.SIGKILL


def check_invariants(home: DataHome) -> None:
    """Open the center (which rolls unfinished jobs forward or back), then check."""
    # A writer killed mid-copy leaves a fresh staging folder, which the center keeps
    # for its 10-minute grace (it could be a live writer's): let that time pass.
    an_hour_ago = time.time() - 3600
    for staging in home.media_dir.rglob(".mgcert-*"):
        os.utime(staging, (an_hour_ago, an_hour_ago))
    clock = Clock(pinned=datetime.fromisoformat(NOW_TEXT), state_file=home.clock_file)
    with CertificateCenter.open(home, clock, iterations=2048) as center:
        now = clock.now()
        valid = _valid_certificates(home.ca_db, now)
        kept: set[int] = set()
        for location in center.media():
            if location.kind.available:
                kept |= {e.serial for e in center.list_certificates(location).entries}
        parked = {recovery.load(folder).serial for folder in center.pending_recoveries()}
        cloud = {
            info.serial
            for sheet in center.simulator.sheets()
            if (info := center.financial_certificate(sheet.customer_id)) is not None
            and info.serial is not None
        }
        lost = {serial for serial, _, _ in valid} - kept - parked - cloud
        assert not lost, f"valid certificates with no key anywhere: {sorted(map(hex, lost))}"

        per_holder = Counter((cn.split("()")[0], kind) for _, cn, kind in valid)
        twice = {key: n for key, n in per_holder.items() if n > 1}
        assert not twice, f"more than one valid certificate: {twice}"

        jobs = center.journal.all()
        owed = sum(
            int(job.plan["completion"]["fee_won"])
            for job in jobs
            if job.state in (JobState.DONE, JobState.PARKED)
        )
        assert _net_fees(home.bank_db) == owed, "fees charged differ from certificates saved"
        unfinished = [job for job in jobs if job.state in (JobState.PLANNED, JobState.ISSUED)]
        assert not unfinished, f"jobs left unfinished: {unfinished}"
        parked_ids = {job.id for job in jobs if job.state is JobState.PARKED}

    leftovers = list(home.media_dir.rglob(".mgcert-*"))
    assert not leftovers, f"staging folders left: {leftovers}"
    if home.recovery_dir.is_dir():
        extra = [p.name for p in home.recovery_dir.iterdir() if p.name not in parked_ids]
        assert not extra, f"job folders left: {extra}"
    for db in (home.bank_db, home.ca_db, home.other_ca_db, home.journal_db):
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], db
    with sqlite3.connect(home.ca_db) as conn:
        cns = [row[0] for row in conn.execute("SELECT cn FROM certificates")]
    assert len(cns) == len(set(cns)), "a CN was handed out twice"


def _valid_certificates(ca_db: Path, now: datetime) -> list[tuple[int, str, str]]:
    with sqlite3.connect(ca_db) as conn:
        rows = conn.execute(
            "SELECT serial, cn, kind, not_after FROM certificates WHERE status = 'good'"
        ).fetchall()
    return [
        (int(serial, 16), cn, kind)
        for serial, cn, kind, not_after in rows
        if datetime.fromisoformat(not_after).astimezone(UTC) >= now
    ]


def _net_fees(bank_db: Path) -> int:
    with sqlite3.connect(bank_db) as conn:
        rows = conn.execute("SELECT kind, amount_won FROM ledger").fetchall()
    return sum(amount if kind == "debit" else -amount for kind, amount in rows)
