"""The HTTP server of a data home's PKI: CA certificates, CRL and ARL, OCSP, CPS.

Routes, for each CA (``org`` = the CA's O in lower case: ``mgsim``, ``othersim``) under
the data home's PKI URL (``{base}``, default ``http://127.0.0.1:8389``)::

    GET  {base}/{org}/root.der            root CA certificate      application/pkix-cert
    GET  {base}/{org}/issuing.der         issuing CA certificate   application/pkix-cert
    GET  {base}/{org}/issuing.crl         the issuing CA's CRL     application/pkix-crl
    GET  {base}/{org}/root.arl            the root's ARL           application/pkix-crl
    POST {base}/{org}/ocsp                OCSP (RFC 6960 A.1)      application/ocsp-response
    GET  {base}/{org}/ocsp/<base64 request>   (base64url or standard, percent-encoded or not)
    GET  {base}/{org}/cps                 plain-text notice: simulation certificates
    GET  {base}/                          plain-text index of the above

Lists are always fresh: each request asks the CA (``crl()`` / ``arl()``), which
republishes a list that is missing or outside thisUpdate..nextUpdate at the simulated
time before it is served. OCSP answers read the register on every request.

Why the standard library's :class:`http.server.ThreadingHTTPServer`: it parses HTTP for
us (request line and header limits included), needs no dependency and no event loop,
and a thread per connection is what the work needs — a response costs one SQLite
lookup and one RSA signature, and both release the GIL, so threads use every core.
The limits it lacks are added here: request bodies above :data:`MAX_REQUEST_BYTES` are
refused unread (413), a body needs a Content-Length (411), connections time out after
:data:`CONNECTION_TIMEOUT` seconds idle, and at most :data:`MAX_CONNECTIONS` are served
at once (more wait in the listen queue).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import ipaddress
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, TextIO
from urllib.parse import unquote, urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from mgcert import __version__
from mgcert.ca import (
    MG_CA_PROFILE,
    OTHER_CA_PROFILE,
    CaDatabaseUnavailable,
    CaError,
    CaProfile,
    CertificateAuthority,
    CrlPublishFailed,
)
from mgcert.ca.urls import (
    ARL_NAME,
    CPS_NAME,
    CRL_NAME,
    DEFAULT_PKI_URL,
    ISSUING_CERT_NAME,
    OCSP_NAME,
    ROOT_CERT_NAME,
    CaUrls,
)
from mgcert.clock import Clock
from mgcert.errors import MgcertError
from mgcert.home import DataHome
from mgcert.pki import messages as msg
from mgcert.pki.errors import PkiAddressUnavailable, PkiUrlUnusable
from mgcert.pki.ocsp import OCSP_REQUEST_TYPE, OCSP_RESPONSE_TYPE, OcspService

DEFAULT_PORT = 8389
MAX_REQUEST_BYTES = 16 * 1024  # a signed OCSP request with its chain is a few KiB
CONNECTION_TIMEOUT = 15.0
MAX_CONNECTIONS = 256
LISTEN_BACKLOG = 128
CERT_TYPE = "application/pkix-cert"
CRL_TYPE = "application/pkix-crl"
TEXT_TYPE = "text/plain; charset=utf-8"

# The routes are the CA layer's URL layout (mgcert.ca.urls), one name each.
ROOT_FILE = ROOT_CERT_NAME
ISSUING_FILE = ISSUING_CERT_NAME
CRL_FILE = CRL_NAME
ARL_FILE = ARL_NAME
OCSP_PATH = OCSP_NAME
CPS_PATH = CPS_NAME


# --- the CA layer's names ---------------------------------------------------------------


def pki_url_of(ca: CertificateAuthority) -> str:
    """The data home's PKI base URL (the default for a home made before it had one)."""
    return (ca.pki_url or DEFAULT_PKI_URL).rstrip("/")


# --- URLs -------------------------------------------------------------------------------


def url_dict(urls: CaUrls) -> dict[str, str]:
    """One CA's URLs for ``--json``."""
    return {
        "root": urls.root_certificate,
        "issuing": urls.issuing_certificate,
        "crl": urls.crl,
        "arl": urls.arl,
        "ocsp": urls.ocsp,
        "cps": urls.cps,
    }


