"""``--key-form`` / ``--iterations`` and their environment forms: how new signPri.key
files are encrypted.

- ``MGCERT_KEY_FORM`` / ``MGCERT_ITERATIONS`` set the default for every key file this
  run writes (the TUI included, which has no options of its own; the demo certificate
  of a new data home too). ``MGCERT_KDF_ITERATIONS``, the older name, is still read.
- ``--key-form`` / ``--iterations`` on issue, reissue, renew and other-cert override
  them for the new file; on ``passwd`` they override the file's own form and count,
  which a password change otherwise keeps (the environment does not change them).

Every value is checked before anything runs: a bad one is a usage error (one Korean
line, exit status 2), never a silent default. Unset or empty variables mean the built-in
default, PBES2 at 1,300,000 rounds.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from mgcert.errors import UsageError
from mgcert.messages import cli as msg
from mgcert.npki.keyform import (
    InvalidKeyProtection,
    KeyProtection,
    KeyScheme,
    parse_iterations,
)

KEY_FORM_ENV = "MGCERT_KEY_FORM"
ITERATIONS_ENV = "MGCERT_ITERATIONS"
# The test-only name before --iterations existed; read as strictly as the new one.
OLD_ITERATIONS_ENV = "MGCERT_KDF_ITERATIONS"
KEY_FORM_FLAG = "--key-form"
ITERATIONS_FLAG = "--iterations"

# How a subcommand uses the flags (the parser's ``key_options`` default).
NEW_KEY = "new"  # the form of the key file the command makes
OVERRIDE = "override"  # passwd: replaces the file's own form / count


class KeySettingInvalid(UsageError):
    """A key form or iteration count given to this run cannot be used."""

    def __init__(self, setting: str, problem: str) -> None:
        self.setting = setting
        super().__init__(msg.KEY_SETTING_INVALID.format(setting=setting, problem=problem))


def default_protection(env: Mapping[str, str]) -> KeyProtection:
    """The protection the environment asks for, else ``KeyProtection()``."""
    scheme = _scheme(KEY_FORM_ENV, env.get(KEY_FORM_ENV, "").strip() or None)
    iterations = _env_iterations(env)
    return KeyProtection().with_changes(scheme=scheme, iterations=iterations)


def requested(args: argparse.Namespace) -> tuple[KeyScheme | None, int | None]:
    """The form and count the command line gives (None where a flag is absent)."""
    form = getattr(args, "key_form", None)
    count = getattr(args, "iterations", None)
    scheme = _scheme(KEY_FORM_FLAG, form)
    iterations = _iterations(ITERATIONS_FLAG, count) if count is not None else None
    return scheme, iterations


def center_protection(args: argparse.Namespace, env: Mapping[str, str]) -> KeyProtection:
    """What the center opened for this run writes new key files with.

    Also the check that runs before any command (and before the TUI): raises
    :class:`KeySettingInvalid` for a bad flag or variable.
    """
    protection = default_protection(env)
    scheme, iterations = requested(args)
    if getattr(args, "key_options", None) == NEW_KEY:
        protection = protection.with_changes(scheme=scheme, iterations=iterations)
    return protection


def _scheme(setting: str, text: str | None) -> KeyScheme | None:
    if text is None:
        return None
    try:
        return KeyScheme.from_cli(text)
    except InvalidKeyProtection as exc:
        raise KeySettingInvalid(setting, str(exc)) from exc


def _iterations(setting: str, text: str) -> int:
    try:
        return parse_iterations(text)
    except InvalidKeyProtection as exc:
        raise KeySettingInvalid(setting, str(exc)) from exc


def _env_iterations(env: Mapping[str, str]) -> int | None:
    values = {
        name: _iterations(name, text)
        for name in (ITERATIONS_ENV, OLD_ITERATIONS_ENV)
        if (text := env.get(name, "").strip())
    }
    if len(set(values.values())) > 1:
        raise UsageError(
            msg.ITERATIONS_ENV_CONFLICT.format(
                new=ITERATIONS_ENV,
                new_value=values[ITERATIONS_ENV],
                old=OLD_ITERATIONS_ENV,
                old_value=values[OLD_ITERATIONS_ENV],
            )
        )
    return next(iter(values.values()), None)
