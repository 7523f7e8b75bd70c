"""``mgcert web`` in headless Chromium: a learner starts a mission and types a key."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import SCREENSHOTS, WebServer, wait_for_text
from test_web_browser import enter_name, new_page  # noqa: F401 (a fixture)

from mgcert.messages import practice as practice_msg
from mgcert.messages import practice_tui as msg
from mgcert.messages import tui as tui_msg
from mgcert.tui.menu import MENU

pytestmark = pytest.mark.slow  # a server, a browser, a try prepared in its process


def test_a_mission_can_be_started_and_a_key_typed(
    web_server: WebServer,
    new_page: Any,  # noqa: F811
) -> None:
    page = new_page(web_server.url)
    enter_name(page, "")
    wait_for_text(page, tui_msg.MENU_ISSUE)
    # Once its center is open, a browser tab's home shows it is a practice home.
    home = wait_for_text(page, msg.MARK.strip())
    assert msg.MENU_PRACTICE in home
    for _ in range([item.key for item in MENU].index("practice")):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    wait_for_text(page, msg.NO_TIME_LIMIT.split(" (")[0])
    page.keyboard.press("Enter")  # the first mission
    sheet = wait_for_text(page, msg.SHEET_START, timeout=60)
    assert practice_msg.FIRST_ISSUE_GOAL[:10] in sheet
    page.keyboard.press("Enter")  # 시작하기
    wait_for_text(page, "F6 힌트")
    page.keyboard.press("F6")  # a key: the first hint
    shown = wait_for_text(page, practice_msg.FIRST_ISSUE_HINTS[0][:12])
    assert msg.MARK.strip() in shown
    page.screenshot(path=str(SCREENSHOTS / "web-mission.png"))
    assert list(web_server.root.glob("practice/*/practice/first-issue/1/situation.json"))
