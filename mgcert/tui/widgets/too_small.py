"""The polite notice shown instead of a screen when the terminal is below 80×24."""

from __future__ import annotations

from textual.widgets import Static

from mgcert.messages import tui as msg

MIN_WIDTH = 80
MIN_HEIGHT = 24


class TooSmallNotice(Static):
    """Hidden by default; app.tcss shows it on screens carrying a too-small class."""

    DEFAULT_CSS = """
    TooSmallNotice {
        display: none;
        /* Docked at the full size of the screen: drawn over the viewport whatever the
           screen's scroll position or padding, so nothing behind it shows through. */
        dock: top;
        width: 100%;
        height: 100%;
        content-align: center middle;
        text-align: center;
        color: $warning;
        background: $surface;
    }
    """

    def __init__(self) -> None:
        super().__init__("", id="too-small")

    def describe(self, width: int, height: int) -> None:
        self.update(msg.TOO_SMALL.format(width=width, height=height))
