"""``mgcert web``: the classroom in the browser (mgcert.web, over textual-serve).

Registered like ``mgcert fixture``: the parser is built from this module, the server
(aiohttp, textual-serve) is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from mgcert.errors import UsageError
from mgcert.home import DataHome
from mgcert.messages import web as msg
from mgcert.web import DEFAULT_MAX_SESSIONS, DEFAULT_PORT

if TYPE_CHECKING:
    from mgcert.cli.output import CommandResult
    from mgcert.web.server import Announcement

WEB_FOLDER = "web"


class WebUsageError(UsageError):
    """A bad option value of ``mgcert web`` (exit 2)."""


def add_web_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """Register ``web`` on the main parser."""
    web = sub.add_parser(
        "web", help=msg.WEB_HELP, description=msg.WEB_DESCRIPTION, parents=[common]
    )
    web.add_argument("--host", default="127.0.0.1", help=msg.WEB_HOST_HELP)
    web.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=msg.WEB_PORT_HELP.format(port=DEFAULT_PORT)
    )
    web.add_argument("--root", metavar="DIR", help=msg.WEB_ROOT_HELP)
    web.add_argument(
        "--max-sessions",
        type=int,
        default=DEFAULT_MAX_SESSIONS,
        help=msg.WEB_MAX_SESSIONS_HELP.format(count=DEFAULT_MAX_SESSIONS),
    )
    web.set_defaults(handler=f"{__name__}:cmd_web", opens_center=False)


def session_command(root: Path, now: str | None) -> str:
    """The shell command textual-serve runs for each tab."""
    argv = [sys.executable, "-m", "mgcert.web.session", "--root", str(root)]
    if now:
        argv += ["--now", now]
    return shlex.join(argv)


def cmd_web(args: argparse.Namespace, env: Mapping[str, str]) -> CommandResult:
    """Serve until Ctrl+C or SIGTERM (exit status 0 for both)."""
    import asyncio

    from mgcert.cli.output import CommandResult

    if not 0 <= args.port <= 65535:
        raise WebUsageError(msg.BAD_PORT)
    if args.max_sessions < 1:
        raise WebUsageError(msg.BAD_MAX_SESSIONS)
    try:
        from mgcert.web.homes import WebHomes
        from mgcert.web.server import ClassroomServer, run_server
    except ImportError as error:
        raise WebUsageError(msg.NO_TEXTUAL_SERVE) from error
    if args.root:
        root = Path(args.root).expanduser().resolve()
    else:
        root = DataHome.resolve(args.home, env).root / WEB_FOLDER
    homes = WebHomes(root).ensure()  # a folder that cannot be made is the home's error
    homes.sweep_abandoned()
    server = ClassroomServer(
        session_command(root, args.now),
        host=args.host,
        port=args.port,
        max_sessions=args.max_sessions,
    )

    def announce(where: Announcement) -> None:
        _announce(where, root, bool(args.json))

    asyncio.run(run_server(server, announce))
    return CommandResult({"ok": True, "stopped": True}, [msg.STOPPED])


def _announce(where: Announcement, root: Path, as_json: bool) -> None:
    """The URLs (stdout; one JSON line with --json), the LAN warning (stderr)."""
    if where.open_to_lan:
        sys.stderr.write(msg.LAN_WARNING.format(host=where.host) + "\n")
        sys.stderr.flush()
    if as_json:
        data = {
            "ok": True,
            "serving": True,
            "host": where.host,
            "port": where.port,
            "urls": where.local_urls,
            "lan_urls": where.lan_urls,
            "root": str(root),
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        lines = [msg.SERVING, *(f"  {url}" for url in where.local_urls)]
        if where.open_to_lan:
            lines.append(msg.SERVING_LAN)
            lines += [f"  {url}" for url in where.lan_urls] or [f"  {msg.SERVING_NO_LAN}"]
        lines += [msg.FONT_SIZE_HINT, msg.HOMES_AT.format(root=root), msg.STOP_HINT]
        sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
