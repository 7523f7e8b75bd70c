"""``main(argv) -> int``: parse, open the center, run one command, report errors in one line."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Mapping, Sequence
from typing import TextIO

from mgcert.center import CertificateCenter
from mgcert.cli.invocation import Invocation
from mgcert.cli.output import emit
from mgcert.cli.parser import build_parser
from mgcert.cli.secrets import SecretReader
from mgcert.clock import Clock
from mgcert.errors import MgcertError
from mgcert.home import DataHome
from mgcert.messages import center as msg
from mgcert.npki.keyfile import DEFAULT_ITERATIONS, MAX_ITERATIONS

# Test-only: lowers the PBKDF2 count of new signPri.key files so suites run fast.
ITERATIONS_ENV = "MGCERT_KDF_ITERATIONS"

__all__ = ["build_parser", "main"]


def kdf_iterations(env: Mapping[str, str]) -> int:
    """``$MGCERT_KDF_ITERATIONS`` (tests only) or the real default."""
    text = env.get(ITERATIONS_ENV, "").strip()
    if text.isdigit() and 1 <= int(text) <= MAX_ITERATIONS:
        return int(text)
    return DEFAULT_ITERATIONS


def open_center(args: argparse.Namespace, env: Mapping[str, str]) -> CertificateCenter:
    home = DataHome.resolve(args.home, env).ensure()
    clock = Clock.from_settings(args.now, home.clock_file, env)
    return CertificateCenter.open(home, clock, iterations=kdf_iterations(env))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``mgcert``; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2, already printed)
        return exc.code if isinstance(exc.code, int) else 2
    env = os.environ
    stdout, stderr, stdin = sys.stdout, sys.stderr, sys.stdin
    try:
        if args.command is None:
            return _run_tui(args, env, stderr)
        center = open_center(args, env)
        try:
            secrets = SecretReader(vars(args), stdin, env)
            result = args.handler(Invocation(center, args, secrets, stdin))
        finally:
            center.close()
        emit(result, args.json, stdout)
        return 0
    except MgcertError as error:
        return _fail(args, stdout, stderr, str(error), type(error).__name__)
    except KeyboardInterrupt:
        stderr.write(msg.CLI_INTERRUPTED + "\n")
        return 130
    except Exception:
        if args.debug:
            traceback.print_exc(file=stderr)
        return _fail(args, stdout, stderr, None, "UnexpectedError")


def _fail(
    args: argparse.Namespace, stdout: TextIO, stderr: TextIO, message: str | None, kind: str
) -> int:
    line = msg.CLI_ERROR.format(message=message) if message is not None else msg.CLI_UNEXPECTED
    stderr.write(line + "\n")
    if args.json:
        error = message if message is not None else msg.CLI_UNEXPECTED
        stdout.write(json.dumps({"ok": False, "error": error, "type": kind}, ensure_ascii=False))
        stdout.write("\n")
    return 1


def _run_tui(args: argparse.Namespace, env: Mapping[str, str], stderr: TextIO) -> int:
    """No subcommand: the Textual app (imported lazily so scripts never load Textual)."""
    try:
        from mgcert.tui.app import run
    except ImportError:
        stderr.write(msg.CLI_NO_TUI + "\n")
        return 1
    center = open_center(args, env)
    try:
        run(center)
    finally:
        center.close()
    return 0
