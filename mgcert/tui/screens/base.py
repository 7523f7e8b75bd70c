"""Base screens: every screen carries the too-small notice and a help topic."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from textual import events
from textual.screen import ModalScreen, Screen

from mgcert.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH, TooSmallNotice

ResultT = TypeVar("ResultT")

# Breakpoint classes Textual sets on every screen from its size (App.*_BREAKPOINTS).
TOO_NARROW = "-too-narrow"
TOO_SHORT = "-too-short"
HORIZONTAL_BREAKPOINTS = [(0, TOO_NARROW), (MIN_WIDTH, "-wide-enough")]
VERTICAL_BREAKPOINTS = [(0, TOO_SHORT), (MIN_HEIGHT, "-tall-enough")]


def _mount_notice(screen: Screen[Any]) -> None:
    screen.mount(TooSmallNotice())


def _describe_size(screen: Screen[Any], event: events.Resize) -> None:
    for notice in screen.query(TooSmallNotice):
        notice.describe(event.size.width, event.size.height)


class MgcertScreen(Screen[ResultT]):
    """A full screen of the app. ``HELP_TOPIC`` picks its text in messages.tui.HELP_SCREENS."""

    HELP_TOPIC: ClassVar[str] = "home"

    def help_topic(self) -> str:
        """The help text key for what the screen currently shows (wizards override)."""
        return self.HELP_TOPIC

    def on_mount(self) -> None:
        _mount_notice(self)

    def on_resize(self, event: events.Resize) -> None:
        _describe_size(self, event)


class MgcertModal(ModalScreen[ResultT]):
    """A dialog over another screen."""

    HELP_TOPIC: ClassVar[str] = "home"

    def help_topic(self) -> str:
        return self.HELP_TOPIC

    def on_mount(self) -> None:
        _mount_notice(self)

    def on_resize(self, event: events.Resize) -> None:
        _describe_size(self, event)
