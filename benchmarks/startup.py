"""Cold start and peak memory of `mgcert` against a one-screen Textual app.

    python benchmarks/startup.py [--runs N]

Each run is a fresh interpreter (what a user pays): time from interpreter start to the
first screen being ready, and the child's peak RSS (ru_maxrss from wait4). The data home
is prepared once beforehand (first-run CA creation is reported separately), so the
numbers measure starting the app, not creating a bank.
Targets (issue 8): start-up <= 1.15x, memory <= 1.3x the one-screen app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _run_child(which: str, home: Path) -> tuple[float, int]:
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "_launch.py"), which, str(home)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MGCERT_HOME": str(home), "TERM": "xterm-256color"},
    )
    assert proc.stdout is not None
    out = proc.stdout.read().decode().strip()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0 or not out:
        raise SystemExit(f"{which} child failed (exit {proc.returncode})")
    return float(out.splitlines()[-1]), usage.ru_maxrss  # ru_maxrss is KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        t0 = time.perf_counter()
        _run_child("mgcert", home)  # first run: creates the CAs and the demo bank
        first_run = time.perf_counter() - t0
        results: dict[str, list[tuple[float, int]]] = {"baseline": [], "mgcert": []}
        for _ in range(args.runs):  # interleaved so drift hits both alike
            for which in results:
                results[which].append(_run_child(which, home))
    med = {k: statistics.median(t for t, _ in v) for k, v in results.items()}
    mem = {k: max(m for _, m in v) / 1024 for k, v in results.items()}
    print(f"first run of a fresh data home (CA + demo bank creation): {first_run:.2f} s\n")
    print(f"{'app':<22}{'start-up (median)':>20}{'peak RSS':>14}")
    print(
        f"{'one-screen Textual':<22}{med['baseline'] * 1000:>17.0f} ms{mem['baseline']:>11.1f} MiB"
    )
    print(f"{'mgcert':<22}{med['mgcert'] * 1000:>17.0f} ms{mem['mgcert']:>11.1f} MiB")
    print(
        f"{'ratio':<22}{med['mgcert'] / med['baseline']:>19.2f}x"
        f"{mem['mgcert'] / mem['baseline']:>13.2f}x"
    )
    print(f"\n{args.runs} runs each, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
