"""serve / crl: the data home's PKI on the command line.

``mgcert serve`` runs without opening the center (no bank, no job roll-forward: a
server that starts must not finish or cancel another window's issuance); it opens the
two CAs itself through :class:`mgcert.pki.PkiServer`. A data home that does not exist
yet is first made as any other command makes it. ``mgcert crl`` opens the center like
the other commands and republishes both CAs' lists.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from types import FrameType

from cryptography import x509

from mgcert.ca import CertificateAuthority
from mgcert.ca.urls import CaUrls
from mgcert.cli.invocation import CliUsageError, Invocation
from mgcert.cli.output import CommandResult, kst
from mgcert.home import DataHome
from mgcert.pki import messages as msg
from mgcert.pki.errors import PkiWorkersFailed
from mgcert.pki.live_clock import FollowingClock
from mgcert.pki.server import PkiServer, pki_url_of, url_dict

MAX_PORT = 65535
MAX_WORKERS = 64
# A worker that dies this soon after it started is not started again (it would loop).
_RESPAWN_AFTER = 2.0


def default_workers() -> int:
    """One process per CPU, at most 4: cryptography signs OCSP responses holding the
    GIL, so threads alone use one core."""
    return max(1, min(os.cpu_count() or 1, 4)) if hasattr(os, "fork") else 1


def _run_workers(server: PkiServer, workers: int, stop: threading.Event) -> None:
    """Pre-fork: ``workers`` processes accept on the server's socket, each with its own
    CA connections and threads; this one watches them and stops them on ``stop``."""
    server.prepare_for_workers()
    children: dict[int, float] = {}

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:  # the worker; the signal handlers (setting its copy of stop) came along
            code = 0
            try:
                server.attach()
                server.start()
                while not stop.wait(0.5):
                    pass
                server.close()
            except BaseException as exc:
                server.log_line(msg.WORKER_FAILED.format(error=f"{type(exc).__name__}: {exc}"))
                code = 1
            finally:
                os._exit(code)
        children[pid] = time.monotonic()

    for _ in range(workers):
        spawn()
    while not stop.wait(0.5):
        while children:
            pid, status = os.waitpid(-1, os.WNOHANG)
            if pid == 0:
                break
            started = children.pop(pid, None)
            if started is not None and time.monotonic() - started > _RESPAWN_AFTER:
                server.log_line(msg.WORKER_RESTARTED.format(status=status))
                spawn()
        if not children:
            raise PkiWorkersFailed
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 20
    for pid in list(children):
        while time.monotonic() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(0.05)
        else:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def cmd_serve(args: argparse.Namespace, env: Mapping[str, str]) -> CommandResult:
    """Serve until Ctrl+C or SIGTERM (exit status 0 for both)."""
    port: int | None = args.port
    if port is not None and not 0 <= port <= MAX_PORT:
        raise CliUsageError(msg.BAD_PORT)
    home = DataHome.resolve(args.home, env).ensure()
    clock = FollowingClock.from_settings(args.now, home.clock_file, env)
    clock.check()
    if not home.manifest_file.exists():
        from mgcert.cli.main import open_center

        open_center(args, env).close()  # a new data home, made as by any other command
    workers = default_workers() if args.workers is None else args.workers
    if not 1 <= workers <= MAX_WORKERS:
        raise CliUsageError(msg.BAD_WORKERS.format(max=MAX_WORKERS))
    if not hasattr(os, "fork"):
        workers = 1
    stop = threading.Event()
    server = PkiServer(home, clock, host=args.host, port=port, log=sys.stderr)
    try:
        _announce(server, bool(args.json))
        with _stop_on_signals(stop):
            if workers == 1:
                server.start()
                while not stop.wait(0.5):
                    pass
            else:
                _run_workers(server, workers, stop)
    finally:
        server.close()
    return CommandResult(
        {"ok": True, "stopped": True, "base_url": server.base_url}, [msg.SERVE_STOPPED]
    )


def _announce(server: PkiServer, as_json: bool) -> None:
    """The URLs, before the first request is logged (stdout; one JSON line with --json)."""
    if as_json:
        data = {
            "ok": True,
            "serving": True,
            "base_url": server.base_url,
            "pki_url": server.pki_url,
            "reachable_from_certificates": server.serves_pki_url,
            "urls": {org: url_dict(urls) for org, urls in server.urls.items()},
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\n".join(server.start_lines()) + "\n")
    sys.stdout.flush()


@contextlib.contextmanager
def _stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGTERM and SIGINT (Ctrl+C) set ``stop``; the previous handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only; a caller there stops us
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def cmd_crl(inv: Invocation) -> CommandResult:
    """Republish the CRL and ARL of both CAs; say where they are."""
    lists: list[dict[str, object]] = []
    lines: list[str] = []
    for ca in (inv.center.mg_ca, inv.center.other_ca):
        published = ca.republish()
        urls = CaUrls.under(pki_url_of(ca), ca.profile.org)
        found = [
            ("CRL", published.crl, str(ca.crl_path), urls.crl),
            ("ARL", published.arl, str(ca.arl_path), urls.arl),
        ]
        for what, crl, path, url in found:
            item = _list_data(ca, what, crl, path, url)
            lists.append(item)
            lines.append(
                msg.CRL_LINE.format(
                    org=ca.profile.org,
                    what=what,
                    number=item["number"],
                    this_update=item["this_update"],
                    next_update=item["next_update"],
                    entries=item["entries"],
                    path=path,
                    url=url,
                )
            )
    return CommandResult({"ok": True, "lists": lists}, lines)


def _list_data(
    ca: CertificateAuthority,
    what: str,
    crl: x509.CertificateRevocationList,
    path: str,
    url: str,
) -> dict[str, object]:
    number: int | None = None
    with contextlib.suppress(x509.ExtensionNotFound):
        number = crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
    return {
        "org": ca.profile.org,
        "kind": what.lower(),
        "path": path,
        "url": url,
        "number": number,
        "this_update": kst(crl.last_update_utc),
        "next_update": kst(crl.next_update_utc) if crl.next_update_utc else None,
        "entries": len(crl),
    }
