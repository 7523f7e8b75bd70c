"""The three signPri.key forms, their user-facing names, and how a new file is protected.

NPKI.md lists the forms found in the wild: PBES2 (PBKDF2-HMAC-SHA1 + SEED-CBC, what
mgcert writes by default), ``seedCBCWithSHA1`` (PBKDF1-SHA1, IV derived from the key
material) and the old top-level SEED form (PBKDF1-SHA1, fixed IV). mgcert reads and
writes all three, at any iteration count from 1 to :data:`MAX_ITERATIONS`.

:class:`KeyProtection` is the one value the center and the CLI pass around to say how
new key files are encrypted; :func:`parse_iterations` and :meth:`KeyScheme.from_cli`
turn what a user typed into it, with a Korean message when the text is unusable.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from mgcert.errors import UsageError
from mgcert.messages import npki as msg

# OWASP's current advice for PBKDF2-HMAC-SHA1. Real NPKI files use 2048, which costs
# an attacker who copied the file about 600 times less per guessed password.
DEFAULT_ITERATIONS = 1_300_000
# What real files use (yessign, PyPinkSign's writer): the count for test fixtures.
FIXTURE_ITERATIONS = 2048
# Refused before any derivation so a hostile file cannot make the app spin for minutes
# (PBKDF1 in Python runs about 2-3 million SHA-1 rounds a second).
MAX_ITERATIONS = 10_000_000

# What a typed value may look like before it is even converted (no signs, no spaces
# inside, no Unicode digits): ASCII digits, at most one more than MAX_ITERATIONS has.
_DIGITS = re.compile(r"[0-9]{1,9}")
# A typed value is echoed in the message: keep it short and on one line.
_ECHO_LIMIT = 40


class KeyScheme(enum.Enum):
    """How a signPri.key is encrypted (the value is an internal name, not the CLI's)."""

    PBES2 = "pbes2"
    SEED_CBC_WITH_SHA1 = "seedCBCWithSHA1"
    OLD_SEED = "seed"

    @property
    def label(self) -> str:
        """The Korean description shown to people."""
        return _SCHEME_LABELS[self]

    @property
    def cli_name(self) -> str:
        """The name ``--key-form`` and ``mgcert.testing`` use: ``pbes2``,
        ``seedcbc-sha1`` or ``seed-cbc``."""
        return _CLI_NAMES[self]

    @classmethod
    def from_cli(cls, text: str) -> KeyScheme:
        """The scheme a user-facing name stands for (case and surrounding blanks
        ignored); :class:`UnknownKeyForm` otherwise."""
        wanted = text.strip().lower() if isinstance(text, str) else None
        for scheme, name in _CLI_NAMES.items():
            if wanted == name:
                return scheme
        raise UnknownKeyForm(text)


_SCHEME_LABELS = {
    KeyScheme.PBES2: msg.KEY_SCHEME_PBES2,
    KeyScheme.SEED_CBC_WITH_SHA1: msg.KEY_SCHEME_SEED_CBC_WITH_SHA1,
    KeyScheme.OLD_SEED: msg.KEY_SCHEME_OLD_SEED,
}
_CLI_NAMES = {
    KeyScheme.PBES2: "pbes2",
    KeyScheme.SEED_CBC_WITH_SHA1: "seedcbc-sha1",
    KeyScheme.OLD_SEED: "seed-cbc",
}
KEY_FORM_NAMES: tuple[str, ...] = tuple(_CLI_NAMES.values())


class InvalidKeyProtection(UsageError, ValueError):
    """A key form or iteration count that cannot be used for a new key file.

    A :class:`ValueError` for Python callers, a usage error (exit 2) for the CLI.
    """


class UnknownKeyForm(InvalidKeyProtection):
    """Not one of :data:`KEY_FORM_NAMES`."""

    def __init__(self, text: object) -> None:
        self.text = text
        super().__init__(
            msg.KEY_FORM_UNKNOWN.format(text=_echo(text), choices=", ".join(KEY_FORM_NAMES))
        )


class IterationCountOutOfRange(InvalidKeyProtection):
    """Not a whole number from 1 to :data:`MAX_ITERATIONS`."""

    def __init__(self, text: object) -> None:
        self.text = text
        super().__init__(msg.ITERATIONS_INVALID.format(text=_echo(text), limit=MAX_ITERATIONS))


def _echo(text: object) -> str:
    shown = str(text)[:_ECHO_LIMIT]
    return "".join(c if c.isprintable() else "?" for c in shown)


def check_iterations(count: int) -> int:
    """``count`` when it is an int from 1 to :data:`MAX_ITERATIONS`.

    Raises :class:`TypeError` for a non-int (``bool`` included) and
    :class:`IterationCountOutOfRange` for an int outside the range.
    """
    if isinstance(count, bool) or not isinstance(count, int):
        raise TypeError("iterations must be an int")
    if not 1 <= count <= MAX_ITERATIONS:
        raise IterationCountOutOfRange(count)
    return count


def parse_iterations(text: str) -> int:
    """The iteration count a user typed (``--iterations``, an environment variable).

    Only ASCII digits (blanks around them ignored) from 1 to :data:`MAX_ITERATIONS`;
    anything else is :class:`IterationCountOutOfRange`, never a silent default.
    """
    stripped = text.strip() if isinstance(text, str) else ""
    if not _DIGITS.fullmatch(stripped):
        raise IterationCountOutOfRange(text)
    return check_iterations(int(stripped))


@dataclass(frozen=True)
class KeyProtection:
    """How a new signPri.key is encrypted: its form and its KDF iteration count.

    Checked when made: an unusable count is :class:`IterationCountOutOfRange`.
    ``KeyProtection()`` is what the TUI writes (PBES2, 1,300,000 rounds);
    :meth:`fixture` is what real files carry (2048 rounds).
    """

    scheme: KeyScheme = KeyScheme.PBES2
    iterations: int = DEFAULT_ITERATIONS

    def __post_init__(self) -> None:
        if not isinstance(self.scheme, KeyScheme):
            raise TypeError("scheme must be a KeyScheme")
        check_iterations(self.iterations)

    @classmethod
    def fixture(cls, scheme: KeyScheme = KeyScheme.PBES2) -> KeyProtection:
        """``scheme`` at the count real files use (:data:`FIXTURE_ITERATIONS`)."""
        return cls(scheme, FIXTURE_ITERATIONS)

    def with_changes(
        self, *, scheme: KeyScheme | None = None, iterations: int | None = None
    ) -> KeyProtection:
        """This protection with the given fields replaced (None keeps a field)."""
        return KeyProtection(
            self.scheme if scheme is None else scheme,
            self.iterations if iterations is None else iterations,
        )

    @property
    def label(self) -> str:
        """E.g. ``PBES2 (PBKDF2, SEED-CBC), 반복 2,048회``."""
        return msg.KEY_PROTECTION_LABEL.format(scheme=self.scheme.label, iterations=self.iterations)

    def to_json(self) -> dict[str, object]:
        """``{"key_form": "pbes2", "iterations": 2048}`` (the CLI's ``--json`` fields)."""
        return {"key_form": self.scheme.cli_name, "iterations": self.iterations}
