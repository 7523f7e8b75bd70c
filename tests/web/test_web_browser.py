"""``mgcert web`` in headless Chromium: the page, the menu, keys, homes per tab, names."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    SCREENSHOTS,
    WebServer,
    start_server,
    wait_for_screen,
    wait_for_text,
    wait_until,
)

from mgcert.messages import tui as tui_msg
from mgcert.messages import web as msg

pytestmark = pytest.mark.slow  # a server, a browser and a process per tab: ~30 s

NAME_HEADING = msg.NAME_TITLE
MENU_ITEM = tui_msg.MENU_ISSUE


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """Open pages (one context each, as separate browser tabs would be); all closed after."""
    contexts: list[Any] = []

    def open_page(url: str) -> Any:
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        contexts.append(context)
        page = context.new_page()
        page.goto(url)
        return page

    yield open_page
    for context in contexts:
        context.close()


def enter_name(page: Any, name: str) -> None:
    wait_for_text(page, NAME_HEADING)
    page.click("#terminal")
    if name:
        page.keyboard.type(name)
    page.keyboard.press("Enter")


def practice_homes(server: WebServer) -> list[Path]:
    folder = server.root / "practice"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_the_menu_appears_and_a_key_changes_the_screen(
    web_server: WebServer, new_page: Any
) -> None:
    page = new_page(web_server.url)
    wait_for_text(page, NAME_HEADING)
    assert_two_cell_hangul_font(page)
    page.screenshot(path=str(SCREENSHOTS / "web-name.png"))
    enter_name(page, "")
    home = wait_for_text(page, MENU_ITEM)
    assert tui_msg.HOME_INTRO in home
    page.screenshot(path=str(SCREENSHOTS / "web-home.png"))
    page.keyboard.press("Enter")  # the first item: 공동인증서 발급/재발급
    changed = wait_for_screen(page, lambda text: tui_msg.HOME_INTRO not in text)
    assert changed != home
    page.screenshot(path=str(SCREENSHOTS / "web-issue.png"))


def assert_two_cell_hangul_font(page: Any) -> None:
    """xterm.js draws with "mgcert cells", loaded, Hangul and jamo twice ASCII's width."""
    drawn = page.evaluate(
        """() => {
          const term = window.textualTerminals[0];
          const context = document.createElement("canvas").getContext("2d");
          context.font = "16px 'mgcert cells'";
          return {
            family: term.options.fontFamily,
            loaded: document.fonts.check("16px 'mgcert cells'", "가"),
            ascii: context.measureText("A").width,
            hangul: context.measureText("가").width,
            jamo: context.measureText("ㄱ").width,
          };
        }"""
    )
    assert drawn["family"].startswith("'mgcert cells'")
    assert drawn["loaded"] is True
    assert drawn["hangul"] == pytest.approx(2 * drawn["ascii"])
    assert drawn["jamo"] == pytest.approx(2 * drawn["ascii"])


def test_fontsize_in_the_url_sizes_the_terminal(web_server: WebServer, new_page: Any) -> None:
    """1280 px wide: 160 columns of 8 px at the default 16 px, about 110 at 24 px."""
    columns = "() => window.textualTerminals[0].cols"
    page = new_page(web_server.url + "?fontsize=16")
    bigger = new_page(web_server.url + "?fontsize=24")
    wait_for_text(page, NAME_HEADING)
    wait_for_text(bigger, NAME_HEADING)
    assert page.evaluate(columns) == 160
    assert 80 <= bigger.evaluate(columns) <= 120  # still the 80 the screens need


def test_two_tabs_get_two_homes_removed_when_they_close(
    web_server: WebServer, new_page: Any
) -> None:
    before = practice_homes(web_server)
    first, second = new_page(web_server.url), new_page(web_server.url)
    for page in (first, second):
        enter_name(page, "")
    for page in (first, second):
        wait_for_text(page, MENU_ITEM)
    wait_until(lambda: len(practice_homes(web_server)) == len(before) + 2)
    homes = [home for home in practice_homes(web_server) if home not in before]
    wait_until(lambda: all((home / "manifest.json").is_file() for home in homes))
    assert homes[0] != homes[1]
    first.context.close()
    second.context.close()
    wait_until(lambda: not any(home.exists() for home in homes))


def test_a_named_learner_comes_back_to_the_same_home(web_server: WebServer, new_page: Any) -> None:
    before = practice_homes(web_server)
    page = new_page(web_server.url)
    enter_name(page, "김연습")
    first = wait_for_text(page, MENU_ITEM)
    assert "김연습 ·" in first
    home = web_server.root / "learners" / "김연습"
    wait_until(lambda: (home / "manifest.json").is_file())
    made = (home / "manifest.json").stat().st_mtime_ns
    page.context.close()
    again = new_page(web_server.url)  # the old process may still be closing: it waits
    enter_name(again, "김연습")
    assert "김연습 ·" in wait_for_text(again, MENU_ITEM)
    assert (home / "manifest.json").stat().st_mtime_ns == made  # opened, not made again
    assert (home / "practice.json").is_file()
    assert practice_homes(web_server) == before  # no fresh home for a named learner
    at_once = new_page(web_server.url)  # a second tab while the first is open
    enter_name(at_once, "김연습")
    wait_for_text(at_once, "다른 창에서 쓰고 있습니다")


def test_a_bad_name_is_refused_in_korean(web_server: WebServer, new_page: Any) -> None:
    page = new_page(web_server.url)
    enter_name(page, "../etc")
    text = wait_for_text(page, "만 쓸 수 있습니다")
    assert NAME_HEADING in text
    assert not (web_server.root / "etc").exists()


def test_ctrl_c_ends_the_class_and_every_tab(tmp_path: Path, browser: Any, new_page: Any) -> None:
    server = start_server(tmp_path / "classroom")
    try:
        page = new_page(server.url)
        enter_name(page, "")
        wait_for_text(page, MENU_ITEM)
        [home] = practice_homes(server)
    finally:
        status = server.stop()
    out, err = server.process.communicate(timeout=10)
    assert status == 0
    assert '"stopped": true' in out
    assert "Traceback" not in out + err
    assert not home.exists()  # the tab's process ended and removed its fresh home
    wait_until(lambda: "-closed" in page.evaluate("() => document.body.className"))
