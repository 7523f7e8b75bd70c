"""The footer of every screen: Textual's, rebuilt only when the keys it shows change, and
fitted to the terminal's width so that F1 and F2 are always on screen.

Textual's Footer rebuilds all its keys on every binding refresh (each focus move,
each screen push), even when the same keys come out: three times before the home
screen's first frame, and once per Tab in a form. This one compares what it would
show and skips the rebuild when nothing changed.

Textual's Footer also cuts off whatever does not fit, and the app's own keys come last:
at 80 columns the 인증서 관리 screen lost ``f2 시뮬레이터``. When the keys do not fit, this
one first draws them compactly, then leaves out the keys the F1 help lists anyway, in
the order of :data:`LEAVE_OUT_FIRST`, then the screen's own keys from the last one;
Esc, F1 and F2 are never left out.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

# Always shown: the way back, the help and the simulator the screens keep pointing to.
KEEP = frozenset({"escape", "f1", "f2"})
# Left out first when space runs short: Ctrl+Q asks before quitting mid-flow and is in
# the F1 help; the command palette (Ctrl+P) is named in the F1 help and on wide screens.
LEAVE_OUT_FIRST = ("ctrl+q", "ctrl+p")
PALETTE_ACTIONS = frozenset({"command_palette", "app.command_palette"})


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
        if binding.show or binding.action in PALETTE_ACTIONS
    )


class FooterEntry(NamedTuple):
    """One key the footer may draw."""

    binding: Binding
    display: str  # the key as the app shows it ("^q", "f2")
    enabled: bool
    tooltip: str
    palette: bool  # the command palette's key, drawn at the right end

    def width(self, *, compact: bool) -> int:
        """Cells taken, from FooterKey's styles: " key description " normally,
        "key description" plus a 1-cell margin when compact (a key without description
        is drawn bare); the palette key also has a left border (and, not compact, a
        right padding)."""
        description = self.binding.description
        text = cell_len(self.display) + (cell_len(description) + 1 if description else 0)
        width = text + 1 if compact else (text + 2 if description else text)
        if self.palette:
            width += 1 if compact else 2
        return width


def fit_entries(entries: list[FooterEntry], width: int) -> tuple[list[FooterEntry], bool]:
    """The entries to draw within ``width`` cells, and whether to draw them compactly."""
    if sum(entry.width(compact=False) for entry in entries) <= width:
        return entries, False
    kept = list(entries)

    def room_left() -> int:
        return width - sum(entry.width(compact=True) for entry in kept)

    def droppable() -> Iterable[FooterEntry]:
        for key in LEAVE_OUT_FIRST:
            yield from (entry for entry in kept if entry.binding.key == key)
        yield from (entry for entry in reversed(kept) if entry.binding.key not in KEEP)

    while room_left() < 0:
        victim = next(iter(droppable()), None)
        if victim is None:
            break
        kept.remove(victim)
    return kept, True


class KeyFooter(Footer):
    """A :class:`Footer` that rebuilds only when its keys change, and keeps F1/F2 in view."""

    _shown: tuple[Hashable, ...] | None = None
    _fitted_width: int | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        shown = shown_keys(screen)
        if shown == self._shown and self._bindings_ready:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # what the rebuild Textual now schedules will draw
        super().bindings_changed(screen)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and event.size.width != self._fitted_width:
            self.refresh(recompose=True)

    def _entries(self) -> list[FooterEntry] | None:
        """The keys to draw, one per action (as Footer does); None if a binding is in
        a group (Footer's own layout then, without fitting: no screen here uses groups)."""
        entries: list[FooterEntry] = []
        actions: set[str] = set()
        palette: FooterEntry | None = None
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.action in PALETTE_ACTIONS:
                if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
                    display = self.app.get_key_display(binding)
                    tip = binding.tooltip or binding.description
                    palette = FooterEntry(binding, display, enabled, tip, palette=True)
                continue
            if not binding.show or binding.action in actions:
                continue
            if binding.group is not None:
                return None
            actions.add(binding.action)
            display = self.app.get_key_display(binding)
            entries.append(FooterEntry(binding, display, enabled, tooltip, palette=False))
        return entries + ([palette] if palette is not None else [])

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        entries = self._entries()
        if entries is None:
            yield from super().compose()
            return
        width = self.size.width or self.screen.size.width or self.app.size.width
        self._fitted_width = width
        kept, compact = fit_entries(entries, width)
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
        keys = {entry.binding.key for entry in kept}
        # Footer's own keys (same order, styles, clicks), less those left out.
        for widget in super().compose():
            if getattr(widget, "key", None) in keys:
                yield widget
