"""Secrets for the CLI: from standard input (one per line) or environment variables.

Never from argv (visible in ``ps`` and shell history). When several ``--*-stdin``
flags are given, the lines come in this fixed order: 계좌비밀번호, 인증서 비밀번호,
새 비밀번호, PIN, 인증번호 — only those whose flag is given.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

from mgcert.center.errors import CenterError
from mgcert.messages import center as msg


@dataclass(frozen=True)
class _SecretInfo:
    dest: str  # argparse dest of the --*-stdin flag
    flag: str
    env: str
    label: str


class Secret(enum.Enum):
    """The kinds of secret a command may need, in stdin line order."""

    ACCOUNT_PASSWORD = _SecretInfo(
        "account_password_stdin",
        "--account-password-stdin",
        "MGCERT_ACCOUNT_PASSWORD",
        msg.CLI_SECRET_ACCOUNT_PASSWORD,
    )
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


class MissingSecret(CenterError):
    """A secret the command needs was given neither on stdin nor in the environment."""


class SecretReader:
    """Hands out secrets; stdin lines are read once, in :class:`Secret` order."""

    def __init__(self, flags: Mapping[str, bool], stdin: TextIO, env: Mapping[str, str]) -> None:
        self._flags = flags
        self._stdin = stdin
        self._env = env
        self._from_stdin: dict[Secret, str] | None = None

    def given(self, secret: Secret) -> bool:
        """True when the secret is available (flag given or variable set)."""
        return bool(self._flags.get(secret.value.dest)) or secret.value.env in self._env

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
        if self._flags.get(secret.value.dest):
            return self._read_stdin()[secret]
        return self._env.get(secret.value.env)

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
