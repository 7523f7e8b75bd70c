"""Layout names of ``write_to(layout=...)`` → the folder that holds ``NPKI/``."""

from __future__ import annotations

from pathlib import Path

from mgcert.messages import testing as msg
from mgcert.testing.errors import FixtureError

# Where the ``NPKI`` folder sits below a root (NPKI.md "Where software looks").
_PARENTS = {
    "windows": Path("AppData/LocalLow"),
    "macos": Path("Library/Preferences"),
    "linux": Path(),
    "android": Path(),
    "removable": Path(),
}
LAYOUTS = tuple(_PARENTS)


def npki_parent(root: Path, layout: str) -> Path:
    """The folder under ``root`` in which ``NPKI/<CA>/USER/...`` is written."""
    try:
        return root / _PARENTS[layout]
    except KeyError:
        raise FixtureError(msg.UNKNOWN_LAYOUT.format(layout=layout)) from None
