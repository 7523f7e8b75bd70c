"""The storage media the center offers (DOMAIN.md "Storage media")."""

from __future__ import annotations

from pathlib import Path

from mgcert.center.errors import MediumUnavailable
from mgcert.center.models import MediumLocation
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.storage import MediumKind


def standard_media(home: DataHome) -> list[MediumLocation]:
    """하드디스크, 이동식디스크 (default mount point), 휴대폰, and 보안토큰 (not available)."""
    return [
        MediumLocation(MediumKind.HARDDISK, home.harddisk_root, MediumKind.HARDDISK.label),
        removable(home.removable_default_root, create=True),
        MediumLocation(MediumKind.PHONE, home.phone_root, MediumKind.PHONE.label),
        MediumLocation(MediumKind.TOKEN, home.media_dir / "token", MediumKind.TOKEN.label),
    ]


def removable(root: Path, *, create: bool = False) -> MediumLocation:
    """An 이동식디스크 mounted at ``root`` (the folder the user picked).

    The folder must exist unless ``create`` (the simulator's default mount point).
    """
    return MediumLocation(
        MediumKind.REMOVABLE,
        Path(root).expanduser(),
        MediumKind.REMOVABLE.label,
        create_root=create,
    )


def location_of(home: DataHome, kind: MediumKind) -> MediumLocation:
    """The standard location of a medium kind."""
    for location in standard_media(home):
        if location.kind is kind:
            return location
    raise ValueError(kind)


def check_medium(location: MediumLocation) -> None:
    """Raise unless certificates can be written to ``location`` right now.

    보안토큰 → :class:`MediumUnavailable`; an unwritable folder → the storage layer's
    ``MediumNotWritable``.
    """
    if not location.kind.available:
        raise MediumUnavailable(location.label)
    storage.check_writable(location.root, create_root=location.create_root)
