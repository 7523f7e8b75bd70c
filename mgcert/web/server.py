"""The web classroom's server: textual-serve, with a page that draws Hangul in two cells.

textual-serve (self-hosted; textual-web would relay through an outside service) starts
one process per browser tab running :data:`command`, and pipes the terminal between
it and xterm.js in the page. What this module changes:

- The page (``templates/app_index.html``) loads nothing from outside (textual-serve's
  own asks Google Fonts for Roboto Mono) and gives xterm.js the "mgcert cells" font
  (``mgcert/tui/fonts/cells.woff2``, the D2Coding subset the screenshots embed:
  ASCII in one cell, all 11,172 Hangul syllables and the jamo in exactly two, box
  drawing), loaded before the terminal measures its cells.
- textual-serve's script hard-codes its font stack: :func:`page_script` serves a copy
  that takes the family from the page (``data-font-family``) and lists each terminal
  in ``window.textualTerminals`` (the browser tests read the screen from it). The
  two edits are checked when the server starts: another textual-serve version whose
  script differs stops it with a clear line instead of a page without Hangul.
- URLs in the page come from the request's Host, so ``--host 0.0.0.0`` works from
  other machines (textual-serve's point at the bind address, ``0.0.0.0``).
- ``?fontsize=`` (textual-serve's) is kept, within :data:`FONT_SIZES`.
- A websocket from another site's page is refused (its Origin is not this server);
  at most ``max_sessions`` tabs run at once; Ctrl+C closes every tab's process.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import logging
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from mgcert.errors import MgcertError, UsageError
from mgcert.messages import web as msg
from mgcert.web import DEFAULT_MAX_SESSIONS, DEFAULT_PORT

log = logging.getLogger("mgcert.web")

TEMPLATES = Path(__file__).with_name("templates")
FONT_FILE = Path(__file__).resolve().parent.parent / "tui" / "fonts" / "cells.woff2"
FONT_LICENSE = FONT_FILE.with_name("OFL.txt")
FONT_FAMILY = "mgcert cells"
DEFAULT_FONT_SIZE = 16
FONT_SIZES = range(8, 65)
LOOPBACK = "127.0.0.1"
ALL_INTERFACES = ("0.0.0.0", "", "::")  # noqa: S104 (recognized, not bound by default)
_STATIC_SCRIPT = Path(sys.modules[Server.__module__].__file__ or "").parent / "static/js/textual.js"

# (what textual-serve's script says, what ours says instead)
_SCRIPT_EDITS = (
    (
        "fontFamily:\"'Roboto Mono', Monaco, 'Courier New', monospace\"",
        "fontFamily:e.dataset.fontFamily||\"'Roboto Mono', Monaco, 'Courier New', monospace\"",
    ),
    (
        "const t=new w(e,{ping:r});",
        "const t=new w(e,{ping:r});"
        "(window.textualTerminals=window.textualTerminals||[]).push(t.terminal);",
    ),
)


class WebPortInUse(UsageError):
    """Another program listens on the port already."""

    def __init__(self, host: str, port: int) -> None:
        super().__init__(msg.PORT_IN_USE.format(host=host, port=port, suggestion=port + 1))


class WebHostUnavailable(UsageError):
    """The address cannot be bound (not this machine's, or not a name we can resolve)."""

    def __init__(self, host: str, port: int, reason: str) -> None:
        super().__init__(msg.HOST_UNAVAILABLE.format(host=host, port=port, reason=reason))


class WebPageUnavailable(MgcertError):
    """The installed textual-serve's script is not the one this page was written for."""


@lru_cache(maxsize=1)
def page_script() -> bytes:
    """textual-serve's ``textual.js`` with :data:`_SCRIPT_EDITS` (raises if one is missing)."""
    try:
        script = _STATIC_SCRIPT.read_text(encoding="utf-8")
    except OSError as error:
        raise WebPageUnavailable(msg.TEXTUAL_SERVE_MISMATCH.format(part=error)) from error
    for before, after in _SCRIPT_EDITS:
        if script.count(before) != 1:
            raise WebPageUnavailable(msg.TEXTUAL_SERVE_MISMATCH.format(part=before[:40]))
        script = script.replace(before, after)
    return script.encode("utf-8")


def font_size(text: str | None) -> int:
    """``?fontsize=`` as a number of CSS pixels, within :data:`FONT_SIZES`."""
    try:
        size = int(text) if text is not None else DEFAULT_FONT_SIZE
    except ValueError:
        return DEFAULT_FONT_SIZE
    return min(max(size, FONT_SIZES.start), FONT_SIZES.stop - 1)


def is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other machines may reach (best effort, no traffic:
    a UDP socket "connected" to a private address only picks the outgoing interface)."""
    found: list[str] = []
    with contextlib.suppress(OSError):
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            probe.connect(("10.254.254.254", 1))
            found.append(probe.getsockname()[0])
        finally:
            probe.close()
    with contextlib.suppress(OSError):
        found.extend(socket.gethostbyname_ex(socket.gethostname())[2])
    return [a for a in dict.fromkeys(found) if not a.startswith(("127.", "0."))]


def urls_for(host: str, port: int) -> tuple[list[str], list[str]]:
    """(URLs to open on this machine, URLs for the rest of the classroom)."""
    if host in ALL_INTERFACES:
        return [f"http://{LOOPBACK}:{port}/"], [f"http://{a}:{port}/" for a in lan_addresses()]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"
    return ([url], []) if is_loopback(host) else ([], [url])


@dataclass(frozen=True)
class Announcement:
    """What the server says once it listens."""

    host: str
    port: int
    local_urls: list[str]
    lan_urls: list[str]

    @property
    def open_to_lan(self) -> bool:
        return not is_loopback(self.host)


class ClassroomServer(Server):
    """textual-serve's server with mgcert's page, font, Origin check and session cap."""

    def __init__(
        self,
        command: str,
        *,
        host: str = LOOPBACK,
        port: int = DEFAULT_PORT,
        max_sessions: int = DEFAULT_MAX_SESSIONS,
    ) -> None:
        super().__init__(command, host=host, port=port, title=msg.PAGE_TITLE)
        self.templates_path = TEMPLATES
        self.max_sessions = max_sessions
        self.sockets: set[web.WebSocketResponse] = set()
        self.services: set[AppService] = set()

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/mgcert/textual.js", self.handle_script)
        app.router.add_get("/mgcert/cells.woff2", self.handle_font)
        app.router.add_get("/mgcert/OFL.txt", self.handle_font_license)
        app.router.add_get("/favicon.ico", self.handle_no_icon)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Nothing to print here: :func:`serve` announces the URLs once it listens."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every tab: each handler then stops its process (textual-serve's
        AppService.stop sends it "quit" and waits)."""
        for websocket in list(self.sockets):
            await websocket.close(code=1001)

    async def handle_script(self, request: web.Request) -> web.Response:
        return web.Response(body=page_script(), content_type="application/javascript")

    async def handle_font(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(FONT_FILE, headers={"Content-Type": "font/woff2"})

    async def handle_font_license(self, request: web.Request) -> web.FileResponse:
        return web.FileResponse(FONT_LICENSE, headers={"Content-Type": "text/plain"})

    async def handle_no_icon(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """The page, its URLs on the Host the browser used (a LAN address included)."""
        scheme = "wss" if request.secure else "ws"
        return {
            "font_size": font_size(request.query.get("fontsize")),
            "font_family": f"'{FONT_FAMILY}', monospace",
            "font_name": FONT_FAMILY,
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": self.title},
            "text": msg,
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One tab: start its process, pipe it, stop it when the tab goes."""
        if not _same_origin(request):
            raise web.HTTPForbidden(text="cross-origin websocket refused")
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.services) >= self.max_sessions:
            text = "\r\n  " + msg.TOO_MANY_SESSIONS.format(count=self.max_sessions) + "\r\n"
            await websocket.send_bytes(text.encode("utf-8"))
            await websocket.close()
            return websocket
        width = _query_int(request, "width", 80)
        height = _query_int(request, "height", 24)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.sockets.add(websocket)
        self.services.add(service)
        try:
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception:  # one tab's failure must not stop the classroom
            log.exception("web session failed")
        finally:
            self.sockets.discard(websocket)
            try:
                await service.stop()
            finally:
                self.services.discard(service)
        return websocket


def _same_origin(request: web.Request) -> bool:
    """True unless the browser says the page that opened this websocket is elsewhere."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # not a browser page (the browser always sends one)
    return urlsplit(origin).netloc == request.host


def _query_int(request: web.Request, name: str, default: int) -> int:
    try:
        return max(1, min(int(request.query.get(name, default)), 1000))
    except ValueError:
        return default


async def run_server(
    server: ClassroomServer,
    announce: Callable[[Announcement], None],
    stop: asyncio.Event | None = None,
) -> None:
    """Listen, call ``announce``, serve until ``stop`` is set (SIGINT/SIGTERM set it)."""
    page_script()  # a textual-serve this page does not fit stops here, before listening
    stop = stop if stop is not None else asyncio.Event()
    loop = asyncio.get_running_loop()
    handled: list[signal.Signals] = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(signum, stop.set)
            handled.append(signum)
    runner = web.AppRunner(await server._make_app(), shutdown_timeout=5, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, server.host, server.port)
        try:
            await site.start()
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise WebPortInUse(server.host, server.port) from error
            reason = error.strerror or str(error)
            raise WebHostUnavailable(server.host, server.port, reason) from error
        port = _bound_port(runner, server.port)
        local, lan = urls_for(server.host, port)
        announce(Announcement(server.host, port, local, lan))
        await stop.wait()
    finally:
        for signum in handled:
            loop.remove_signal_handler(signum)
        await runner.cleanup()


def _bound_port(runner: web.AppRunner, asked: int) -> int:
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            return int(address[1])
    return asked
