"""``mgcert fixture issue|revoke|serve`` and ``mgcert gallery``: mgcert.testing from a shell.

For developers who do not write Python: the same power as :class:`NpkiCA` (any holder,
any dates, key form and count, layout, KM pair, revoked, PFX), JSON output, secrets
from stdin. The fixture CA lives in its own folder (``--ca DIR``; default
``<data home>/fixture-ca``), apart from the simulated bank's CAs, and runs without
opening the certificate center.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import threading
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mgcert.cli.secrets import Secret, SecretReader
from mgcert.clock import parse_instant, pinned_from_settings
from mgcert.errors import MgcertError, UsageError
from mgcert.home import DataHome
from mgcert.messages import testing as msg

if TYPE_CHECKING:  # imported when used: building the parser must not load the center
    from mgcert.cli.output import CommandResult
    from mgcert.testing import NpkiCA

FIXTURE_CA_FOLDER = "fixture-ca"


class FixtureUsageError(UsageError):
    """A malformed option value of ``mgcert fixture`` (exit 2)."""


KINDS = ("general", "universal", "corporate")
KEY_FORMS = ("pbes2", "seedcbc-sha1", "seed-cbc")
LAYOUTS = ("removable", "windows", "macos", "linux", "android")
REASONS = (
    "unspecified",
    "keyCompromise",
    "affiliationChanged",
    "superseded",
    "cessationOfOperation",
    "certificateHold",
    "privilegeWithdrawn",
)


def add_fixture_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
) -> None:
    """Register ``fixture`` (issue, revoke, serve) and ``gallery`` on the main parser."""
    fixture = sub.add_parser(
        "fixture",
        help=msg.FIXTURE_HELP,
        description=msg.FIXTURE_DESCRIPTION,
        parents=[common],
    )
    actions = fixture.add_subparsers(dest="fixture_action", metavar="동작", required=True)
    issue = actions.add_parser("issue", help=msg.FIXTURE_ISSUE_HELP, parents=[common])
    _ca_option(issue)
    issue.add_argument("--name", default=None, help="소유자 이름 / holder (default 홍길동)")
    issue.add_argument(
        "--rrn-stdin",
        action="store_true",
        help="주민등록번호를 표준입력에서 (없으면 임의의 유효한 번호) / RRN from stdin",
    )
    issue.add_argument("--no-rrn-check-digit", action="store_true", help=msg.FIXTURE_NO_CHECK)
    issue.add_argument("--brn", help="사업자등록번호 (법인) / business registration number")
    issue.add_argument("--kind", choices=KINDS, default="general")
    issue.add_argument(
        "--password-stdin",
        action="store_true",
        help="인증서 비밀번호 (없으면 기본 시험 비밀번호) / password (default: a test one)",
    )
    issue.add_argument("--not-before", metavar="DATE|TIME", help=msg.FIXTURE_DATE_HELP)
    issue.add_argument("--not-after", metavar="DATE|TIME", help=msg.FIXTURE_DATE_HELP)
    issue.add_argument("--key-form", metavar="|".join(KEY_FORMS), help="개인키 형식 (기본 pbes2)")
    issue.add_argument("--iterations", metavar="N", help="KDF 반복 횟수 (기본 2048)")
    issue.add_argument("--km", action="store_true", help="kmCert.der/kmPri.key도 발급")
    issue.add_argument("--out", metavar="DIR", help=msg.FIXTURE_OUT_HELP)
    issue.add_argument("--layout", choices=LAYOUTS, default="removable")
    issue.add_argument("--revoked", choices=REASONS, metavar="REASON", help=msg.FIXTURE_REVOKED)
    issue.add_argument("--pfx", metavar="FILE", help=msg.FIXTURE_PFX_HELP)
    issue.set_defaults(handler=f"{__name__}:cmd_fixture_issue", opens_center=False)
    revoke = actions.add_parser("revoke", help=msg.FIXTURE_REVOKE_HELP, parents=[common])
    _ca_option(revoke)
    revoke.add_argument("serial", help="일련번호 (16진수) / serial (hex)")
    revoke.add_argument("--reason", choices=REASONS, default="keyCompromise", metavar="REASON")
    revoke.set_defaults(handler=f"{__name__}:cmd_fixture_revoke", opens_center=False)
    serve = actions.add_parser("serve", help=msg.FIXTURE_SERVE_HELP, parents=[common])
    _ca_option(serve)
    serve.add_argument("--port", type=int, default=None, help="0 = 빈 포트 / a free port")
    serve.set_defaults(handler=f"{__name__}:cmd_fixture_serve", opens_center=False)
    gallery = sub.add_parser(
        "gallery", help=msg.GALLERY_HELP, description=msg.GALLERY_HELP, parents=[common]
    )
    gallery.add_argument("directory", metavar="DIR", help="빈 폴더 / an empty folder")
    _ca_option(gallery)
    gallery.set_defaults(handler=f"{__name__}:cmd_gallery", opens_center=False)


def _ca_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ca", metavar="DIR", help=msg.FIXTURE_CA_HELP)


def cmd_fixture_issue(args: argparse.Namespace, env: Mapping[str, str]) -> CommandResult:
    """Issue one certificate from the fixture CA."""
    from mgcert.cli.key_settings import requested
    from mgcert.cli.output import CommandResult, kst
    from mgcert.npki.keyfile import FIXTURE_ITERATIONS
    from mgcert.testing import DEFAULT_NAME, DEFAULT_PASSWORD

    scheme, iterations = requested(args)  # checked as for every command (exit 2)
    secrets = SecretReader(vars(args), sys.stdin, env)
    rrn = secrets.optional(Secret.RRN) if args.rrn_stdin else None
    password = secrets.optional(Secret.PASSWORD) if args.password_stdin else None
    out = Path(args.out).expanduser() if args.out else None
    with _open_ca(args, env) as ca:
        cert = ca.issue(
            args.name or DEFAULT_NAME,
            rrn,
            kind=args.kind,
            brn=args.brn,
            password=password or DEFAULT_PASSWORD,
            not_before=_when(args.not_before, "--not-before"),
            not_after=_when(args.not_after, "--not-after"),
            key_form="pbes2" if scheme is None else scheme.cli_name,
            iterations=FIXTURE_ITERATIONS if iterations is None else iterations,
            km=args.km,
            rrn_check_digit=not args.no_rrn_check_digit,
            root=out,
            layout=args.layout,
        )
        if args.revoked:
            ca.revoke(cert, args.revoked)
        pfx = cert.to_pfx(Path(args.pfx).expanduser()) if args.pfx else None
        data: dict[str, object] = {
            "ok": True,
            "ca": str(ca.home),
            "folder": str(cert.folder),
            "cert": str(cert.cert_path),
            "key": str(cert.key_path),
            "km_cert": None if cert.km_cert_path is None else str(cert.km_cert_path),
            "km_key": None if cert.km_key_path is None else str(cert.km_key_path),
            "pfx": None if pfx is None else str(pfx),
            "name": cert.name,
            "kind": cert.kind,
            "cn": cert.cn,
            "serial": cert.serial_hex,
            "not_before": kst(cert.not_before),
            "not_after": kst(cert.not_after),
            "key_form": cert.key_form,
            "iterations": cert.iterations,
            "revoked": args.revoked,
            "vid": cert.vid.hex(),
            "random_num": None if cert.random_num is None else cert.random_num.hex(),
            "root_cert": str(ca.root_cert_path),
            "issuing_cert": str(ca.issuing_cert_path),
            "crl": str(ca.crl_path),
            "crl_url": ca.urls.crl,
            "ocsp_url": ca.urls.ocsp,
        }
        # Made-up numbers and the default password are test values to hand on; what
        # came in on stdin is the caller's and is not echoed.
        if rrn is None and cert.rrn is not None:
            data["rrn"] = cert.rrn
        if cert.brn is not None:
            data["brn"] = cert.brn
        if password is None:
            data["password"] = cert.password
    lines = [
        msg.FIXTURE_ISSUED.format(cn=cert.cn, serial=cert.serial_hex, folder=cert.folder),
        msg.FIXTURE_VALIDITY.format(not_before=kst(cert.not_before), not_after=kst(cert.not_after)),
    ]
    if "rrn" in data:
        lines.append(msg.FIXTURE_RRN.format(rrn=data["rrn"]))
    if "password" in data:
        lines.append(msg.FIXTURE_PASSWORD.format(password=data["password"]))
    if args.revoked:
        lines.append(msg.FIXTURE_REVOKED_LINE.format(reason=args.revoked))
    if pfx is not None:
        lines.append(msg.FIXTURE_PFX_LINE.format(path=pfx))
    return CommandResult(data, lines)


def cmd_fixture_revoke(args: argparse.Namespace, env: Mapping[str, str]) -> CommandResult:
    """Revoke a fixture certificate by serial and republish the CRL."""
    from mgcert.cli.output import CommandResult

    try:
        serial = int(args.serial, 16)
    except ValueError:
        raise FixtureUsageError(msg.FIXTURE_BAD_SERIAL.format(serial=args.serial)) from None
    with _open_ca(args, env) as ca:
        ca.revoke(serial, args.reason)
        crl = str(ca.crl_path)
    return CommandResult(
        {"ok": True, "serial": format(serial, "x"), "reason": args.reason, "crl": crl},
        [msg.FIXTURE_REVOKE_DONE.format(serial=format(serial, "x"), reason=args.reason, crl=crl)],
    )


def cmd_fixture_serve(args: argparse.Namespace, env: Mapping[str, str]) -> CommandResult:
    """Serve the fixture CA's CRL/OCSP until Ctrl+C (or SIGTERM)."""
    import signal

    from mgcert.cli.output import CommandResult

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with _open_ca(args, env) as ca, ca.serve(port=args.port) as urls:
        sys.stdout.write(msg.FIXTURE_SERVING.format(base=urls.base, crl=urls.crl, ocsp=urls.ocsp))
        sys.stdout.write("\n")
        sys.stdout.flush()
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    return CommandResult({"ok": True}, [msg.FIXTURE_SERVE_STOPPED])