def url_lines(org: str, urls: CaUrls) -> list[str]:
    """One CA's URLs as the lines ``mgcert serve`` prints."""
    pairs = (
        (msg.WHAT_ROOT, urls.root_certificate),
        (msg.WHAT_ISSUING, urls.issuing_certificate),
        (msg.WHAT_CRL, urls.crl),
        (msg.WHAT_ARL, urls.arl),
        (msg.WHAT_OCSP, urls.ocsp),
        (msg.WHAT_CPS, urls.cps),
    )
    return [msg.SERVE_URL_LINE.format(org=org, what=w, url=u) for w, u in pairs]


@dataclass(frozen=True)
class PkiAddress:
    """Host, port and path prefix of a PKI URL."""

    host: str
    port: int
    prefix: str
    scheme: str = "http"

    @classmethod
    def parse(cls, url: str) -> PkiAddress:
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError as exc:
            raise PkiUrlUnusable(url) from exc
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PkiUrlUnusable(url)
        default = 443 if parts.scheme == "https" else 80
        return cls(
            parts.hostname,
            port if port is not None else default,
            parts.path.rstrip("/"),
            parts.scheme,
        )


def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _printable(text: str) -> str:
    """``text`` with control characters escaped (a request line must not drive the
    terminal the log is shown on)."""
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


# --- one CA's routes ----------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """What a route answers."""

    status: int
    content_type: str
    body: bytes
    note: str = ""
    headers: tuple[tuple[str, str], ...] = ()


def _text(status: int, text: str, note: str = "") -> Reply:
    return Reply(status, TEXT_TYPE, (text + "\n").encode(), note or text)


class _Site:
    """One CA behind ``{base}/{org}/``."""

    FILES = frozenset({ROOT_FILE, ISSUING_FILE, CRL_FILE, ARL_FILE, CPS_PATH})
    ROUTES = FILES | {OCSP_PATH}

    def __init__(self, ca: CertificateAuthority, clock: Clock) -> None:
        self.ca = ca
        self.org = ca.profile.org.lower()
        self.ocsp = OcspService(ca, clock, arl=self._arl)
        self._lists = threading.Lock()  # one republication at a time per CA
        self._root_der = ca.root_certificate.public_bytes(serialization.Encoding.DER)
        self._issuing_der = ca.issuing_certificate.public_bytes(serialization.Encoding.DER)
        profile = ca.profile
        self._cps = msg.CPS_TEXT.format(
            org=profile.org, root=profile.root_cn, issuing=profile.issuing_cn
        ).encode()

    def _arl(self) -> x509.CertificateRevocationList:
        with self._lists:
            return self.ca.arl()

    def get(self, name: str) -> Reply | None:
        if name == ROOT_FILE:
            return Reply(HTTPStatus.OK, CERT_TYPE, self._root_der)
        if name == ISSUING_FILE:
            return Reply(HTTPStatus.OK, CERT_TYPE, self._issuing_der)
        if name == CRL_FILE:
            with self._lists:
                crl = self.ca.crl()
            return _list_reply(crl)
        if name == ARL_FILE:
            return _list_reply(self._arl())
        if name == CPS_PATH:
            return Reply(HTTPStatus.OK, TEXT_TYPE, self._cps)
        return None

    def ocsp_reply(self, request_der: bytes) -> Reply:
        answer = self.ocsp.answer(request_der)
        return Reply(HTTPStatus.OK, OCSP_RESPONSE_TYPE, answer.der, f"ocsp={answer.summary}")


def _list_reply(crl: x509.CertificateRevocationList) -> Reply:
    number = ""
    with contextlib.suppress(x509.ExtensionNotFound):
        number = f" #{crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number}"
    return Reply(
        HTTPStatus.OK,
        CRL_TYPE,
        crl.public_bytes(serialization.Encoding.DER),
        f"crl{number}",
    )


