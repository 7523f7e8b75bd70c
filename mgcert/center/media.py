"""The storage media the center offers (DOMAIN.md "Storage media").

:data:`MEDIA_TABLE` is the one place that says what each medium kind can do: its label,
whether the user picks a folder for it (이동식디스크: the USB stick's mount point), whether
the simulator has it at all (보안토큰: listed, not available), whether certificates on it
are listed, and whether 복사 and 가져오기 can write to it. The issuance medium choice, the
certificate picker, 복사 and 가져오기 (TUI and CLI) read it; adding a medium is one row
here plus its folder in :class:`~mgcert.home.DataHome`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mgcert.center.errors import MediumUnavailable
from mgcert.center.models import MediumLocation
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.storage import MediumKind


@dataclass(frozen=True)
class MediumCapability:
    """What one medium kind can do in the simulator."""

    kind: MediumKind
    needs_folder: bool  # the user picks where it is (a USB stick's mount point)
    available: bool  # False: shown like the real app, but not simulated
    listed: bool  # the picker and ``mgcert list`` look for certificates on it
    copy_target: bool  # 복사 can write to it
    import_target: bool  # 가져오기 (PC↔스마트폰) can write to it

    @property
    def label(self) -> str:
        return self.kind.label


# In the order the bank app lists media.
MEDIA_TABLE: tuple[MediumCapability, ...] = (
    MediumCapability(MediumKind.HARDDISK, False, True, True, True, True),
    MediumCapability(MediumKind.REMOVABLE, True, True, True, True, True),
    MediumCapability(MediumKind.PHONE, False, True, True, True, True),
    MediumCapability(MediumKind.TOKEN, False, False, False, False, False),
)
# Where 가져오기 saves unless told otherwise (the other side of a PC → 스마트폰 copy).
IMPORT_DEFAULT = MediumKind.PHONE


def capability(kind: MediumKind) -> MediumCapability:
    """The row of :data:`MEDIA_TABLE` for ``kind``."""
    for row in MEDIA_TABLE:
        if row.kind is kind:
            return row
    raise ValueError(kind)


def listed_kinds() -> list[MediumKind]:
    """The media whose certificates are listed (picker, ``mgcert list``)."""
    return [row.kind for row in MEDIA_TABLE if row.listed]


def copy_target_kinds(source: MediumKind | None = None) -> list[MediumKind]:
    """Where 복사 can write; ``source``'s own kind is left out unless it needs a folder
    (one USB stick to another is a copy too)."""
    return [
        row.kind
        for row in MEDIA_TABLE
        if row.copy_target and (row.kind is not source or row.needs_folder)
    ]


def import_target_kinds() -> list[MediumKind]:
    """Where 가져오기 can write."""
    return [row.kind for row in MEDIA_TABLE if row.import_target]


def standard_media(home: DataHome) -> list[MediumLocation]:
    """Every medium of :data:`MEDIA_TABLE` at its standard place (이동식디스크 at the
    simulator's default mount point)."""
    return [_standard(home, row.kind) for row in MEDIA_TABLE]


def _standard(home: DataHome, kind: MediumKind) -> MediumLocation:
    if kind is MediumKind.HARDDISK:
        return MediumLocation(kind, home.harddisk_root, kind.label)
    if kind is MediumKind.REMOVABLE:
        return removable(home.removable_default_root, create=True)
    if kind is MediumKind.PHONE:
        return MediumLocation(kind, home.phone_root, kind.label)
    return MediumLocation(kind, home.media_dir / kind.value, kind.label)


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
    capability(kind)  # unknown kinds are refused
    return _standard(home, kind)


def location_for(home: DataHome, kind: MediumKind, folder: Path | None = None) -> MediumLocation:
    """``kind`` at ``folder`` when the kind needs one and a folder is given (a chosen USB
    folder), else at its standard place."""
    if folder is not None and capability(kind).needs_folder:
        default = home.removable_default_root
        if Path(folder).expanduser() == default:
            return removable(default, create=True)
        return removable(folder)
    return location_of(home, kind)


def check_medium(location: MediumLocation) -> None:
    """Raise unless certificates can be written to ``location`` right now.

    보안토큰 → :class:`MediumUnavailable`; an unwritable folder → the storage layer's
    ``MediumNotWritable``.
    """
    if not capability(location.kind).available:
        raise MediumUnavailable(location.label)
    storage.check_writable(location.root, create_root=location.create_root)


def check_copy_target(location: MediumLocation) -> None:
    """:func:`check_medium`, and the table must allow 복사 to this kind."""
    if not capability(location.kind).copy_target:
        raise MediumUnavailable(location.label)
    check_medium(location)


def check_import_target(location: MediumLocation) -> None:
    """:func:`check_medium`, and the table must allow 가져오기 to this kind."""
    if not capability(location.kind).import_target:
        raise MediumUnavailable(location.label)
    check_medium(location)
