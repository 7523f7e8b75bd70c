"""How many browser tabs one ``mgcert web`` serves with each first screen within 2 s.

    python benchmarks/web_capacity.py [--start 1] [--limit 2.0] [--max 64]

One ``mgcert web`` (a real subprocess, as a teacher runs it) and one headless Chromium
(Debian's ``/usr/bin/chromium`` through Playwright); for N = 1, 2, 4, 8, … tabs opened
at the same moment, measured per round:

- first screen: from the tab's ``page.goto`` until the name question is on its
  terminal (read from xterm.js's buffer): the page, the websocket, the tab's own
  Python process and its first frame — what a learner waits for;
- CPU to first screen: user + system seconds of each tab's process by then (what
  the machine's cores pay per tab, whatever else runs beside);
- menu: from Enter (no name, a fresh practice home) until the 인증센터 menu is drawn
  and the center behind it is open (a new home makes its CAs: the heavy part);
- memory per session: RSS and USS (memory only that process holds) of each tab's
  process, from /proc through psutil, once every menu is up; and the server's RSS.

A warm-up tab comes first (not counted). The 1-minute load average after each round
is printed: on a shared machine other work moves every figure. Rounds stop after the
first one whose slowest first screen exceeds ``--limit``; the
browser's own memory is not counted (it is on the learners' machines). The tabs of a
round are closed, and their processes gone, before the next round starts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mgcert.messages import tui as tui_msg  # noqa: E402
from mgcert.messages import web as web_msg  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
READ_SCREEN = """() => {
  const term = (window.textualTerminals || [])[0];
  if (!term) return "";
  const buffer = term.buffer.active, rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
}"""
TIMEOUT = 120.0


@dataclass(frozen=True)
class Round:
    tabs: int
    first_screens: list[float]
    menus: list[float]
    cpu_first: list[float]  # CPU seconds (user + system) of each tab's process at its first screen
    rss_mib: list[float]
    uss_mib: list[float]
    server_rss_mib: float
    load: float  # 1-minute load average after the round (other work on the machine)

    @property
    def slowest_first(self) -> float:
        return max(self.first_screens)


def start_server(root: Path) -> tuple[subprocess.Popen[str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MGCERT_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, "-m", "mgcert", "web", "--root", str(root), "--port", "0"]
    command += ["--json", "--max-sessions", "500"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line:
        raise SystemExit("mgcert web did not start")
    return process, json.loads(line)["urls"][0]


async def wait_for(page: Any, wanted: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if wanted in await page.evaluate(READ_SCREEN):
            return
        await asyncio.sleep(0.05)  # each look costs the browser CPU the tabs share
    raise TimeoutError(f"{wanted!r} never appeared")


async def first_screen(context: Any, url: str) -> tuple[Any, float]:
    page = await context.new_page()
    started = time.monotonic()
    await page.goto(url)
    await wait_for(page, web_msg.NAME_TITLE)
    return page, time.monotonic() - started


async def menu(page: Any) -> float:
    answered = time.monotonic()
    await page.keyboard.press("Enter")
    await wait_for(page, tui_msg.MENU_ISSUE)
    return time.monotonic() - answered


def cpu_seconds(processes: list[psutil.Process]) -> list[float]:
    found = []
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        found.append(times.user + times.system)
    return found


def session_processes(server: psutil.Process) -> list[psutil.Process]:
    found = []
    for child in server.children(recursive=True):
        try:
            command = child.cmdline()
        except psutil.NoSuchProcess:
            continue
        # The tab's Python, not the /bin/sh textual-serve starts it through.
        if "mgcert.web.session" in command and "python" in Path(command[0]).name:
            found.append(child)
    return found


async def run_round(browser: Any, url: str, server: psutil.Process, tabs: int) -> Round:
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    shown = await asyncio.gather(*(first_screen(context, url) for _ in range(tabs)))
    # Every tab shows its question before anyone answers: the first screens are
    # measured without centers opening beside them.
    cpu = cpu_seconds(session_processes(server))
    menus = await asyncio.gather(*(menu(page) for page, _ in shown))
    rss, uss = [], []
    for process in session_processes(server):
        try:
            info = process.memory_full_info()
        except psutil.NoSuchProcess:
            continue
        rss.append(info.rss / 2**20)
        uss.append(info.uss / 2**20)
    server_rss = server.memory_info().rss / 2**20
    await context.close()
    deadline = time.monotonic() + 30
    while session_processes(server) and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    return Round(
        tabs,
        [first for _, first in shown],
        list(menus),
        cpu,
        rss,
        uss,
        server_rss,
        os.getloadavg()[0],
    )


def print_table(rounds: list[Round], limit: float) -> None:
    print()
    print(
        f"{'tabs':>5} {'first screen median / max (s)':>31} {'CPU to first (s)':>17}"
        f" {'menu median / max (s)':>23}"
        f" {'RSS/session (MiB)':>18} {'USS/session (MiB)':>18} {'server RSS':>11} {'load':>5}"
    )
    for r in rounds:
        first = f"{statistics.median(r.first_screens):.2f} / {r.slowest_first:.2f}"
        menu = f"{statistics.median(r.menus):.2f} / {max(r.menus):.2f}"
        rss = f"{statistics.mean(r.rss_mib):.0f}" if r.rss_mib else "-"
        uss = f"{statistics.mean(r.uss_mib):.0f}" if r.uss_mib else "-"
        mark = "  > limit" if r.slowest_first > limit else ""
        cpu = f"{statistics.median(r.cpu_first):.2f}" if r.cpu_first else "-"
        print(
            f"{r.tabs:>5} {first:>31} {cpu:>17} {menu:>23} {rss:>18} {uss:>18}"
            f" {r.server_rss_mib:>10.0f}M {r.load:>5.1f}{mark}"
        )
    within = [r.tabs for r in rounds if r.slowest_first <= limit]
    cpus = os.cpu_count()
    memory = psutil.virtual_memory().total / 2**30
    print()
    print(f"machine: {cpus} CPUs, {memory:.1f} GiB RAM")
    if within:
        print(f"most tabs with every first screen within {limit:.1f} s: {max(within)}")
    else:
        print(f"no round had every first screen within {limit:.1f} s")


async def main_async(args: argparse.Namespace) -> None:
    from playwright.async_api import async_playwright

    with tempfile.TemporaryDirectory(prefix="mgcert-web-capacity-") as folder:
        process, url = start_server(Path(folder) / "classroom")
        server = psutil.Process(process.pid)
        rounds: list[Round] = []
        try:
            async with async_playwright() as playwright:
                browser = await playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
                )
                # Not counted: Chromium's first context, the server's first page, and
                # the bytecode of a tab's process (as after pip install).
                await run_round(browser, url, server, 1)
                tabs = args.start
                while tabs <= args.max:
                    result = await run_round(browser, url, server, tabs)
                    rounds.append(result)
                    print(
                        f"{tabs} tabs: slowest first screen {result.slowest_first:.2f} s, "
                        f"slowest menu {max(result.menus):.2f} s",
                        flush=True,
                    )
                    if result.slowest_first > args.limit:
                        break
                    tabs = tabs * 2 if tabs < 8 else tabs + 8
                await browser.close()
        finally:
            process.send_signal(2)
            process.wait(30)
        print_table(rounds, args.limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--start", type=int, default=1)
    parser.add_argument("--limit", type=float, default=2.0, help="seconds (default 2.0)")
    parser.add_argument("--max", type=int, default=64)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
