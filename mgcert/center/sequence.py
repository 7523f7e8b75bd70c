"""The two-digit tail of MG CNs: a per-day counter kept in the data home.

Two certificates issued to the same person on the same day must not share a CN (and so
an NPKI folder); a counter is simpler and more predictable than random digits.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

_FILE_NAME = "cn-sequence.json"
_MODULO = 100


def next_sequence(home_root: Path, today: date) -> int:
    """1, 2, 3, ... for each certificate made on ``today`` (wrapping at 100)."""
    path = home_root / _FILE_NAME
    current = 0
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("day") == today.isoformat():
            current = int(data["last"])
    except (OSError, ValueError, KeyError, TypeError):
        current = 0  # a missing or damaged counter only restarts the numbering
    value = (current + 1) % _MODULO
    tmp = path.with_name(_FILE_NAME + ".tmp")
    tmp.write_text(json.dumps({"day": today.isoformat(), "last": value}), encoding="utf-8")
    os.replace(tmp, path)
    return value
