"""Cold start and peak memory of `mgcert` against a one-screen Textual app.

    python benchmarks/startup.py [--runs N]

Each run is a fresh interpreter (what a user pays), started the way the ``mgcert``
command starts (``mgcert.cli.main([])``, only ``App.run`` made headless). Measured per
run:

- first screen: from interpreter start until the first screen has been drawn once
  (its first ``call_after_refresh``), the same moment for both apps;
- center open: until the certificate center (opened in the background after the first
  screen, mgcert.tui.loader) is ready, so every menu answers at once;
- peak RSS at the first screen (VmHWM then) and for the whole run (ru_maxrss, which
  includes the open center).

The data home is prepared, and bytecode is compiled, by one warm-up run first (as after
installing with pip); first-run CA creation is reported separately. Runs alternate
between the apps so drift hits both alike. Targets (issue 8): start-up <= 1.15x and
memory <= 1.3x the one-screen app.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Run:
    first_screen: float  # seconds
    center_open: float  # seconds (0 for the baseline)
    rss_first_screen: float  # MiB
    rss_peak: float  # MiB


def _run_child(which: str, home: Path) -> Run:
    env = {**os.environ, "MGCERT_HOME": str(home), "TERM": "xterm-256color"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    with tempfile.TemporaryFile() as errors:
        proc = subprocess.Popen(
            [sys.executable, str(HERE / "_launch.py"), which],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
        )
        assert proc.stdout is not None
        out = proc.stdout.read().decode()
        _, status, usage = os.wait4(proc.pid, 0)  # usage.ru_maxrss: the child's peak, KiB
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0 or not out.strip():
            errors.seek(0)
            detail = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{which} child failed (exit {proc.returncode}): {detail}")
    first, center, rss = out.split()
    return Run(float(first), float(center), int(rss) / 1024, usage.ru_maxrss / 1024)


def _median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        t0 = time.perf_counter()
        _run_child("mgcert", home)  # first run: creates the CAs and the demo bank
        first_run = time.perf_counter() - t0
        _run_child("baseline", home)
        results: dict[str, list[Run]] = {"baseline": [], "mgcert": []}
        for _ in range(args.runs):
            for which, runs in results.items():
                runs.append(_run_child(which, home))
    base, app = results["baseline"], results["mgcert"]
    print(f"first run of a fresh data home (CA + demo bank creation): {first_run:.2f} s\n")
    header = (
        f"{'':<26}{'first screen':>14}{'center open':>14}{'RSS 1st screen':>16}{'RSS peak':>11}"
    )
    print(header)
    for label, runs in (("one-screen Textual app", base), ("mgcert", app)):
        center = _median(runs, "center_open")
        print(
            f"{label:<26}{_median(runs, 'first_screen') * 1000:>11.0f} ms"
            f"{(f'{center * 1000:.0f} ms' if center else '—'):>14}"
            f"{_median(runs, 'rss_first_screen'):>12.1f} MiB"
            f"{max(r.rss_peak for r in runs):>7.1f} MiB"
        )
    ratio = _median(app, "first_screen") / _median(base, "first_screen")
    rss_first = _median(app, "rss_first_screen") / _median(base, "rss_first_screen")
    rss_peak = max(r.rss_peak for r in app) / max(r.rss_peak for r in base)
    print(f"{'ratio':<26}{ratio:>13.2f}x{'':>14}{rss_first:>15.2f}x{rss_peak:>10.2f}x")
    spread = sorted(r.first_screen * 1000 for r in app), sorted(r.first_screen * 1000 for r in base)
    print(
        f"\n{args.runs} runs each (first screen, quartiles: mgcert "
        f"{spread[0][len(spread[0]) // 4]:.0f}–{spread[0][3 * len(spread[0]) // 4]:.0f} ms, "
        f"baseline {spread[1][len(spread[1]) // 4]:.0f}–{spread[1][3 * len(spread[1]) // 4]:.0f}"
        f" ms), {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )


if __name__ == "__main__":
    main()
