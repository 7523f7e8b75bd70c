"""Browser fixtures: a real ``mgcert web`` subprocess and Debian's Chromium via Playwright.

Playwright drives ``/usr/bin/chromium`` (``.ci/run`` installs the Debian package);
Playwright's own browser download is never used. The terminal's screen is read from
xterm.js's buffer (``window.textualTerminals``, listed by mgcert.web.server's script).
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.constants import FAST_ITERATIONS as FIXTURE_KDF

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# The browser screenshots go to screenshots/ (the README's) only when asked for
# (MGCERT_WRITE_SCREENSHOTS=1, then look at them); a plain test run leaves the tree clean.
SCREENSHOTS = (
    ROOT / "screenshots"
    if os.environ.get("MGCERT_WRITE_SCREENSHOTS") == "1"
    else Path(tempfile.mkdtemp(prefix="mgcert-web-shots-"))
)
FAST_ITERATIONS = str(FIXTURE_KDF)  # for an environment variable

# Every row of the terminal as text (wide characters once, as typed).
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


@dataclass
class WebServer:
    """A running ``mgcert web``: its process, URL and learners' root."""

    process: subprocess.Popen[str]
    url: str
    root: Path

    def stop(self) -> int:
        """Ctrl+C, as a teacher ends the class; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
            raise


def server_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MGCERT_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["MGCERT_ITERATIONS"] = FAST_ITERATIONS
    env["MGCERT_NOW"] = "2026-11-24T10:00:00+09:00"
    return env


def start_server(root: Path, *options: str) -> WebServer:
    """``mgcert web --port 0 --json`` and the URL of its first line."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mgcert",
            "web",
            "--root",
            str(root),
            "--port",
            "0",
            "--json",
            *options,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=server_environment(),
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 20)
    line = process.stdout.readline() if ready else ""
    if not line:
        process.kill()
        _, err = process.communicate(timeout=10)
        raise AssertionError(f"mgcert web did not start: {err}")
    announced = json.loads(line)
    return WebServer(process, announced["urls"][0], root)


@pytest.fixture(scope="module")
def web_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebServer]:
    server = start_server(tmp_path_factory.mktemp("web") / "classroom")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield chromium
        chromium.close()


def screen(page: object) -> str:
    return str(page.evaluate(READ_SCREEN))  # type: ignore[attr-defined]


def wait_for_screen(page: object, check: Callable[[str], bool], timeout: float = 20.0) -> str:
    """The screen once ``check(text)`` holds; AssertionError with the screen if never."""
    deadline = time.monotonic() + timeout
    text = ""
    while time.monotonic() < deadline:
        text = screen(page)
        if check(text):
            return text
        time.sleep(0.1)
    raise AssertionError(f"the screen never matched; last screen:\n{text}")


def wait_for_text(page: object, wanted: str, timeout: float = 20.0) -> str:
    return wait_for_screen(page, lambda text: wanted in text, timeout)


def wait_until(check: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("condition never held")
