"""The footer of every screen: Textual's, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its keys on every binding refresh (each focus move,
each screen push), even when the same keys come out: three times before the home
screen's first frame, and once per Tab in a form. This one compares what it would
show and skips the rebuild when nothing changed.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[object]) -> tuple[Hashable, ...]:
    """Everything the footer draws from the screen's active bindings."""
    return tuple(
        (
            binding.key,
            binding.key_display,
            binding.description,
            binding.action,
            binding.group,
            enabled,
            tooltip,
        )
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """A :class:`Footer` that rebuilds only when its keys change."""

    _shown: tuple[Hashable, ...] | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = shown_keys(screen)
        if shown == self._shown and self._bindings_ready:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # what the rebuild Textual now schedules will draw
        super().bindings_changed(screen)
