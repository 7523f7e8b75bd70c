"""``main(argv) -> int``: parse, open the center, run one command, report errors in one line."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import TYPE_CHECKING, TextIO

from mgcert.cli.parser import build_parser, parse_args
from mgcert.errors import MgcertError, UsageError, describe_full_disk
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg

if TYPE_CHECKING:  # imported when used: the TUI paints before the center is imported
    from pathlib import Path

    from mgcert.center import CertificateCenter
    from mgcert.cli.invocation import Invocation
    from mgcert.cli.output import CommandResult

    Handler = Callable[[Invocation], CommandResult]
    HomeHandler = Callable[[argparse.Namespace, Mapping[str, str]], CommandResult]

# The PKI base URL a new data home's certificates point at (fixed when it is created).
PKI_URL_ENV = "MGCERT_PKI_URL"

__all__ = ["build_parser", "main"]


class NoTerminal(UsageError):
    """``mgcert`` without a subcommand, but no terminal to draw the screen on."""

    default_message = cli_msg.NO_TERMINAL


def has_terminal() -> bool:
    """True when the TUI can run: Textual reads keys from stdin and draws on stderr.

    stdout does not matter (``mgcert > log`` still shows the screen); without the
    other two the app would wait for keys no one can type, on a screen no one sees.
    """
    return all(_is_tty(stream) for stream in (sys.__stdin__, sys.__stderr__))


def _is_tty(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # replaced or closed streams
        return False


def open_center(args: argparse.Namespace, env: Mapping[str, str]) -> CertificateCenter:
    from mgcert.center import CertificateCenter
    from mgcert.cli.key_settings import center_protection
    from mgcert.clock import Clock
    from mgcert.home import DataHome
    from mgcert.practice.marker import PracticeTimers, is_practice_home

    home = DataHome.resolve(args.home, env).ensure()
    clock = Clock.from_settings(args.now, home.clock_file, env)
    if _repairs_clock(args):
        # `clock reset` must work whatever clock.json holds: rewrite it before the
        # center opens, since opening reads the clock (unfinished jobs roll forward).
        clock.reset()
    clock.check()  # a damaged clock.json stops here, before any work, in Korean
    pki_url = getattr(args, "pki_url", None) or env.get(PKI_URL_ENV) or None
    protection = center_protection(args, env)
    if is_practice_home(home.root):  # 시간 제한 없음 pauses its codes (practice.opening)
        timers = PracticeTimers(home.root)
        return CertificateCenter.open(
            home, clock, key_protection=protection, pki_url=pki_url, timers=timers
        )
    return CertificateCenter.open(home, clock, key_protection=protection, pki_url=pki_url)


def _repairs_clock(args: argparse.Namespace) -> bool:
    return args.command == "clock" and getattr(args, "clock_action", None) == "reset"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``mgcert``; returns the exit status.

    Without ``argv`` this is the program itself (the ``mgcert`` script, ``python -m
    mgcert``), and the interpreter exits next: the objects made so far are then frozen
    (:func:`gc.freeze`), so the collections Python runs while shutting down skip them
    instead of walking every module's objects again (about 10 ms of a 200 ms
    ``mgcert fixture issue``). Objects are still freed as the modules are torn down;
    only garbage cycles left at exit go uncollected, which the operating system takes
    back with the process. Tests and embedders pass ``argv`` and keep a normal heap.
    """
    try:
        return _main(sys.argv[1:] if argv is None else list(argv))
    finally:
        if argv is None:
            gc.freeze()


def _main(arguments: list[str]) -> int:
    try:
        args = parse_args(arguments)
    except SystemExit as exc:  # --help (0) or a usage error (2, already printed)
        return exc.code if isinstance(exc.code, int) else 2
    env = os.environ
    stdout, stderr, stdin = sys.stdout, sys.stderr, sys.stdin
    try:
        # --now / MGCERT_NOW, --key-form / --iterations and their variables, and the
        # identity methods are checked before anything runs: a bad one is a usage error.
        from mgcert.cli.identity_options import chosen_methods
        from mgcert.cli.key_settings import center_protection
        from mgcert.clock import pinned_from_settings

        pinned_from_settings(args.now, env)
        center_protection(args, env)
        chosen_methods(args)
        if args.command is None:
            return _run_tui(args, env, stderr)
        return _run_command(args, env, stdin, stdout, stderr)
    except KeyboardInterrupt:
        stderr.write(msg.CLI_INTERRUPTED + "\n")
        return 130
    except Exception as error:
        return report_error(error, args, env, stdout, stderr)