# --- HTTP ---------------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    """Routes one connection's requests to the sites; keep-alive (HTTP/1.1)."""

    protocol_version = "HTTP/1.1"
    server_version = f"mgcert-pki/{__version__}"
    sys_version = ""
    timeout = CONNECTION_TIMEOUT
    # Headers and body go out in two writes; without TCP_NODELAY a kept-alive
    # connection waits for the client's delayed ACK (40 ms) between them.
    disable_nagle_algorithm = True
    server: _HttpServer
    _code: int | None = None
    _size = 0
    _note = ""
    _started = 0.0

    # -- logging: one line per request, written after the response ----------------------

    def handle_one_request(self) -> None:
        self._reset_log()
        super().handle_one_request()
        if self._code is not None:
            self.server.app.log_request(self, self._code, self._size, self._note, self._started)

    def _reset_log(self) -> None:
        self._started = time.perf_counter()
        self._code = None
        self._size = 0
        self._note = ""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        with contextlib.suppress(ValueError, TypeError):
            self._code = int(code)

    def log_error(self, format: str, *args: Any) -> None:
        with contextlib.suppress(TypeError, ValueError):
            self._note = format % args

    def log_message(self, format: str, *args: Any) -> None:
        return  # everything goes through the one line above

    # -- methods ---------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._run(self._get, head=False)

    def do_HEAD(self) -> None:
        self._run(self._get, head=True)

    def do_POST(self) -> None:
        self._run(self._post, head=False)

    def do_PUT(self) -> None:
        self._run(self._refuse_method, head=False)

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT

    def _refuse_method(self) -> Reply:
        target = self._target()
        if target is None or (target[0] is not None and target[1] not in _Site.ROUTES):
            return _text(HTTPStatus.NOT_FOUND, "not found")
        return self._not_allowed("POST" if target[1] == OCSP_PATH else "GET, HEAD")

    def handle_expect_100(self) -> bool:
        refusal = self._body_refusal()
        if refusal is not None:
            self._send(refusal, head=False)
            return False
        return super().handle_expect_100()

    def _run(self, route: Callable[[], Reply], *, head: bool) -> None:
        try:
            reply = route()
        except (CaDatabaseUnavailable, CrlPublishFailed) as exc:
            busy = _text(HTTPStatus.SERVICE_UNAVAILABLE, "try again later", str(exc))
            reply = Reply(
                busy.status, busy.content_type, busy.body, busy.note, (("Retry-After", "1"),)
            )
        except (MgcertError, CaError) as exc:
            reply = _text(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error", str(exc))
        except (ConnectionError, TimeoutError):
            self.close_connection = True
            return
        except Exception as exc:  # one line in the log, never a traceback to anyone
            reply = _text(
                HTTPStatus.INTERNAL_SERVER_ERROR, "internal error", f"{type(exc).__name__}: {exc}"
            )
        self._send(reply, head=head)

    def _send(self, reply: Reply, *, head: bool) -> None:
        self._note = reply.note
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.status >= 400 and reply.status != HTTPStatus.NOT_FOUND:
            self.close_connection = True  # a body may be left unread
        if self.close_connection:
            self.send_header("Connection", "close")
        elif self.request_version == "HTTP/1.0":
            self.send_header("Connection", "keep-alive")  # it asked; say we keep it
        self.end_headers()
        if not head:
            self.wfile.write(reply.body)
            self._size = len(reply.body)

    # -- routes ---------------------------------------------------------------------------

    def _target(self) -> tuple[_Site | None, str] | None:
        """``(site, rest)`` for a path under the prefix; ``(None, "")`` for the index."""
        path = self.path.split("?", 1)[0] if self.path.startswith("/") else urlsplit(self.path).path
        prefix = self.server.app.prefix
        if prefix:
            if path != prefix and not path.startswith(prefix + "/"):
                return None
            path = path[len(prefix) :]
        if path in ("", "/"):
            return None, ""
        org, _, rest = path.lstrip("/").partition("/")
        site = self.server.app.sites.get(org)
        return (site, rest) if site is not None else None

    def _get(self) -> Reply:
        target = self._target()
        if target is None:
            return _text(HTTPStatus.NOT_FOUND, "not found")
        site, rest = target
        if site is None:
            return Reply(HTTPStatus.OK, TEXT_TYPE, self.server.app.index().encode())
        if rest.startswith(OCSP_PATH + "/"):
            if self.command == "HEAD":
                return self._not_allowed("GET, POST")
            return self._ocsp_get(site, rest[len(OCSP_PATH) + 1 :])
        if rest == OCSP_PATH:
            return self._not_allowed("POST")
        reply = site.get(rest)
        return reply if reply is not None else _text(HTTPStatus.NOT_FOUND, "not found")

    def _ocsp_get(self, site: _Site, encoded: str) -> Reply:
        text = unquote(encoded).strip()
        text = text.replace("-", "+").replace("_", "/").rstrip("=")
        try:
            der = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
        except (binascii.Error, ValueError):
            der = b""  # → malformedRequest, as for any request that is not one
        return site.ocsp_reply(der)

    def _post(self) -> Reply:
        target = self._target()
        if target is None:
            return _text(HTTPStatus.NOT_FOUND, "not found")
        site, rest = target
        if site is None or rest != OCSP_PATH:
            if site is not None and rest not in _Site.FILES:
                return _text(HTTPStatus.NOT_FOUND, "not found")
            return self._not_allowed("GET, HEAD")
        refusal = self._body_refusal()
        if refusal is not None:
            return refusal
        content_type = (self.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length) if length else b""
        if len(body) != length:  # the client went away mid-body
            self.close_connection = True
            return _text(HTTPStatus.BAD_REQUEST, "incomplete body")
        if content_type and content_type != OCSP_REQUEST_TYPE:
            return _text(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"an OCSP request is {OCSP_REQUEST_TYPE}",
                f"content type {content_type}",
            )
        return site.ocsp_reply(body)

    def _body_refusal(self) -> Reply | None:
        """Why the body will not be read: no or a bad length, chunked, or too big."""
        if self.headers.get("Transfer-Encoding"):
            return _text(HTTPStatus.LENGTH_REQUIRED, "send the request with a Content-Length")
        value = self.headers.get("Content-Length")
        if value is None:
            return _text(HTTPStatus.LENGTH_REQUIRED, "send the request with a Content-Length")
        if not value.strip().isdigit():
            return _text(HTTPStatus.BAD_REQUEST, "bad Content-Length")
        if int(value) > MAX_REQUEST_BYTES:
            return _text(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"requests are limited to {MAX_REQUEST_BYTES} bytes",
                f"body of {int(value)} bytes refused",
            )
        return None

    def _not_allowed(self, allow: str) -> Reply:
        reply = _text(HTTPStatus.METHOD_NOT_ALLOWED, "method not allowed")
        return Reply(reply.status, reply.content_type, reply.body, reply.note, (("Allow", allow),))


class _HttpServer(ThreadingHTTPServer):
    """ThreadingHTTPServer with a bounded number of connections it can close at stop."""

    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], app: PkiServer) -> None:
        self.app = app
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Condition()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind would ask DNS for the host's name (socket.getfqdn).
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        self._slots.acquire()
        with self._open_lock:
            self._open.add(request)
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._forget(request)
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._forget(request)

    def _forget(self, request: socket.socket) -> None:
        with self._open_lock:
            if request in self._open:
                self._open.discard(request)
                self._slots.release()
                self._open_lock.notify_all()

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError | TimeoutError):
            return  # the client went away: nothing to say
        self.app.log_line(f"{client_address[0]} connection error: {type(error).__name__}")

    def close_connections(self, wait: float) -> None:
        """End every open connection and wait (at most ``wait`` s) for their threads."""
        with self._open_lock:
            for sock in list(self._open):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            deadline = time.monotonic() + wait
            while self._open and time.monotonic() < deadline:
                self._open_lock.wait(deadline - time.monotonic())


