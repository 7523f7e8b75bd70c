"""The two parts of a 주민등록번호 field (앞 6자리 - 뒤 7자리) that take what people paste.

A plain ``Input(restrict=digits, max_length=6)`` refused a pasted ``850315-1000010``
or the full-width digits a Korean IME types (``８５０３１５``) as a whole, without a
word. Here any text is reduced to its digits (NFKC first, so full-width digits count);
what overflows the front part goes on into the back part, and the cursor follows once
the front is full, as in banking apps.
"""

from __future__ import annotations

import unicodedata
from typing import Any, ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.widgets import Input

FRONT_DIGITS = 6
BACK_DIGITS = 7


def typed_digits(text: str) -> str:
    """The ASCII digits of ``text`` (full-width ones too), everything else dropped."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c.isascii() and c.isdigit())


class ResidentNumberPart(Input):
    """One part: ``back`` on the front part and ``front`` on the back part name the
    sibling part (its id)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "stay_after_jump", show=False),
    ]

    def __init__(
        self, *, digits: int, back: str | None = None, front: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.digits = digits
        self.back_id = back
        self.front_id = front
        # Set when the front part moved the cursor here: the Tab or Enter people
        # press out of habit right after the sixth digit must not skip this part.
        self.jumped_here = False

    def _sibling(self, part_id: str | None) -> ResidentNumberPart | None:
        if part_id is None or self.parent is None:
            return None
        for part in self.parent.query(f"#{part_id}"):
            if isinstance(part, ResidentNumberPart):
                return part
        return None

    def replace(self, text: str, start: int, end: int) -> None:
        if not text:  # deleting
            super().replace(text, start, end)
            return
        digits = typed_digits(text)
        if not digits:
            self.restricted()
            return
        self.jumped_here = False
        if len(digits) >= FRONT_DIGITS + BACK_DIGITS:
            # A whole number pasted into either part: it replaces both.
            front = self._sibling(self.front_id)
            if front is not None:
                front.value = digits[:FRONT_DIGITS]
                self._fill(digits[FRONT_DIGITS:], cursor=BACK_DIGITS)
                return
            if self.back_id is not None:
                self._fill(digits, cursor=FRONT_DIGITS)
                return
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        self._fill(f"{value[:start]}{digits}{value[end:]}", cursor=start + len(digits))

    def _fill(self, digits: str, *, cursor: int) -> None:
        """Keep what this part holds; the rest goes on into the back part, which gets
        the cursor once this (front) part is full."""
        kept, rest = digits[: self.digits], digits[self.digits :]
        self.value = kept
        self.cursor_position = min(cursor, len(kept))
        back = self._sibling(self.back_id)
        if back is None:
            if rest:
                self.restricted()  # more than the part holds
            return
        if len(kept) == self.digits and self.cursor_position == len(kept):
            if rest:
                back.value = rest[: back.digits]
                back.cursor_position = len(back.value)
            back.jumped_here = not back.value
            back.focus()

    def action_stay_after_jump(self) -> None:
        """Tab right after the jump from the front part stays here (once)."""
        if not self._absorb_habit():
            raise SkipAction

    async def action_submit(self) -> None:
        if not self._absorb_habit():
            await super().action_submit()

    def _absorb_habit(self) -> bool:
        absorb = self.jumped_here and not self.value
        self.jumped_here = False
        return absorb
