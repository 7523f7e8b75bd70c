"""``mgcert reset``: start a new data home when the old one cannot be opened.

Nothing is deleted: the old data home is moved aside to ``<home>.old-<YYYYmmdd-HHMMSS>``
(its certificates, keys and registers stay there for a backup or a look), and the next
open creates a fresh home. A home with a job running in another process is refused.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from mgcert.bank.errors import BankRegisterMissing, BankSecretUnavailable
from mgcert.ca import CaRegisterMissing, CaStateDamaged
from mgcert.center.errors import (
    HomeManifestDamaged,
    HomeRegisterForeign,
    JournalMissing,
    ResetRefused,
)
from mgcert.center.job_lock import HomeInUse, JobLock
from mgcert.home import DataHome
from mgcert.messages import center as msg

# The failures a new data home is the way out of (besides restoring the file).
RESETTABLE = (
    BankRegisterMissing,
    BankSecretUnavailable,
    CaRegisterMissing,
    CaStateDamaged,
    JournalMissing,
    HomeRegisterForeign,
    HomeManifestDamaged,
)


def home_to_reset(error: BaseException) -> DataHome | None:
    """The data home an opening ``error`` names, when resetting it is a way on."""
    if isinstance(error, RESETTABLE):
        path = getattr(error, "path", None)
        if isinstance(path, Path):
            # The file may sit deeper (ca/private/root.key): the home holds the manifest.
            for folder in path.parents:
                if (folder / "manifest.json").is_file():
                    return DataHome(folder)
            return DataHome(path.parent)
    return None


def reset_home(home: DataHome, *, now: datetime | None = None) -> Path | None:
    """Move ``home`` aside; returns where it went (``None``: there was nothing there).

    :class:`ResetRefused` when a job is running in another process or the folder
    cannot be moved.
    """
    root = home.root
    if not root.exists():
        return None
    alone = HomeInUse.try_exclusive(root)  # held through the move: no open can start
    if alone is None:
        raise ResetRefused(msg.RESET_IN_USE)
    try:
        _refuse_if_busy(home)
        return _move_aside(root, now)
    finally:
        alone.release()


def _move_aside(root: Path, now: datetime | None) -> Path:
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    target = root.with_name(f"{root.name}.old-{moment:%Y%m%d-%H%M%S}")
    suffix = 1
    while target.exists():
        suffix += 1
        target = root.with_name(f"{root.name}.old-{moment:%Y%m%d-%H%M%S}-{suffix}")
    try:
        root.rename(target)
    except OSError as exc:
        raise ResetRefused(msg.RESET_CANNOT_MOVE.format(path=root, reason=exc.strerror)) from exc
    return target


def _refuse_if_busy(home: DataHome) -> None:
    locks = home.job_locks_dir
    if not locks.is_dir():
        return
    for path in locks.glob("*.lock"):
        held = JobLock.try_acquire(path)
        if held is None:
            raise ResetRefused(msg.RESET_BUSY)
        held.release()
