"""``--phone-check`` / ``--second-factor``: which 본인인증 methods a command answers.

The names come from the center's table (:data:`mgcert.center.identity_methods.
IDENTITY_METHODS`), not from a list here. They are checked before anything runs,
as the key settings are: a name the table does not have is a usage error (one Korean
line, exit status 2), never argparse's English. The parser only names the flags (it
must not import the center: ``mgcert`` without a subcommand paints first).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from mgcert.errors import UsageError
from mgcert.messages import cli as msg

if TYPE_CHECKING:
    from mgcert.center.identity_methods import IdentityGroup, IdentityMethod

PHONE_FLAG = "--phone-check"
SECOND_FLAG = "--second-factor"
# argparse dest of each flag; checked only on commands that have the flags.
_FLAGS = {"phone_check": PHONE_FLAG, "second_factor": SECOND_FLAG}


class IdentityOptionInvalid(UsageError):
    """A method name that is not a method of that step."""


def chosen_methods(args: argparse.Namespace) -> tuple[IdentityMethod, IdentityMethod] | None:
    """(phone check, 보안매체) the command line asks for, the table's defaults where a
    flag is absent; None on a command without the flags."""
    if not all(hasattr(args, dest) for dest in _FLAGS):
        return None
    from mgcert.center.identity_methods import IdentityGroup

    return (
        _method(args.phone_check, IdentityGroup.PHONE, PHONE_FLAG),
        _method(args.second_factor, IdentityGroup.SECURITY_MEDIUM, SECOND_FLAG),
    )


def _method(value: str | None, group: IdentityGroup, flag: str) -> IdentityMethod:
    from mgcert.center.identity_methods import method_named

    if value is None:
        return group.default
    method = method_named(value, group)
    if method is None:
        names = ", ".join(row.name for row in group.methods)
        raise IdentityOptionInvalid(
            msg.IDENTITY_METHOD_UNKNOWN.format(flag=flag, value=value, names=names)
        )
    return method
