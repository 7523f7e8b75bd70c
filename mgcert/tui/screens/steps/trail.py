"""The answers a flow has been given, so that going back is running the flow again.

A flow is a coroutine that reads top to bottom (``await self.ask(step)``). Going one
step back drops the last answer and runs the coroutine again from the top: every step
already answered returns its recorded answer at once (nothing is shown, nothing is
asked of the center again), and the first unanswered step is shown — the one the person
went back to. The same replay serves "go back to the medium choice and say why" after a
refused issuance (:meth:`AnswerTrail.rewind_to`).

Work that cannot be undone (the CA signed, the files were written) seals the trail:
nothing before the seal is ever asked again.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    key: Hashable
    value: object


class AnswerTrail:
    """Recorded answers, oldest first, and where the running replay has got to."""

    def __init__(self) -> None:
        self._answers: list[Answer] = []
        self.position = 0  # the next step asked has this index
        self._sealed = 0  # answers before this index can never be dropped

    def __len__(self) -> int:
        return len(self._answers)

    def restart(self) -> None:
        """The flow runs again from the top."""
        self.position = 0

    def replay(self, key: Hashable) -> Answer | None:
        """The recorded answer for the step now asked, if it is the same step; else
        forget everything from here on (the flow took another turn)."""
        if self.position < len(self._answers) and self._answers[self.position].key == key:
            answer = self._answers[self.position]
            self.position += 1
            return answer
        del self._answers[self.position :]
        # A turn before the seal drops sealed answers too: the seal cannot outlast them.
        self._sealed = min(self._sealed, self.position)
        return None

    def record(self, key: Hashable, value: object) -> None:
        """The step at :attr:`position` was answered."""
        del self._answers[self.position :]
        self._answers.append(Answer(key, value))
        self.position += 1

    def can_go_back(self) -> bool:
        """Whether an answer after the seal exists to drop."""
        return len(self._answers) > self._sealed

    def go_back(self) -> None:
        """Drop the last answer: the replay stops at that step and shows it again."""
        if self.can_go_back():
            self._answers.pop()
            self.position = min(self.position, len(self._answers))

    def rewind_to(self, matches: Callable[[Hashable], bool]) -> int | None:
        """Drop the last answer whose key ``matches`` and every answer after it; the
        index it had, or None if no unsealed answer matches."""
        for index in range(len(self._answers) - 1, self._sealed - 1, -1):
            if matches(self._answers[index].key):
                del self._answers[index:]
                self.position = min(self.position, index)
                return index
        return None

    def seal(self) -> None:
        """Everything answered up to here is final (the center did work that stays done);
        safe to call again while replaying."""
        self._sealed = max(self._sealed, self.position)

    @property
    def sealed(self) -> bool:
        return self._sealed > 0
