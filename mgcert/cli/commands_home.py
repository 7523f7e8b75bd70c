"""reset: start a new data home (the old one is moved aside, never deleted).

Runs without opening the center: it is the way out when the center cannot open.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from mgcert.center.reset import reset_home
from mgcert.cli.invocation import CliUsageError
from mgcert.cli.output import CommandResult
from mgcert.home import DataHome
from mgcert.messages import center as msg


def cmd_reset(args: argparse.Namespace, env: Mapping[str, str]) -> CommandResult:
    """Move the data home to ``<home>.old-<time>``; needs ``--yes``."""
    home = DataHome.resolve(args.home, env)
    if not args.yes:
        raise CliUsageError(msg.RESET_NEEDS_YES.format(path=home.root, name=home.root.name))
    moved = reset_home(home)
    if moved is None:
        return CommandResult(
            {"ok": True, "moved_to": None}, [msg.RESET_NOTHING.format(path=home.root)]
        )
    return CommandResult({"ok": True, "moved_to": str(moved)}, [msg.RESET_DONE.format(path=moved)])
