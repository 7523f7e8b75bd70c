"""A radio list that chooses as the arrows move, as banking apps do.

Textual's RadioSet moves only a highlight with ↑/↓ and chooses on Enter/Space, so
"다음" went on with the old choice while the screen highlighted another; and its
buttons draw the same ● for on and off, told apart by colour alone. Here the arrows
choose, and the chosen item reads ● (others ○) in any terminal.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import RadioButton, RadioSet

CHOSEN = "●"
NOT_CHOSEN = "○"


class ChoiceButton(RadioButton):
    """One item of a :class:`ChoiceList`: ``●`` when chosen, ``○`` when not."""

    DEFAULT_CSS = """
    ChoiceButton.-on > .toggle--label {
        text-style: bold;
    }
    """

    BUTTON_LEFT = ""
    BUTTON_RIGHT = ""
    BUTTON_INNER = NOT_CHOSEN

    def watch_value(self) -> None:
        self.BUTTON_INNER = CHOSEN if self.value else NOT_CHOSEN
        super().watch_value()
        self.refresh()


class ChoiceList(RadioSet):
    """A RadioSet whose ↑/↓ (and ←/→) choose the next enabled item (no wrapping round:
    ↓ on the last item keeps it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose_next", show=False),
        Binding("up,left", "choose_previous", show=False),
    ]

    def action_toggle_button(self) -> None:
        """Enter/Space: the arrows have chosen already; nothing to toggle."""

    def action_choose_next(self) -> None:
        self._choose(1)

    def action_choose_previous(self) -> None:
        self._choose(-1)

    def _choose(self, step: int) -> None:
        buttons = [child for child in self.children if isinstance(child, RadioButton)]
        if not buttons:
            return
        index = self.pressed_index if self.pressed_index >= 0 else (-1 if step > 0 else 0)
        while 0 <= index + step < len(buttons):
            index += step
            candidate = buttons[index]
            if not candidate.disabled:
                candidate.value = True  # RadioSet turns the others off and moves the highlight
                return
