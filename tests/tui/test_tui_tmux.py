"""The installed `mgcert`, in a real terminal (tmux), issues a certificate by keystrokes.

Codes come from the simulator panel as a person would read them: the SMS inbox on the
휴대폰 tab and the grid on the 보안카드 tab. After every key that moves the focus (Tab,
Enter to the next field, six digits of a 주민등록번호) the test waits until the screen
shows the move (the styled screen changes) before it types on, as a person looks
before typing; between steps it polls for what must appear next, never a fixed sleep,
so a slow machine only makes it slower.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from mgcert.bank import DEMO_CUSTOMERS, DemoScenario

NOW = "2026-11-24T10:00:00+09:00"
PASSWORD = "Mg!Cert2026x"
TIMEOUT = 30.0
ENTER = "\r"


class Terminal:
    """One tmux session running mgcert; keys in, screen text out."""

    def __init__(self, name: str) -> None:
        self.name = name

    def keys(self, *keys: str) -> None:
        """Named keys (tmux names: Tab, Enter, F2, Down…), all in one burst."""
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        """Literal text in one burst; TAB and ENTER inside it act as those keys."""
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def press(self, key: str) -> None:
        """A key that moves the focus; returns once the screen shows that it did."""
        before = self.styled_screen()
        self.keys(key)
        self.wait_until_changed(before)

    def type_moving(self, text: str) -> None:
        """Text whose last character moves the focus on (a full 주민등록번호 half)."""
        before = self.styled_screen()
        self.type(text)
        self.wait_until_changed(before)

    def styled_screen(self) -> str:
        """The screen with its colours: a focus move changes it even where no text does."""
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-e", "-t", self.name], check=True, capture_output=True
        )
        return result.stdout.decode("utf-8", "replace")

    def wait_until_changed(self, before: str, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while self.styled_screen() == before:
            if time.monotonic() > deadline:
                pytest.fail(f"the screen never changed; it was:\n{self.screen()}")
            time.sleep(0.05)

    def screen(self) -> str:
        result = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], check=True, capture_output=True
        )
        return result.stdout.decode("utf-8", "replace")

    def wait_for(self, pattern: str, timeout: float = TIMEOUT) -> re.Match[str]:
        """Poll the screen until ``pattern`` (a regex) shows; fail with the screen if not."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            match = re.search(pattern, screen)
            if match is not None:
                return match
            if time.monotonic() > deadline:
                pytest.fail(f"{pattern!r} never appeared; screen was:\n{screen}")
            time.sleep(0.2)


@pytest.fixture
def terminal(tmp_path: Path) -> Terminal:
    if shutil.which("tmux") is None or shutil.which("mgcert") is None:
        pytest.fail("tmux and the installed mgcert are needed for this test")
    name = f"mgcert-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    home = tmp_path / "home"
    command = f"env LANG=C.UTF-8 MGCERT_HOME={home} MGCERT_NOW={NOW} TERM=xterm-256color mgcert"
    subprocess.run(
        ["tmux", "-u", "new-session", "-d", "-s", name, "-x", "100", "-y", "36", command],
        check=True,
    )
    try:
        yield Terminal(name)  # type: ignore[misc]
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], check=False, capture_output=True)


@pytest.mark.slow
def test_installed_mgcert_issues_a_certificate_by_keystrokes(
    terminal: Terminal, tmp_path: Path
) -> None:
    customer = next(c for c in DEMO_CUSTOMERS if c.scenario is DemoScenario.ORDINARY)
    account = customer.accounts[0]
    t = terminal

    t.wait_for("공동인증서 발급/재발급")
    t.keys("Enter")
    t.wait_for("인증서 종류 선택")
    t.press("Tab")
    t.press("Space")  # 동의 ticked
    t.press("Tab")
    t.keys("Enter")

    t.wait_for("본인 확인을 위해")
    t.type_moving(customer.rrn[:6])  # six digits move on to the back half by themselves
    t.type(customer.rrn[6:])
    t.press("Tab")
    t.type(account.number)
    t.press("Tab")
    t.type(account.password + ENTER)

    t.wait_for("전체 동의")
    t.press("Space")  # 전체 동의 ticks every term and moves on to the button
    t.keys("Enter")

    t.wait_for("방법을 고르세요")
    t.press("Down")  # 1회용 SMS 인증번호 (arrows choose)
    t.press("Tab")
    t.keys("Enter")
    t.wait_for("인증번호 받기")
    t.keys("Enter")
    t.wait_for("인증번호를 보냈습니다")

    # The phone: F2, along the tab strip to 휴대폰, read the SMS.
    t.keys("F2")
    t.wait_for("고객이 가진 휴대폰")
    t.keys("Right", "Right", "Right")
    code = t.wait_for(r"인증번호 \[(\d{6})\]").group(1)
    t.keys("Escape")
    t.wait_for("인증번호를 보냈습니다")
    t.type(code + ENTER)

    t.wait_for("추가 인증 수단")
    t.press("Tab")  # 보안카드 is chosen already
    t.keys("Enter")
    cells = t.wait_for(r"\[(\d\d)\]번 앞 두 자리(?s:.*)\[(\d\d)\]번 뒤 두 자리")
    first_cell, second_cell = int(cells.group(1)), int(cells.group(2))

    # The card: F2, to the 보안카드 tab, read the two cells off the grid.
    t.keys("F2")
    t.wait_for("고객이 가진 휴대폰")
    t.keys("Right")
    t.wait_for(r"보안카드 \(일련번호")
    grid = dict(re.findall(r"\b(\d\d) (\d{4})\b", t.screen()))
    t.keys("Escape")
    t.wait_for("번 앞 두 자리")
    t.type(grid[f"{first_cell:02d}"][:2])
    t.press("Enter")  # on to the second cell
    t.type(grid[f"{second_cell:02d}"][2:] + ENTER)

    t.wait_for("저장매체 선택")
    t.press("Tab")  # 하드디스크 is chosen already
    t.keys("Enter")
    t.wait_for("인증서 비밀번호 설정")
    t.type(PASSWORD)
    t.press("Enter")  # on to the confirmation
    t.type(PASSWORD + ENTER)
    t.wait_for("인증서가 발급되었습니다", timeout=90)
    t.wait_for(customer.name)

    folders = [
        path.parent
        for path in (tmp_path / "home" / "media" / "harddisk").rglob("signCert.der")
        if customer.name in path.parent.name
    ]
    assert len(folders) == 1
    assert (folders[0] / "signPri.key").stat().st_size > 0
    t.keys("C-q")
