"""Esc = one step back: the panes a flow has shown, and whether leaving one loses input.

Panes stay mounted in their ContentSwitcher, so going back loses nothing by itself; only
what is typed on the pane being left may be reset when it is shown again (a new SMS
code, a new 보안카드 question), so that is when Esc asks first.
"""

from __future__ import annotations

from typing import Protocol

from textual.widget import Widget
from textual.widgets import Input

from mgcert.messages import tui as msg
from mgcert.tui.screens.confirm import ConfirmModal

# Never a place to go back to: the center is working there.
TRANSIENT_PANES = frozenset({"progress"})
# The end of a flow: Esc leaves it.
FINAL_PANES = frozenset({"done", "refused"})


class PaneTrail:
    """The panes shown so far, oldest first; showing one already on it goes back there."""

    def __init__(self) -> None:
        self._trail: list[str] = []

    def shown(self, pane_id: str) -> None:
        if pane_id in TRANSIENT_PANES:
            return
        if pane_id in self._trail:
            del self._trail[self._trail.index(pane_id) + 1 :]
            return
        self._trail.append(pane_id)

    def previous(self) -> str | None:
        """The pane Esc goes back to, or None on the first one."""
        return self._trail[-2] if len(self._trail) >= 2 else None


def has_typed_input(pane: Widget) -> bool:
    """Whether the pane holds something the person typed (a pane's own ``has_input``
    decides when a field has a default value)."""
    check = getattr(pane, "has_input", None)
    if callable(check):
        return bool(check())
    return any(field.value for field in pane.query(Input))


class ShowsPanes(Protocol):
    def show_pane(self, pane_id: str) -> None: ...


def go_back_or_ask(screen: ShowsPanes, pane: Widget, previous: str) -> None:
    """Show ``previous``; first ask if ``pane`` holds typed input."""
    if not has_typed_input(pane):
        screen.show_pane(previous)
        return

    def answered(back: bool | None) -> None:
        if back:
            screen.show_pane(previous)

    pane.app.push_screen(ConfirmModal(msg.BACK_QUESTION, msg.BACK_YES, msg.BACK_NO), answered)
