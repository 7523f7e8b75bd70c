"""Secrets for the CLI: from standard input (one per line) or environment variables.

Passwords, PINs and codes never come from argv (visible in ``ps`` and shell history).
The 주민등록번호 and the OTP code may (``--rrn``, ``--otp``), for old scripts, with a
warning on stderr; ``--rrn-stdin`` / ``MGCERT_RRN`` and ``--otp-stdin`` / ``MGCERT_OTP``
keep them out of argv. When several ``--*-stdin`` flags are given, the lines come in
the order of :class:`Secret` (:func:`stdin_order`) — only those whose flag is given.

This module is imported by the parser (for the help text), so it stays light.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

from mgcert.errors import MgcertError, UsageError
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg


@dataclass(frozen=True)
class _SecretInfo:
    dest: str  # argparse dest of the --*-stdin flag
    flag: str
    env: str
    label: str
    argv_dest: str | None = None  # the argv option still accepted (with a warning)
    argv_flag: str | None = None


class Secret(enum.Enum):
    """The kinds of secret a command may need, in stdin line order."""

    RRN = _SecretInfo("rrn_stdin", "--rrn-stdin", "MGCERT_RRN", cli_msg.SECRET_RRN, "rrn", "--rrn")
    ACCOUNT_PASSWORD = _SecretInfo(
        "account_password_stdin",
        "--account-password-stdin",
        "MGCERT_ACCOUNT_PASSWORD",
        msg.CLI_SECRET_ACCOUNT_PASSWORD,
    )
    OTP = _SecretInfo("otp_stdin", "--otp-stdin", "MGCERT_OTP", cli_msg.SECRET_OTP, "otp", "--otp")
    PASSWORD = _SecretInfo(
        "password_stdin", "--password-stdin", "MGCERT_PASSWORD", msg.CLI_SECRET_PASSWORD
    )
    NEW_PASSWORD = _SecretInfo(
        "new_password_stdin",
        "--new-password-stdin",
        "MGCERT_NEW_PASSWORD",
        msg.CLI_SECRET_NEW_PASSWORD,
    )
    PIN = _SecretInfo("pin_stdin", "--pin-stdin", "MGCERT_PIN", msg.CLI_SECRET_PIN)
    CODE = _SecretInfo("code_stdin", "--code-stdin", "MGCERT_EXPORT_CODE", msg.CLI_SECRET_CODE)


def stdin_order() -> str:
    """The stdin line order, for the help text: ``주민등록번호, 계좌비밀번호, …``."""
    return ", ".join(secret.value.label for secret in Secret)


def environment_names() -> str:
    """Every secret's environment variable, for the help text."""
    return ", ".join(secret.value.env for secret in Secret)


class ConflictingSecretOptions(UsageError):
    """The same secret both in argv and from stdin (``--rrn`` with ``--rrn-stdin``)."""


def argv_warnings(options: Mapping[str, object]) -> list[str]:
    """One warning line per secret given in argv (``--rrn``, ``--otp``).

    Raises :class:`ConflictingSecretOptions` when one is also asked for on stdin.
    """
    warnings = []
    for secret in Secret:
        info = secret.value
        if info.argv_dest is not None and options.get(info.argv_dest):
            if options.get(info.dest):
                raise ConflictingSecretOptions(
                    cli_msg.SECRET_TWICE.format(flag=info.argv_flag, stdin_flag=info.flag)
                )
            warnings.append(
                cli_msg.ARGV_SECRET_WARNING.format(
                    flag=info.argv_flag, what=info.label, stdin_flag=info.flag, env=info.env
                )
            )
    return warnings


class MissingSecret(MgcertError):
    """A secret the command needs was given neither on stdin nor in the environment."""


class SecretReader:
    """Hands out secrets; stdin lines are read once, in :class:`Secret` order."""

    def __init__(self, flags: Mapping[str, object], stdin: TextIO, env: Mapping[str, str]) -> None:
        self._flags = flags
        self._stdin = stdin
        self._env = env
        self._from_stdin: dict[Secret, str] | None = None

    def given(self, secret: Secret) -> bool:
        """True when the secret is available (in argv, flag given or variable set)."""
        info = secret.value
        in_argv = info.argv_dest is not None and bool(self._flags.get(info.argv_dest))
        return in_argv or bool(self._flags.get(info.dest)) or info.env in self._env

    def get(self, secret: Secret) -> str:
        """The secret's value, or :class:`MissingSecret`."""
        value = self.optional(secret)
        if value is None:
            info = secret.value
            raise MissingSecret(
                msg.CLI_MISSING_SECRET.format(what=info.label, flag=info.flag, env=info.env)
            )
        return value

    def optional(self, secret: Secret) -> str | None:
        """From argv (``--rrn``/``--otp``), else stdin (its flag), else the environment."""
        info = secret.value
        if info.argv_dest is not None:
            given = self._flags.get(info.argv_dest)
            if isinstance(given, str) and given:
                return given
        if self._flags.get(info.dest):
            return self._read_stdin()[secret]
        return self._env.get(info.env)

    def _read_stdin(self) -> dict[Secret, str]:
        if self._from_stdin is None:
            values: dict[Secret, str] = {}
            for secret in Secret:
                if self._flags.get(secret.value.dest):
                    line = self._stdin.readline()
                    if not line:
                        raise MissingSecret(msg.CLI_STDIN_EXHAUSTED.format(what=secret.value.label))
                    values[secret] = line.rstrip("\r\n")
            self._from_stdin = values
        return self._from_stdin


def environment() -> Mapping[str, str]:
    return os.environ
