"""What every register of the data home (bank.db, ca.db, jobs.db) shares on disk."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def has_schema(path: Path, *, timeout: float = 30.0) -> bool:
    """True when ``path`` is an SQLite file with a schema (not missing, not emptied).

    A file that exists but cannot be read counts as present: opening it reports the
    damage, instead of the caller taking it for a new, empty register.
    """
    try:
        if path.stat().st_size == 0:
            return False
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
    except (OSError, sqlite3.Error):
        return False
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0]) > 0
    except sqlite3.Error:
        return True
    finally:
        db.close()