def resolve_handler(ref: str) -> Handler:
    """The function a parser reference (``"module:function"``) names."""
    module, _, name = ref.partition(":")
    handler: Handler = getattr(import_module(module), name)
    return handler


def resolve_home_handler(ref: str) -> HomeHandler:
    """A handler that runs without the center (``reset``)."""
    module, _, name = ref.partition(":")
    handler: HomeHandler = getattr(import_module(module), name)
    return handler


def _run_command(
    args: argparse.Namespace,
    env: Mapping[str, str],
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    from mgcert.cli.output import emit
    from mgcert.cli.secrets import SecretReader, argv_warnings

    for warning in argv_warnings(vars(args)):  # said before anything can fail
        stderr.write(warning + "\n")
    stderr.flush()
    if not getattr(args, "opens_center", True):
        result = resolve_home_handler(args.handler)(args, env)
    else:
        from mgcert.cli.invocation import Invocation  # the center comes with it

        handler = resolve_handler(args.handler)
        center = open_center(args, env)
        try:
            secrets = SecretReader(vars(args), stdin, env)
            result = handler(Invocation(center, args, secrets, stdin))
        finally:
            center.close()
    emit(result, args.json, stdout)
    # A command that did part of its work (recover with a damaged entry) says ok=false.
    return 0 if result.data.get("ok", True) is not False else 1


def report_error(
    error: BaseException,
    args: argparse.Namespace,
    env: Mapping[str, str],
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """One line on stderr (and one JSON object with ``--json``); returns the exit status.

    An :class:`MgcertError` says its own sentence; anything else is the generic line
    (``--debug`` adds the traceback). A full disk is named as such whichever layer met
    it (:func:`mgcert.errors.describe_full_disk`, which walks the cause chain).
    """
    import json

    known = isinstance(error, MgcertError)
    message = str(error) if known else None
    kind = type(error).__name__ if known else "UnexpectedError"
    if not known and args.debug:
        import traceback

        traceback.print_exception(error, file=stderr)
    disk_full = describe_full_disk(error, _home_root(args, env))
    if disk_full is not None:
        message = disk_full
        kind = kind if known else "DiskFull"
    line = msg.CLI_ERROR.format(message=message) if message is not None else msg.CLI_UNEXPECTED
    stderr.write(line + "\n")
    if args.json:
        data: dict[str, object] = {
            "ok": False,
            "error": message if message is not None else msg.CLI_UNEXPECTED,
            "type": kind,
        }
        if disk_full is not None:
            data["disk_full"] = True
        stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    return 2 if isinstance(error, UsageError) else 1


def _home_root(args: argparse.Namespace, env: Mapping[str, str]) -> Path | None:
    from mgcert.home import DataHome

    try:
        return DataHome.resolve(args.home, env).root
    except (OSError, RuntimeError, ValueError):  # e.g. a symlink loop in --home
        return None


def _run_tui(args: argparse.Namespace, env: Mapping[str, str], stderr: TextIO) -> int:
    """No subcommand: the Textual app (imported lazily so scripts never load Textual).

    The app paints its first screen, then opens the center in a background thread; if
    that fails the app shows why, and the same line ends up on stderr with exit 1.
    Without a terminal it would wait for keys forever: :class:`NoTerminal` (exit 2).
    """
    if not has_terminal():
        raise NoTerminal
    try:
        from mgcert.tui.app import run
    except ImportError:
        stderr.write(msg.CLI_NO_TUI + "\n")
        return 1
    error = run(lambda: open_center(args, env))
    if error is None:
        return 0
    return report_error(error, args, env, sys.stdout, stderr)
