"""The data homes of ``mgcert web``: one per browser tab, held while the tab is open.

``<root>/learners/<folder>`` is a named learner's home, kept between visits;
``<root>/practice/<id>`` a fresh one for a tab without a name, removed when the tab
closes (and, if its process was killed, by the next ``mgcert web`` on that root).
``<root>/locks/`` holds one lock file per home: a home is used by one tab at a time
(the lock is the kernel's, so a killed process lets go of it).

Every home is marked as a practice home before the center opens it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from mgcert.errors import DataHomeUnavailable, MgcertError
from mgcert.home import DataHome
from mgcert.messages import web as msg
from mgcert.web.names import LearnerName

LEARNERS = "learners"
PRACTICE = "practice"
LOCKS = "locks"
_PRACTICE_PREFIX = "practice-"
_LEARNER_PREFIX = "learner-"


class LearnerNameInUse(MgcertError):
    """Another tab has this learner's home open."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(msg.NAME_IN_USE.format(name=name))


class _Locked(Exception):
    """The lock file is held by another process."""


def _try_lock(path: Path) -> int:
    """An open descriptor holding ``path``'s exclusive lock; :class:`_Locked` if taken."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(descriptor)
        raise _Locked from error
    return descriptor


@dataclass
class ClaimedHome:
    """A data home this process holds until :meth:`release`."""

    path: Path
    learner: LearnerName | None
    _lock_file: Path
    _descriptor: int | None = field(default=None, repr=False)

    @property
    def fresh(self) -> bool:
        """True for a nameless practice home (removed on release)."""
        return self.learner is None

    def release(self) -> None:
        """Let go of the home; a fresh one is removed first (its lock file after it)."""
        if self._descriptor is None:
            return
        try:
            if self.fresh:
                shutil.rmtree(self.path, ignore_errors=True)
                # Safe to unlink: the id is this tab's own, no one else opens it.
                self._lock_file.unlink(missing_ok=True)
        finally:
            os.close(self._descriptor)
            self._descriptor = None


@dataclass(frozen=True)
class WebHomes:
    """The folder under which ``mgcert web`` keeps every tab's home."""

    root: Path

    @property
    def learners_dir(self) -> Path:
        return self.root / LEARNERS

    @property
    def practice_dir(self) -> Path:
        return self.root / PRACTICE

    @property
    def locks_dir(self) -> Path:
        return self.root / LOCKS

    def ensure(self) -> WebHomes:
        """Create the root and its three folders (0700); :class:`DataHomeUnavailable`."""
        for folder in (self.root, self.learners_dir, self.practice_dir, self.locks_dir):
            DataHome(folder).ensure()
        return self

    def claim(self, learner: LearnerName | None) -> ClaimedHome:
        """Hold and prepare the home of ``learner`` (None: a new practice home).

        Raises :class:`LearnerNameInUse` if another tab holds that name's home, and
        :class:`DataHomeUnavailable` if the folder cannot be made.
        """
        self.ensure()
        if learner is None:
            home_id = f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(4)}"
            path = self.practice_dir / home_id
            lock_file = self.locks_dir / f"{_PRACTICE_PREFIX}{home_id}.lock"
        else:
            path = self.learners_dir / learner.folder
            lock_file = self.locks_dir / f"{_LEARNER_PREFIX}{learner.folder}.lock"
        try:
            descriptor = _try_lock(lock_file)
        except _Locked:
            assert learner is not None  # a fresh id is never held by anyone else
            raise LearnerNameInUse(learner.shown) from None
        except OSError as error:
            raise DataHomeUnavailable(str(lock_file), error.strerror or str(error)) from error
        claimed = ClaimedHome(path, learner, lock_file, descriptor)
        try:
            _prepare(path)
        except BaseException:
            claimed.release()
            raise
        return claimed

    def sweep_abandoned(self) -> list[Path]:
        """Remove fresh practice homes whose tab is gone (killed); returns them."""
        removed: list[Path] = []
        if not self.practice_dir.is_dir():
            return removed
        for path in sorted(self.practice_dir.iterdir()):
            lock_file = self.locks_dir / f"{_PRACTICE_PREFIX}{path.name}.lock"
            if not path.is_dir() or path.is_symlink():
                continue
            try:
                descriptor = _try_lock(lock_file)
            except (_Locked, OSError):
                continue  # its tab is open (or the lock cannot be read: leave it)
            try:
                shutil.rmtree(path, ignore_errors=True)
                lock_file.unlink(missing_ok=True)
                removed.append(path)
            finally:
                os.close(descriptor)
        return removed


def _prepare(path: Path) -> None:
    """Make the folder (0700) and mark it as a practice home (a home marked already
    keeps its settings, e.g. a returning learner's 시간 제한 없음)."""
    from mgcert.practice.marker import mark_practice_home

    DataHome(path).ensure()
    mark_practice_home(path)


def cleanup_quietly(claimed: ClaimedHome | None) -> None:
    """Release ``claimed`` if any, whatever happens (the session is ending)."""
    if claimed is not None:
        with contextlib.suppress(OSError):
            claimed.release()
