"""pfx-export / pfx-import: a stored certificate to a PKCS #12 file and back.

``mgcert pfx-export [--medium M --serial S --name N] --out FILE --password-stdin
--pfx-password-stdin`` and ``mgcert pfx-import FILE --to MEDIUM [--to-root DIR]
--pfx-password-stdin --new-password-stdin``. Secrets never come from argv: each
``--*-stdin`` flag takes one line of standard input, in the order 인증서 비밀번호, PFX
비밀번호, 새 인증서 비밀번호 (only those whose flag is given), or the environment
(``MGCERT_PASSWORD``, ``MGCERT_PFX_PASSWORD``, ``MGCERT_NEW_PASSWORD``).

The parser imports this module to register the subcommands, so its top level stays
light (no center, no cryptography): the handlers import what they need.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mgcert.cli import secrets
from mgcert.messages import center as center_msg
from mgcert.messages import npki as msg

if TYPE_CHECKING:
    from mgcert.cli.invocation import Invocation
    from mgcert.cli.output import CommandResult

AddCommand = Callable[[str, str, str, list[argparse.ArgumentParser]], argparse.ArgumentParser]

PFX_PASSWORD_FLAG = "--pfx-password-stdin"  # noqa: S105 (a flag name)
PFX_PASSWORD_ENV = "MGCERT_PFX_PASSWORD"  # noqa: S105 (a variable name)
_MODULE = "mgcert.cli.commands_pfx"


def add_pfx_commands(
    add: AddCommand, certificate: argparse.ArgumentParser, media: Sequence[str]
) -> None:
    """Register ``pfx-export`` (certificate chosen as ``passwd``/``copy`` do) and
    ``pfx-import`` with the parser's ``add`` helper."""
    export = add("pfx-export", f"{_MODULE}:cmd_pfx_export", msg.PFX_EXPORT_HELP, [certificate])
    export.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help="만들 PFX 파일 (폴더면 그 안에 <이름>_<일련번호>.pfx; 있는 파일은 덮어쓰지 않음) "
        "/ the new PFX file (a folder: <name>_<serial>.pfx in it; never overwrites)",
    )
    _pfx_password_option(export)

    imp = add("pfx-import", f"{_MODULE}:cmd_pfx_import", msg.PFX_IMPORT_HELP, [])
    imp.add_argument("file", metavar="FILE", help="가져올 PFX 파일 / the PFX file")
    imp.add_argument("--to", choices=list(media), required=True, help="대상 저장매체 / medium")
    imp.add_argument("--to-root", metavar="DIR", help="대상 이동식디스크 폴더 / target folder")
    _pfx_password_option(imp)
    imp.add_argument(
        "--new-password-stdin",
        action="store_true",
        help="새 인증서 비밀번호를 표준입력에서 읽음 (또는 MGCERT_NEW_PASSWORD) "
        "/ the new certificate password",
    )


def _pfx_password_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        PFX_PASSWORD_FLAG,
        dest="pfx_password_stdin",
        action="store_true",
        help=f"PFX 비밀번호를 표준입력에서 읽음 (또는 {PFX_PASSWORD_ENV}) / the PFX password",
    )


def cmd_pfx_export(inv: Invocation) -> CommandResult:
    from mgcert.cli.output import CommandResult
    from mgcert.cli.secrets import Secret

    entry = inv.certificate()
    password = inv.secrets.get(Secret.PASSWORD)  # stdin line 1 (if its flag is given)
    pfx_password = _pfx_password(inv)  # then this one
    result = inv.center.export_pfx(entry, password, pfx_password, pfx_password, inv.args.out)
    data = {
        "ok": True,
        "path": str(result.path),
        "serial_hex": result.serial_hex,
        "chain_length": result.chain_length,
    }
    return CommandResult(data, [msg.PFX_EXPORTED.format(path=result.path)])


def cmd_pfx_import(inv: Invocation) -> CommandResult:
    from mgcert.cli.output import CommandResult, entry_data, entry_line
    from mgcert.cli.secrets import Secret

    target = inv.medium(inv.args.to, inv.args.to_root)
    pfx_password = _pfx_password(inv)  # before the new password, as the help says
    new_password = inv.secrets.get(Secret.NEW_PASSWORD)
    entry = inv.center.import_pfx(inv.args.file, pfx_password, new_password, new_password, target)
    lines = [
        msg.PFX_IMPORTED.format(medium=entry.location.label, folder=entry.stored.folder),
        entry_line(entry),
    ]
    return CommandResult({"ok": True, "certificate": entry_data(entry)}, lines)


def _pfx_password(inv: Invocation) -> str:
    """The next stdin line (``--pfx-password-stdin``), else ``MGCERT_PFX_PASSWORD``."""
    if inv.args.pfx_password_stdin:
        line = inv.stdin.readline()
        if not line:
            raise secrets.MissingSecret(
                center_msg.CLI_STDIN_EXHAUSTED.format(what=msg.PFX_SECRET_LABEL)
            )
        return line.rstrip("\r\n")
    value = secrets.environment().get(PFX_PASSWORD_ENV)
    if value is None:
        raise secrets.MissingSecret(
            center_msg.CLI_MISSING_SECRET.format(
                what=msg.PFX_SECRET_LABEL, flag=PFX_PASSWORD_FLAG, env=PFX_PASSWORD_ENV
            )
        )
    return value
