"""Small JSON files of the practice engine: atomic writes, strict reads, a lock.

A file that exists but is not a JSON object of ours is *damaged*: reported by name
(:class:`PracticeFileDamaged`), never silently replaced.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mgcert.ca.files import exclusive_lock, write_atomic
from mgcert.practice.errors import PracticeFileDamaged

# Our files hold a few small objects; anything much bigger is not ours.
MAX_BYTES = 1 << 20


def read_object(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``; None when there is no file; damaged otherwise."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise PracticeFileDamaged(path) from error
    if len(raw) > MAX_BYTES:
        raise PracticeFileDamaged(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise PracticeFileDamaged(path) from error
    if not isinstance(data, dict):
        raise PracticeFileDamaged(path)
    return data


def write_object(path: Path, data: dict[str, Any]) -> None:
    """Replace ``path`` with ``data`` atomically (temp file, fsync, rename; 0600)."""
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    write_atomic(path, text.encode("utf-8"), 0o600)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold ``<path>.lock`` across processes for a read-modify-write of ``path``."""
    with exclusive_lock(path.with_name(path.name + ".lock")):
        yield


def field(data: dict[str, Any], name: str, kind: type, path: Path) -> Any:
    """``data[name]`` if it is a ``kind`` (bool is not an int here); damaged otherwise."""
    value = data.get(name)
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise PracticeFileDamaged(path)
    return value
