"""A per-job lock held by the process running the job (``<home>/jobs/<id>.lock``).

The journal says a job is unfinished; only the lock says whether its process is still
alive. The kernel releases an ``flock`` when its process dies, so the next open can
tell a job that is running in another window (locked: leave it) from one whose process
was killed (unlocked: roll it forward or back).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: jobs are not shared between processes
    fcntl = None  # type: ignore[assignment]


class JobLock:
    """An exclusive, non-blocking lock on one job's lock file."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def try_acquire(cls, path: Path) -> JobLock | None:
        """The lock, or ``None`` when another live process holds it."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return None
        return cls(path, fd)

    def release(self, *, remove: bool = False) -> None:
        """Give the lock up (``remove``: the job is over, delete its lock file first)."""
        if self._fd is None:
            return
        if remove:
            with contextlib.suppress(OSError):
                self.path.unlink()
        os.close(self._fd)
        self._fd = None


IN_USE_FILE = ".in-use.lock"


class HomeInUse:
    """A shared lock every open center holds on its data home; ``reset`` needs it
    exclusively, so a home is never moved from under a running mgcert."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    @classmethod
    def share(cls, root: Path) -> HomeInUse:
        fd = os.open(root / IN_USE_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        return cls(fd)

    @classmethod
    def try_exclusive(cls, root: Path) -> HomeInUse | None:
        """The lock alone, or ``None`` when any mgcert has this home open."""
        fd = os.open(root / IN_USE_FILE, os.O_RDWR | os.O_CREAT, 0o600)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return None
        return cls(fd)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
