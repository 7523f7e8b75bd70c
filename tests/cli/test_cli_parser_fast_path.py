"""`parse_args` builds only the subcommand in argv; what it returns and prints is the
full parser's (help, --version and usage errors go through the full parser)."""

from __future__ import annotations

import argparse

import pytest

from mgcert.cli import parser as cli_parser
from mgcert.cli.parser import build_parser, parse_args

PARSED = [
    ["fixture", "issue", "--ca", "/tmp/ca"],
    ["--json", "fixture", "issue", "--ca=/tmp/ca", "--kind", "corporate", "--km", "--json"],
    ["fixture", "revoke", "0a1b", "--reason", "superseded"],
    ["fixture", "serve", "--port", "0"],
    ["gallery", "/tmp/g"],
    ["issue", "--customer", "1", "--auto-verify", "--password-stdin", "--iterations", "2048"],
    ["--home", "/tmp/h", "--now", "2027-05-01T09:00+09:00", "reissue", "--customer", "2"],
    ["--hom", "/tmp/h", "list", "--medium", "phone"],  # an abbreviated global option
    ["--home=/tmp/h", "--debug", "show", "--serial", "0a"],
    ["--pki-url", "http://127.0.0.1:9", "renew", "--name", "김", "--new-password-stdin"],
    ["financial", "--customer", "1", "--pin-stdin", "--second-factor", "otp"],
    ["passwd", "--password-stdin", "--new-password-stdin", "--key-form", "seed-cbc"],
    ["copy", "--to", "removable", "--to-root", "/tmp/usb"],
    ["clock", "advance", "--days", "30"],
    ["clock"],
    ["reset", "--yes"],
    ["serve", "--port", "0", "--workers", "1"],
    ["pfx-export", "--out", "/tmp/x.pfx", "--password-stdin"],
    ["pfx-import", "/tmp/x.pfx", "--to", "phone"],
    ["other-cert", "--customer", "1"],
    ["customers", "--json"],
]

# Help, --version and usage errors: the same output and exit status as the full parser.
PRINTED = [
    ["--help"],
    ["--version"],
    ["fixture", "issue", "--help"],
    ["fixture", "issue", "--hel"],  # an abbreviation of --help, seen only by argparse
    ["fixture", "issue", "-h"],
    ["clock", "advance", "--help"],
    ["issue", "--kind", "bad"],
    ["fixture"],
    ["fixture", "issue", "--bogus"],
    ["copy"],
    ["serve", "--port", "x"],
    ["nosuch"],
    ["--home"],
    ["--he", "list"],  # ambiguous: --help or --home
    ["list", "extra"],
]


@pytest.mark.parametrize("argv", PARSED, ids=" ".join)
def test_the_fast_path_returns_what_the_full_parser_returns(argv: list[str]) -> None:
    assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize("argv", PARSED, ids=" ".join)
def test_only_the_named_subcommand_is_built(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str | None] = []
    real = cli_parser._build

    def spy(parser_class: type[argparse.ArgumentParser], only: str | None) -> object:
        built.append(only)
        return real(parser_class, only)

    monkeypatch.setattr(cli_parser, "_build", spy)
    parse_args(argv)
    assert len(built) == 1
    assert built[0] is not None


def _outcome(
    parse: object, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> tuple[object, str, str]:
    assert callable(parse)
    with pytest.raises(SystemExit) as exited:
        parse(argv)
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


@pytest.mark.parametrize("argv", PRINTED, ids=" ".join)
def test_help_and_usage_errors_print_what_the_full_parser_prints(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    full = _outcome(lambda a: build_parser().parse_args(a), argv, capsys)
    fast = _outcome(parse_args, argv, capsys)
    assert fast == full
    assert full[1] or full[2]  # it printed something


def test_the_partial_parser_has_the_full_parsers_subcommand() -> None:
    def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                return dict(action.choices)
        return {}

    full = subcommands(build_parser())
    assert set(full) == cli_parser._COMMAND_NAMES
    for name, sub in full.items():
        partial = subcommands(cli_parser._build(argparse.ArgumentParser, name))[name]
        assert partial.format_help() == sub.format_help(), name
