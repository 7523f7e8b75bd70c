"""Where real software looks for NPKI folders, per platform (NPKI.md "Where software looks").

Every layout puts ``NPKI/<CA>/USER/<subject DN>/`` under a root:

========== ============================================ =====================================
layout     NPKI folder                                   who looks there
========== ============================================ =====================================
windows    ``<root>/AppData/LocalLow/NPKI``              ``%USERPROFILE%`` as root (PyPinkSign
                                                         ``get_npki_path`` on win32, security
                                                         modules; NPKI_example)
macos      ``<root>/Library/Preferences/NPKI``           ``~`` as root (PyPinkSign on darwin
                                                         also tries ``~/Documents/NPKI``,
                                                         ``~/NPKI``; NPKI_example)
linux      ``<root>/NPKI``                               ``~`` as root (PyPinkSign on linux,
                                                         NPKI_example)
android    ``<root>/NPKI``                               the SD card (``/sdcard``) as root
removable  ``<root>/NPKI``                               a drive's root (top level only)
========== ============================================ =====================================

The root is always the caller's: nothing here defaults to the user's home folder, so
writing into a real home needs that home passed in explicitly.
"""

from __future__ import annotations

import enum
from pathlib import Path, PurePosixPath

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg
from mgcert.npki.storage import NPKI_DIR


class UnknownFolderLayout(MgcertError):
    """A layout name that is not one of :class:`FolderLayout`'s values."""

    def __init__(self, layout: object) -> None:
        self.layout = layout
        super().__init__(msg.UNKNOWN_FOLDER_LAYOUT.format(layout=layout))


class FolderLayout(enum.Enum):
    """A platform's place for NPKI folders, relative to a root the caller chooses."""

    WINDOWS = "windows"
    MACOS = "macos"
    LINUX = "linux"
    ANDROID = "android"
    REMOVABLE = "removable"

    @classmethod
    def parse(cls, name: str | FolderLayout) -> FolderLayout:
        """The layout named ``name`` (``"windows"``, ...); :class:`UnknownFolderLayout`."""
        if isinstance(name, FolderLayout):
            return name
        try:
            return cls(name)
        except ValueError:
            raise UnknownFolderLayout(name) from None

    @property
    def medium_path(self) -> PurePosixPath:
        """The folder holding ``NPKI/``, relative to the root (``.`` for most)."""
        return _MEDIUM_PATHS[self]


_MEDIUM_PATHS = {
    FolderLayout.WINDOWS: PurePosixPath("AppData/LocalLow"),
    FolderLayout.MACOS: PurePosixPath("Library/Preferences"),
    FolderLayout.LINUX: PurePosixPath(),
    FolderLayout.ANDROID: PurePosixPath(),
    FolderLayout.REMOVABLE: PurePosixPath(),
}


def medium_root(root: Path, layout: FolderLayout | str) -> Path:
    """The folder under ``root`` that holds ``NPKI/``: what :func:`mgcert.npki.storage.
    write_certificate` and :func:`~mgcert.npki.storage.discover` take as their root."""
    return Path(root) / FolderLayout.parse(layout).medium_path


def npki_folder(root: Path, layout: FolderLayout | str) -> Path:
    """The ``NPKI`` folder of ``layout`` under ``root`` (e.g. ``<root>/AppData/LocalLow/NPKI``)."""
    return medium_root(root, layout) / NPKI_DIR
