"""보안카드: 35 numbered cells of 4 digits; 5 wrong answers in a row lock the card.

The cells are not stored: they are derived with HMAC-SHA256 from a random seed made
once per database, the customer id and the card's serial. So a card is stable for a
data home and differs between data homes. The seed is kept sealed under the server
secret (``meta.security_card_seed_enc``, vault.py).

A challenge names two distinct random cells: the answer is the first two digits of
the first cell and the last two of the second (DOMAIN.md: cell 08 = 2442, cell
35 = 8808 → 24 and 08). A wrong answer leaves the same question open (the screen
asks again); a right one closes it. A new challenge supersedes an older open one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3

from mgcert.bank.at_rest import SEED_KEY
from mgcert.bank.customers import customer_row
from mgcert.bank.db import Database, to_db
from mgcert.bank.errors import (
    BankError,
    InvalidSecurityCardFormat,
    SecurityCardChallengeUsed,
    SecurityCardLocked,
    UnknownSecurityCardChallenge,
    WrongSecurityCard,
)
from mgcert.bank.limits import SECURITY_CARD_ATTEMPTS, SECURITY_CARD_CELLS
from mgcert.bank.models import SecurityCard, SecurityCardChallenge
from mgcert.bank.vault import SECURITY_CARD_SEED_AAD, Vault
from mgcert.clock import Clock

_TWO_DIGITS = re.compile(r"[0-9]{2}")


def new_seed(conn: sqlite3.Connection, vault: Vault) -> None:
    """Create the per-database seed (called once, when the file is created)."""
    sealed = vault.seal(secrets.token_bytes(32), SECURITY_CARD_SEED_AAD)
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (SEED_KEY, sealed))


def issue_card(conn: sqlite3.Connection, customer_id: int) -> None:
    """Give a customer a card with a random 8-digit serial (caller's transaction)."""
    serial = "".join(secrets.choice("0123456789") for _ in range(8))
    conn.execute(
        "INSERT INTO security_cards (customer_id, serial) VALUES (?, ?)", (customer_id, serial)
    )


def _cells(seed: bytes, customer_id: int, serial: str) -> dict[int, str]:
    cells = {}
    for cell in range(1, SECURITY_CARD_CELLS + 1):
        digest = hmac.new(
            seed, f"mgcert security card|{customer_id}|{serial}|{cell}".encode(), hashlib.sha256
        ).digest()
        # 64 bits mod 10^4: the bias is far below anything observable.
        cells[cell] = f"{int.from_bytes(digest[:8], 'big') % 10_000:04d}"
    return cells


def _card(
    conn: sqlite3.Connection, vault: Vault, customer_id: int
) -> tuple[sqlite3.Row, SecurityCard]:
    row = conn.execute(
        "SELECT * FROM security_cards WHERE customer_id = ?", (customer_id,)
    ).fetchone()
    if row is None:
        raise RuntimeError(f"customer {customer_id} has no security card")
    sealed = conn.execute("SELECT value FROM meta WHERE key = ?", (SEED_KEY,)).fetchone()[0]
    seed = vault.unseal(sealed, SECURITY_CARD_SEED_AAD)
    return row, SecurityCard(row["serial"], _cells(seed, customer_id, row["serial"]))


class SecurityCards:
    """Cards, challenges and the wrong-answer counter per card."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def card(self, customer_id: int) -> SecurityCard:
        """The customer's card as printed (the simulator panel shows it)."""
        with self._db.read() as conn:
            customer_row(conn, customer_id)
            return _card(conn, self._db.vault, customer_id)[1]

    def challenge(self, customer_id: int) -> SecurityCardChallenge:
        """Ask for two distinct random cells; a locked card raises SecurityCardLocked."""
        challenge_id = secrets.token_hex(8)
        first, second = secrets.SystemRandom().sample(range(1, SECURITY_CARD_CELLS + 1), 2)
        with self._db.write() as conn:
            customer_row(conn, customer_id)
            card_row, _ = _card(conn, self._db.vault, customer_id)
            if card_row["locked"]:
                # Nothing was written yet; the rollback on the way out is harmless.
                raise SecurityCardLocked
            conn.execute(
                "UPDATE security_card_challenges SET status = 'superseded'"
                " WHERE customer_id = ? AND status = 'pending'",
                (customer_id,),
            )
            conn.execute(
                "INSERT INTO security_card_challenges (id, customer_id, first_cell,"
                " second_cell, created_at, status) VALUES (?, ?, ?, ?, ?, 'pending')",
                (challenge_id, customer_id, first, second, to_db(self._clock.now())),
            )
        return SecurityCardChallenge(challenge_id, customer_id, first, second)

    def verify(self, challenge_id: str, first_two: str, last_two: str) -> None:
        """Pass, or raise WrongSecurityCard(remaining) / SecurityCardLocked / ..."""
        if not (_TWO_DIGITS.fullmatch(first_two) and _TWO_DIGITS.fullmatch(last_two)):
            raise InvalidSecurityCardFormat
        with self._db.write() as conn:
            outcome = _check(conn, self._db.vault, challenge_id, first_two + last_two)
        if outcome is not None:
            raise outcome


def _check(
    conn: sqlite3.Connection, vault: Vault, challenge_id: str, answer: str
) -> BankError | None:
    challenge = conn.execute(
        "SELECT * FROM security_card_challenges WHERE id = ?", (challenge_id,)
    ).fetchone()
    if challenge is None:
        return UnknownSecurityCardChallenge()
    if challenge["status"] != "pending":
        return SecurityCardChallengeUsed()
    customer_id = challenge["customer_id"]
    card_row, card = _card(conn, vault, customer_id)
    if card_row["locked"]:
        return SecurityCardLocked()
    expected = card.cells[challenge["first_cell"]][:2] + card.cells[challenge["second_cell"]][2:]
    if hmac.compare_digest(answer, expected):
        conn.execute("UPDATE security_cards SET failures = 0 WHERE customer_id = ?", (customer_id,))
        conn.execute(
            "UPDATE security_card_challenges SET status = 'used' WHERE id = ?", (challenge_id,)
        )
        return None
    failures = card_row["failures"] + 1
    locked = failures >= SECURITY_CARD_ATTEMPTS
    conn.execute(
        "UPDATE security_cards SET failures = ?, locked = ? WHERE customer_id = ?",
        (failures, int(locked), customer_id),
    )
    if locked:
        return SecurityCardLocked()
    return WrongSecurityCard(SECURITY_CARD_ATTEMPTS - failures)
