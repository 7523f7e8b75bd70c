"""Base screens: every screen has a help topic and, below 80×24, the too-small notice."""

from __future__ import annotations

import weakref
from typing import Any, ClassVar, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input
from textual.widgets.input import Selection

from mgcert.tui.stylesheets import SCREEN_CSS, CssPaths
from mgcert.tui.widgets.practice_banner import show_practice_mark
from mgcert.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallNotice

ResultT = TypeVar("ResultT")

# Classes a screen carries while the terminal is below 80×24 (app.tcss then shows only
# the notice). Set by hand rather than by Textual's breakpoints: those add a class on
# every screen at every size, and each class change restyles the whole screen.
TOO_NARROW = "-too-narrow"
TOO_SHORT = "-too-short"


class TerminalFit:
    """Shows the too-small notice below 80×24 and gives the focus back afterwards.

    Hiding a screen's widgets makes Textual drop the focus (a hidden widget cannot
    hold it), so typed keys would vanish once the terminal is large again. The
    widget focused before the notice appeared gets it back; if it is gone (the pane
    changed meanwhile, e.g. 발급완료 appeared), the screen's first focusable widget.
    """

    def __init__(self, screen: Screen[Any]) -> None:
        self._screen = screen
        self._small = False
        self._focused: weakref.ref[Widget] | None = None
        self._selection: Selection | None = None  # a field's cursor, put back too

    def apply(self, width: int, height: int) -> None:
        screen = self._screen
        too_narrow, too_short = width < MIN_WIDTH, height < MIN_HEIGHT
        small = too_narrow or too_short
        notice = next(iter(screen.query(TooSmallNotice)), None)
        if notice is None and small:
            notice = TooSmallNotice()
            screen.mount(notice)
        if notice is not None:
            notice.describe(width, height)
        if small and not self._small:
            focused = screen.focused
            self._focused = weakref.ref(focused) if focused is not None else None
            self._selection = focused.selection if isinstance(focused, Input) else None
        screen.update_classes({TOO_NARROW: too_narrow, TOO_SHORT: too_short})
        if self._small and not small:
            # After the refresh that shows the widgets again (hidden ones refuse focus).
            screen.call_after_refresh(self._restore_focus)
        self._small = small

    def _restore_focus(self) -> None:
        screen = self._screen
        if self._small or not screen.is_attached:
            return
        widget = self._focused() if self._focused is not None else None
        self._focused = None
        if widget is not None and widget.is_attached and widget in screen.focus_chain:
            widget.focus()
            selection = self._selection
            if isinstance(widget, Input) and selection is not None:
                # Focusing selects the whole value; typing on would replace it.
                widget.call_after_refresh(setattr, widget, "selection", selection)
        elif screen.focused is None:
            screen.focus_next()


class MgcertScreen(Screen[ResultT]):
    """A full screen of the app. ``HELP_TOPIC`` picks its text in messages.tui.HELP_SCREENS."""

    CSS_PATH: ClassVar[CssPaths] = SCREEN_CSS
    HELP_TOPIC: ClassVar[str] = "home"

    def help_topic(self) -> str:
        """The help text key for what the screen currently shows (wizards override)."""
        return self.HELP_TOPIC

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.terminal_fit = TerminalFit(self)

    def on_resize(self, event: events.Resize) -> None:
        self.terminal_fit.apply(event.size.width, event.size.height)

    def on_mount(self) -> None:
        # The "교육용 화면" mark of a practice home, here once for every screen.
        show_practice_mark(self)


class MgcertModal(ModalScreen[ResultT]):
    """A dialog over another screen."""

    CSS_PATH: ClassVar[CssPaths] = SCREEN_CSS
    HELP_TOPIC: ClassVar[str] = "home"

    def help_topic(self) -> str:
        return self.HELP_TOPIC

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.terminal_fit = TerminalFit(self)

    def on_resize(self, event: events.Resize) -> None:
        self.terminal_fit.apply(event.size.width, event.size.height)

    def on_mount(self) -> None:
        # The "교육용 화면" mark of a practice home, here once for every screen.
        show_practice_mark(self)
