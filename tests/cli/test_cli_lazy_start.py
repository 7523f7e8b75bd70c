"""`mgcert` without a subcommand paints before importing the center (issue 8 start-up).

The parser names each handler instead of importing it, and the TUI opens the center in
a background thread; these tests keep both true.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from mgcert.cli.main import build_parser, resolve_handler
from mgcert.cli.parser import parse_tui_args

HEAVY = ("mgcert.center", "mgcert.bank", "mgcert.ca", "cryptography")


def _imported_after(code: str) -> set[str]:
    probe = (
        f"{code}\n"
        "import sys\n"
        f"heavy = {HEAVY!r}\n"
        "print(' '.join(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return set(result.stdout.split())


def test_parsing_and_building_the_tui_import_no_center_or_cryptography() -> None:
    code = (
        "from mgcert.cli.main import build_parser\n"
        "build_parser().parse_args([])\n"
        "from mgcert.tui.app import MgcertApp\n"
        "from mgcert.tui.screens.home import HomeScreen\n"
        "import mgcert.tui.screens.help\n"
    )
    assert _imported_after(code) == set()


def test_running_a_subcommand_still_imports_what_it_needs() -> None:
    # The probe above must be able to fail: resolving a handler pulls the center in.
    code = (
        "from mgcert.cli.main import resolve_handler\n"
        "resolve_handler('mgcert.cli.commands_issue:cmd_issue')\n"
    )
    assert "mgcert.center" in _imported_after(code)


def _subcommand_parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.append(sub)
                found.extend(_subcommand_parsers(sub))
    return found


def test_every_subcommand_names_a_handler_that_exists() -> None:
    parsers = _subcommand_parsers(build_parser())
    refs = {p.get_default("handler") for p in parsers} - {None}
    assert len(refs) >= 20
    for ref in refs:
        handler = resolve_handler(ref)
        assert callable(handler), ref
        assert handler.__name__ == ref.rpartition(":")[2]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--home", "/tmp/x"],
        ["--now", "2027-05-01T09:00+09:00", "--debug"],
        ["--json", "--home=/tmp/y"],
    ],
)
def test_the_quick_tui_parse_agrees_with_the_full_parser(argv: list[str]) -> None:
    quick = parse_tui_args(argv)
    assert quick is not None
    full = build_parser().parse_args(argv)
    assert vars(quick) == vars(full)


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--home", "/tmp/x", "list", "--json"],
        ["--help"],
        ["--version"],
        ["--home"],  # missing value: the full parser prints the usage error
        ["--no-such-option"],
        ["--h", "/tmp/x"],  # ambiguous (--help/--home) to the full parser
        ["--ho", "/tmp/x"],  # abbreviations are the full parser's business
    ],
)
def test_anything_but_a_plain_tui_start_goes_to_the_full_parser(argv: list[str]) -> None:
    assert parse_tui_args(argv) is None
