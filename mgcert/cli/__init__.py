"""The ``mgcert`` command: no subcommand starts the TUI; subcommands are for scripts.

Every subcommand is a thin client of :class:`mgcert.center.CertificateCenter` (``reset``
runs without it). Secrets come from standard input (``--password-stdin`` and friends,
one per line) or environment variables; the argv forms ``--rrn`` / ``--otp`` print a
warning. Errors are one Korean line on stderr (exit 1;
2 for usage errors); ``--json`` prints one JSON object on stdout.
"""

from mgcert.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
