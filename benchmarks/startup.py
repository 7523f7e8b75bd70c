"""Cold start and peak memory of `mgcert` against a one-screen Textual app.

    python benchmarks/startup.py [--runs N]

Each run is a fresh interpreter (what a user pays), started the way the ``mgcert``
command starts (``mgcert.cli.main([])``, only ``App.run`` made headless). Measured per
run:

- first screen: from interpreter start until the first screen is complete (its footer
  shows the keys) and has been drawn, the same moment for both apps; the median, and
  the fastest run (on a shared VM, scheduling noise only ever adds time);
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
    _report(results["baseline"], results["mgcert"], first_run, args.runs)


def _quartiles(runs: list[Run]) -> str:
    times = sorted(run.first_screen * 1000 for run in runs)
    return f"{times[len(times) // 4]:.0f}–{times[3 * len(times) // 4]:.0f} ms"


def _report(base: list[Run], app: list[Run], first_run: float, count: int) -> None:
    print(f"first run of a fresh data home (CA + demo bank creation): {first_run:.2f} s\n")
    print(
        f"{'':<24}{'first screen':>14}{'(fastest)':>11}{'center open':>13}"
        f"{'RSS 1st screen':>16}{'RSS peak':>11}"
    )
    for label, runs in (("one-screen Textual app", base), ("mgcert", app)):
        center = _median(runs, "center_open")
        print(
            f"{label:<24}{_median(runs, 'first_screen') * 1000:>11.0f} ms"
            f"{min(r.first_screen for r in runs) * 1000:>8.0f} ms"
            f"{(f'{center * 1000:.0f} ms' if center else '—'):>13}"
            f"{_median(runs, 'rss_first_screen'):>12.1f} MiB"
            f"{max(r.rss_peak for r in runs):>7.1f} MiB"
        )

    def ratio(field: str) -> float:
        return _median(app, field) / _median(base, field)

    fastest = min(r.first_screen for r in app) / min(r.first_screen for r in base)
    peak = max(r.rss_peak for r in app) / max(r.rss_peak for r in base)
    print(
        f"{'ratio':<24}{ratio('first_screen'):>13.2f}x{fastest:>10.2f}x"
        f"{'':>13}{ratio('rss_first_screen'):>15.2f}x{peak:>10.2f}x"
    )
    print(
        f"\nmedians of {count} runs each; first-screen quartiles: mgcert {_quartiles(app)}, "
        f"baseline {_quartiles(base)}; {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )


if __name__ == "__main__":
    main()