class _HttpServer6(_HttpServer):
    address_family = socket.AF_INET6


# --- the server ---------------------------------------------------------------------------


class PkiServer:
    """The PKI of one data home over HTTP.

    ``host`` / ``port`` ``None`` mean those of the data home's PKI URL (a host that is
    not a loopback address becomes 127.0.0.1: binding elsewhere takes an explicit host);
    ``port=0`` picks a free port. The CAs must exist (``create=False``); they are opened
    here, read and write (lists are republished when stale), and closed by :meth:`close`.

    As a context manager it serves in a background thread::

        with PkiServer(home, clock) as server:
            urlopen(server.urls["mgsim"].crl)

    ``log`` gets one line per request (stderr by default; ``None`` for silence).
    ``profiles`` names the CAs to serve: both of the bank's by default; a home made by
    :class:`mgcert.testing.NpkiCA` has only its own, kept where MG's would be.
    """

    def __init__(
        self,
        home: DataHome,
        clock: Clock,
        *,
        host: str | None = "127.0.0.1",
        port: int | None = 0,
        log: TextIO | None = sys.stderr,
        profiles: Sequence[CaProfile] = (MG_CA_PROFILE, OTHER_CA_PROFILE),
    ) -> None:
        self._home = home
        self._profiles = tuple(profiles)
        self._clock = clock
        self._log = log
        self._log_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        self._authorities: list[CertificateAuthority] = []
        self.sites: dict[str, _Site] = {}
        try:
            self.attach()
            self.orgs = list(self.sites)
            self.pki_url = pki_url_of(self._authorities[0])
            configured = PkiAddress.parse(self.pki_url)
            self.prefix = configured.prefix
            if host is None:
                host = configured.host if is_loopback(configured.host) else "127.0.0.1"
            if port is None:
                port = configured.port
            kind = _HttpServer6 if ":" in host else _HttpServer
            try:
                self._httpd = kind((host, port), self)
            except OSError as exc:
                raise PkiAddressUnavailable(host, port, exc) from exc
        except BaseException:
            self.detach()
            raise
        self.host = host
        self.port = int(self._httpd.server_address[1])

    def attach(self) -> None:
        """Open the CAs (``create=False``): at start, and in each forked worker."""
        self.detach()
        home = self._home
        places = (
            (home.ca_dir, home.ca_db),
            (home.other_ca_dir, home.other_ca_db),
        )
        for (directory, db), profile in zip(places, self._profiles, strict=False):
            self._authorities.append(
                CertificateAuthority.open(directory, db, self._clock, profile, create=False)
            )
        self.sites = {
            site.org: site for site in (_Site(ca, self._clock) for ca in self._authorities)
        }

    def detach(self) -> None:
        """Close the CAs and keep the listening socket (before forking workers: an SQLite
        connection must not cross a fork)."""
        for ca in self._authorities:
            ca.close()
        self._authorities = []
        self.sites = {}

    def prepare_for_workers(self) -> None:
        """Make each CA's delegated responder now (once, not once per worker), close the
        CAs, and let several processes accept on the socket without blocking each other."""
        for site in self.sites.values():
            site.ocsp.responder()
        self.detach()
        self._httpd.socket.setblocking(False)

    # -- addresses ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """Where this server answers: ``http://<host>:<port><prefix>``."""
        return f"http://{_url_host(self.host)}:{self.port}{self.prefix}"

    @property
    def urls(self) -> dict[str, CaUrls]:
        """Per org (``mgsim``, ``othersim``), the URLs this server answers at."""
        return {org: CaUrls.under(self.base_url.rstrip("/"), org) for org in self.orgs}

    @property
    def serves_pki_url(self) -> bool:
        """True when the certificates' URLs (the data home's PKI URL) reach this server."""
        wanted = PkiAddress.parse(self.pki_url)
        same_host = (
            wanted.host == self.host
            or self.host in ("0.0.0.0", "::")  # noqa: S104 — a check, not a bind
            or (is_loopback(wanted.host) and is_loopback(self.host))
        )
        return wanted.scheme == "http" and same_host and wanted.port == self.port

    def index(self) -> str:
        lines = [msg.INDEX_TITLE, ""]
        for org, urls in self.urls.items():
            lines.extend(url_lines(org, urls))
        return "\n".join(lines) + "\n"

    def start_lines(self) -> list[str]:
        """What ``mgcert serve`` prints at start."""
        lines = [msg.SERVE_STARTED.format(base=self.base_url)]
        for org, urls in self.urls.items():
            lines.extend(url_lines(org, urls))
        if not self.serves_pki_url:
            lines.append(msg.SERVE_OTHER_ADDRESS.format(pki_url=self.pki_url))
        return lines

    # -- running -------------------------------------------------------------------------

    def serve_forever(self) -> None:
        """Serve until :meth:`shutdown` (from another thread)."""
        self._httpd.serve_forever(poll_interval=0.2)

    def start(self) -> PkiServer:
        """Serve in a background thread."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self.serve_forever, name=f"mgcert-pki-{self.port}", daemon=True
            )
            self._thread.start()
        return self

    def shutdown(self) -> None:
        """Stop accepting (returns once the serving loop has ended)."""
        self._httpd.shutdown()

    def close(self) -> None:
        """Stop serving, end open connections, close the CAs."""
        if self._closed:
            return
        self._closed = True
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
        self._httpd.server_close()
        self._httpd.close_connections(wait=CONNECTION_TIMEOUT)
        self.detach()

    def __enter__(self) -> PkiServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def authorities(self) -> Iterator[CertificateAuthority]:
        return iter(self._authorities)

    # -- log -----------------------------------------------------------------------------

    def log_line(self, line: str) -> None:
        if self._log is None:
            return
        with self._log_lock, contextlib.suppress(OSError, ValueError):
            self._log.write(line + "\n")
            self._log.flush()

    def log_request(
        self, handler: BaseHTTPRequestHandler, code: int, size: int, note: str, started: float
    ) -> None:
        if self._log is None:
            return
        elapsed = (time.perf_counter() - started) * 1000
        request = (
            handler.requestline
            if len(handler.requestline) <= 200
            else (handler.requestline[:200] + "…")
        )
        client = handler.client_address[0] if handler.client_address else "-"
        line = f'{client} "{request}" {code} {size} {elapsed:.1f}ms'
        self.log_line(_printable(f"{line} {note}" if note else line))
