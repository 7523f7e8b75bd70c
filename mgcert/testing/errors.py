"""What :mod:`mgcert.testing` raises: one type per mistake, each with a Korean message."""

from __future__ import annotations

from mgcert.errors import MgcertError
from mgcert.messages import testing as msg


class FixtureError(MgcertError):
    """A fixture request that cannot be served (bad holder, dates, form, layout...)."""


class HolderNumberInvalid(FixtureError):
    """A 주민등록번호 or 사업자등록번호 that is malformed or fails its check digit."""


class FixtureDatesInvalid(FixtureError):
    """not_before is not before not_after, or a datetime has no time zone."""


class FixtureCaClosed(FixtureError):
    default_message = msg.CA_CLOSED


class NotIssuedHere(FixtureError):
    """A certificate handed to :meth:`NpkiCA.revoke` that another CA issued."""


class PkiPortInUse(FixtureError):
    """:meth:`NpkiCA.serve` could not bind the port written into the certificates."""


class TargetFolderTaken(FixtureError):
    """``write_to`` found another certificate in the folder it would write."""


class GalleryFolderNotEmpty(FixtureError):
    """``gallery(dir)`` refuses to mix its cases with files already there."""
