"""The classroom server without a browser: page, font, script edits, Origin, CLI errors."""

from __future__ import annotations

import socket
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from mgcert.cli.main import main
from mgcert.web import server as web_server
from mgcert.web.server import (
    FONT_FILE,
    ClassroomServer,
    WebPageUnavailable,
    font_size,
    page_script,
    urls_for,
)


@pytest.fixture
async def client() -> TestClient:  # type: ignore[misc]
    server = ClassroomServer("true", max_sessions=1)
    async with TestClient(TestServer(await server._make_app())) as test_client:
        yield test_client


async def test_the_page_fetches_nothing_from_outside_and_names_the_font(
    client: TestClient,
) -> None:
    response = await client.get("/?fontsize=24")
    assert response.status == 200
    page = await response.text()
    assert "googleapis" not in page
    assert "https://" not in page
    assert 'data-font-size="24"' in page
    assert "mgcert cells" in page
    assert "/mgcert/cells.woff2" in page
    assert f'data-session-websocket-url="ws://{client.host}:{client.port}/ws"' in page
    assert "연습 화면이 닫혔습니다" in page


async def test_the_font_and_the_edited_script_are_served(client: TestClient) -> None:
    font = await client.get("/mgcert/cells.woff2")
    assert font.headers["Content-Type"] == "font/woff2"
    assert await font.read() == FONT_FILE.read_bytes()
    script = await (await client.get("/mgcert/textual.js")).text()
    assert "e.dataset.fontFamily||" in script
    assert "window.textualTerminals" in script
    license_text = await (await client.get("/mgcert/OFL.txt")).text()
    assert "SIL OPEN FONT LICENSE" in license_text.upper()


def test_the_font_has_every_hangul_syllable_in_two_cells() -> None:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    font = TTFont(FONT_FILE)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    half = metrics[cmap[ord("A")]][0]
    assert all(code in cmap for code in range(0xAC00, 0xD7A4))
    assert all(metrics[cmap[code]][0] == 2 * half for code in range(0xAC00, 0xD7A4))
    assert all(metrics[cmap[code]][0] == half for code in range(0x21, 0x7F))
    modern_jamo = range(0x3131, 0x3164)  # ㄱ … ㅣ, what a Korean input method shows
    assert all(metrics[cmap[code]][0] == 2 * half for code in modern_jamo)
    assert all(metrics[cmap[code]][0] == half for code in range(0x2500, 0x2580))  # boxes


async def test_a_websocket_from_another_site_is_refused(client: TestClient) -> None:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        await client.ws_connect("/ws", headers={"Origin": "http://evil.example"})
    assert refused.value.status == 403


async def test_tabs_beyond_the_limit_are_told_in_korean(client: TestClient) -> None:
    server = ClassroomServer("true", max_sessions=1)
    server.services.add(object())  # type: ignore[arg-type]  # one tab is open
    async with TestClient(TestServer(await server._make_app())) as full:
        websocket = await full.ws_connect("/ws")
        message = await websocket.receive()
        assert message.type == aiohttp.WSMsgType.BINARY
        assert "동시에 열 수 있는 탭 수(1)" in message.data.decode("utf-8")
        await websocket.close()


def test_a_script_from_another_textual_serve_stops_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "textual.js"
    other.write_text("window.onload=()=>{}", encoding="utf-8")
    monkeypatch.setattr(web_server, "_STATIC_SCRIPT", other)
    page_script.cache_clear()
    try:
        with pytest.raises(WebPageUnavailable, match="textual-serve"):
            page_script()
    finally:
        page_script.cache_clear()


@pytest.mark.parametrize(
    ("text", "size"), [(None, 16), ("24", 24), ("abc", 16), ("2", 8), ("500", 64)]
)
def test_font_size_from_the_url_stays_readable(text: str | None, size: int) -> None:
    assert font_size(text) == size


def test_urls_for_loopback_and_lan(monkeypatch: pytest.MonkeyPatch) -> None:
    assert urls_for("127.0.0.1", 8390) == (["http://127.0.0.1:8390/"], [])
    monkeypatch.setattr(web_server, "lan_addresses", lambda: ["192.168.0.7"])
    assert urls_for("0.0.0.0", 8390) == (  # noqa: S104
        ["http://127.0.0.1:8390/"],
        ["http://192.168.0.7:8390/"],
    )
    assert urls_for("192.168.0.7", 80) == ([], ["http://192.168.0.7:80/"])


def test_a_port_in_use_is_one_korean_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        status = main(["web", "--root", str(tmp_path / "web"), "--port", str(port)])
    captured = capsys.readouterr()
    assert status == 2
    assert "이미 다른 프로그램이 그 포트를 쓰고 있습니다" in captured.err
    assert f"--port {port + 1}" in captured.err
    assert "Traceback" not in captured.err + captured.out


@pytest.mark.parametrize(
    ("options", "message"),
    [(["--port", "70000"], "0에서 65535"), (["--max-sessions", "0"], "1 이상")],
)
def test_bad_options_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    assert main(["web", "--root", str(tmp_path), *options]) == 2
    assert message in capsys.readouterr().err


def test_an_address_not_of_this_machine_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["web", "--root", str(tmp_path), "--host", "192.0.2.1", "--port", "0"])
    err = capsys.readouterr().err
    assert status == 2
    assert "192.0.2.1" in err
    assert "웹 교실을 열 수 없습니다" in err


def test_a_root_that_cannot_be_made_is_one_korean_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    status = main(["web", "--root", str(blocker / "web"), "--port", "0"])
    captured = capsys.readouterr()
    assert status == 1
    assert "만들거나 쓸 수 없습니다" in captured.err  # the data home's own sentence
    assert str(blocker) in captured.err
    assert "Traceback" not in captured.err + captured.out
