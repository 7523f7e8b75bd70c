"""One 공동인증서 issuance through the center, broken down by stage, against its floor.

    python benchmarks/issuance.py [--runs N]

Each run walks the real flow (customer, terms, SMS, OTP) and issues at the DEFAULT KDF
iteration count, timing the stages from the center's progress callback:
key generation, CSR + VID, CA signing, key-file encryption, atomic write. The floor is
what no implementation can avoid: one RSA-2048 key generation plus one PBKDF2-HMAC-SHA1
at the same iteration count.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from mgcert.center import CertificateCenter, IssueStage
from mgcert.clock import KST, Clock
from mgcert.home import DataHome
from mgcert.npki.keyfile import DEFAULT_ITERATIONS
from mgcert.npki.keys import generate_key_pair
from mgcert.npki.profile import CertificateKind

CUSTOMER = ("850315-1000010", "9002-0000-0001-1", "1234")  # 김민준, demo data
PASSWORD = "Bench-mark-2026!"
STAGES = [
    (IssueStage.KEY_PAIR, "key generation (RSA-2048)"),
    (IssueStage.CSR, "CSR + randomNum + VID"),
    (IssueStage.CA_SIGNING, "CA signing + register"),
    (IssueStage.ENCRYPTING, f"key-file encryption ({DEFAULT_ITERATIONS:,} it.)"),
    (IssueStage.WRITING, "atomic write (tmp, fsync, rename)"),
]


def _one_issuance(center: CertificateCenter, customer_id: int) -> dict[IssueStage, float]:
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(*CUSTOMER)
    flow.agree_terms(True)
    flow.send_sms()
    flow.verify_sms(center.simulator.sms_inbox(customer_id)[0].code)
    flow.verify_otp(center.simulator.otp(customer_id).code)
    marks: list[tuple[IssueStage, float]] = []
    flow.issue(
        center.media()[0],
        PASSWORD,
        PASSWORD,
        progress=lambda stage: marks.append((stage, time.perf_counter())),
    )
    marks.append((IssueStage.DONE, time.perf_counter()))
    durations: dict[IssueStage, float] = {}
    for (stage, start), (_, end) in itertools.pairwise(marks):
        durations[stage] = durations.get(stage, 0.0) + end - start
    return durations


def _floor() -> float:
    start = time.perf_counter()
    generate_key_pair()
    hashlib.pbkdf2_hmac("sha1", PASSWORD.encode(), os.urandom(8), DEFAULT_ITERATIONS, 16)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs: list[dict[IssueStage, float]] = []
    floors: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        home = DataHome(Path(tmp) / "home").ensure()
        # Pinned clock: OTP codes are then single-use per run, so move it 31 s each time.
        clock = Clock(pinned=datetime(2026, 11, 24, 10, 0, tzinfo=KST))
        with CertificateCenter.open(home, clock) as center:
            customer_id = next(c.id for c in center.bank.customers() if c.name == "김민준")
            for _ in range(args.runs):
                runs.append(_one_issuance(center, customer_id))
                floors.append(_floor())
                clock.advance(timedelta(seconds=121))  # next OTP step; SMS: 5 per 10 min
    print(f"{'stage':<44}{'median':>10}")
    total = 0.0
    for stage, label in STAGES:
        value = statistics.median(r.get(stage, 0.0) for r in runs)
        total += value
        print(f"{label:<44}{value * 1000:>7.0f} ms")
    whole = statistics.median(sum(r.values()) for r in runs)
    floor = statistics.median(floors)
    print(f"{'whole issuance (median of sums)':<44}{whole * 1000:>7.0f} ms")
    print(f"{'floor: key generation + KDF alone':<44}{floor * 1000:>7.0f} ms")
    print(f"{'ratio to floor':<44}{whole / floor:>9.2f}x")
    print(f"\n{args.runs} runs, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