def cmd_gallery(args: argparse.Namespace, env: Mapping[str, str]) -> CommandResult:
    """Write the gallery of good and bad certificates into an empty folder."""
    from mgcert.cli.output import CommandResult
    from mgcert.testing.gallery import GALLERY_CA_FOLDER, check_empty

    directory = Path(args.directory).expanduser().resolve()
    check_empty(directory)  # before a CA is made in it
    with _open_ca(args, env, default=directory / GALLERY_CA_FOLDER) as ca:
        entries = ca.gallery(directory)
    lines = [msg.GALLERY_WRITTEN.format(count=len(entries), path=directory)]
    lines += [f"  {entry['case']:<24} → {entry['expect']}" for entry in entries]
    return CommandResult(
        {
            "ok": True,
            "directory": str(directory),
            "manifest": str(directory / "manifest.json"),
            "cases": [str(entry["case"]) for entry in entries],
        },
        lines,
    )


def _open_ca(
    args: argparse.Namespace, env: Mapping[str, str], *, default: Path | None = None
) -> NpkiCA:
    from mgcert.testing import NpkiCA

    if args.ca:
        home = Path(args.ca).expanduser()
    elif default is not None:
        home = default
    else:
        home = DataHome.resolve(args.home, env).root / FIXTURE_CA_FOLDER
    return NpkiCA(home, now=pinned_from_settings(args.now, env))


def _when(text: str | None, flag: str) -> date | datetime | None:
    if text is None:
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return parse_instant(text)
    except (ValueError, MgcertError):
        raise FixtureUsageError(msg.FIXTURE_BAD_DATE.format(flag=flag, text=text)) from None
