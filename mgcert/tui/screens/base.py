"""Base screens: every screen has a help topic and, below 80×24, the too-small notice."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen

from mgcert.tui.stylesheets import SCREEN_CSS, CssPaths
from mgcert.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallNotice

ResultT = TypeVar("ResultT")

# Classes a screen carries while the terminal is below 80×24 (app.tcss then shows only
# the notice). Set by hand rather than by Textual's breakpoints: those add a class on
# every screen at every size, and each class change restyles the whole screen.
TOO_NARROW = "-too-narrow"
TOO_SHORT = "-too-short"


def _fit(screen: Screen[Any], event: events.Resize) -> None:
    width, height = event.size.width, event.size.height
    too_narrow, too_short = width < MIN_WIDTH, height < MIN_HEIGHT
    notice = next(iter(screen.query(TooSmallNotice)), None)
    if notice is None and (too_narrow or too_short):
        notice = TooSmallNotice()
        screen.mount(notice)
    if notice is not None:
        notice.describe(width, height)
    screen.update_classes({TOO_NARROW: too_narrow, TOO_SHORT: too_short})


class MgcertScreen(Screen[ResultT]):
    """A full screen of the app. ``HELP_TOPIC`` picks its text in messages.tui.HELP_SCREENS."""

    CSS_PATH: ClassVar[CssPaths] = SCREEN_CSS
    HELP_TOPIC: ClassVar[str] = "home"

    def help_topic(self) -> str:
        """The help text key for what the screen currently shows (wizards override)."""
        return self.HELP_TOPIC

    def on_resize(self, event: events.Resize) -> None:
        _fit(self, event)


class MgcertModal(ModalScreen[ResultT]):
    """A dialog over another screen."""

    CSS_PATH: ClassVar[CssPaths] = SCREEN_CSS
    HELP_TOPIC: ClassVar[str] = "home"

    def help_topic(self) -> str:
        return self.HELP_TOPIC

    def on_resize(self, event: events.Resize) -> None:
        _fit(self, event)
