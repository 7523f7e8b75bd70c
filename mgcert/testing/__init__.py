"""NPKI test fixtures for other projects: ``NpkiCA`` and its pytest plugin.

No Textual is imported here. See :class:`NpkiCA` and README "For developers". The
names are loaded on first use, so the pytest plugin (``mgcert.testing.plugin``, loaded
by every pytest run where mgcert is installed) costs nothing until a fixture is used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mgcert.testing.authority import DEFAULT_NAME as DEFAULT_NAME
    from mgcert.testing.authority import DEFAULT_PASSWORD as DEFAULT_PASSWORD
    from mgcert.testing.authority import NpkiCA as NpkiCA
    from mgcert.testing.certificate import NpkiCertificate as NpkiCertificate
    from mgcert.testing.errors import FixtureDatesInvalid as FixtureDatesInvalid
    from mgcert.testing.errors import FixtureError as FixtureError
    from mgcert.testing.errors import HolderNumberInvalid as HolderNumberInvalid
    from mgcert.testing.errors import NotIssuedHere as NotIssuedHere
    from mgcert.testing.errors import PkiPortInUse as PkiPortInUse
    from mgcert.testing.errors import TargetFolderTaken as TargetFolderTaken

_WHERE = {
    "DEFAULT_NAME": "authority",
    "DEFAULT_PASSWORD": "authority",
    "NpkiCA": "authority",
    "NpkiCertificate": "certificate",
    "FixtureDatesInvalid": "errors",
    "FixtureError": "errors",
    "HolderNumberInvalid": "errors",
    "NotIssuedHere": "errors",
    "PkiPortInUse": "errors",
    "TargetFolderTaken": "errors",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'mgcert.testing' has no attribute {name!r}")
    return getattr(import_module(f"mgcert.testing.{module}"), name)
