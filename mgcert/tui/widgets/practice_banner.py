"""The "교육용 화면" mark: one line on top of every screen of a practice home.

While a practice try runs, the line also shows the mission's goal and its keys (F6
힌트, F7 확인/끝내기, F8 안내문), docked over the header's line, so at 80×24 the flows
keep every line they had. In a practice home without a try (a browser learner's) it is
the mark alone, in the header's left corner (the header's title stays readable). Every
screen gets it from the base screens (:mod:`mgcert.tui.screens.base`), so no screen has
to remember it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App
from textual.screen import Screen
from textual.widget import Widget

from mgcert.messages import practice_tui as msg

MARK_STYLE = "bold white on #c00000"


def practice_goal(app: App[Any]) -> str | None:
    """The goal of the try the app runs, or None."""
    session = getattr(app, "session", None)
    run = getattr(session, "practice", None)
    return None if run is None else str(run.mission.goal)


def practice_mark_wanted(app: App[Any]) -> bool:
    """A try runs, or the center on screen is a practice home's."""
    session = getattr(app, "session", None)
    if session is None:
        return False
    if getattr(session, "practice", None) is not None:
        return True
    loader = getattr(session, "loader", None)
    if loader is None or not loader.ready:
        return False  # the center is not open yet: the app marks screens once it is
    # Here, not at import: the first screen paints before the center's modules load.
    from mgcert.practice.marker import is_practice_home

    return is_practice_home(session.center.home.root)


class PracticeBanner(Widget):
    """``교육용 화면`` in red, the goal (cut to fit) and the keys, on one line."""

    DEFAULT_CSS = """
    PracticeBanner {
        dock: top;
        height: 1;
        width: 100%;
        background: $panel;
        color: $text;
    }
    PracticeBanner.-mark-only {
        width: auto;
    }
    """

    def __init__(self) -> None:
        super().__init__(classes="practice-banner")

    def on_mount(self) -> None:
        self.follow_app()

    def follow_app(self) -> None:
        """The whole line while a try runs; the mark alone otherwise."""
        self.set_class(practice_goal(self.app) is None, "-mark-only")
        self.refresh(layout=True)

    def render(self) -> Text:
        width = self.size.width or self.app.size.width
        goal = practice_goal(self.app)
        mark = Text(msg.MARK, style=MARK_STYLE)
        if goal is None:
            return mark
        keys = Text(msg.BANNER_KEYS, style="bold")
        room = width - mark.cell_len - keys.cell_len - 3
        middle = Text(goal)
        if room < 4:
            middle = Text("")
        else:
            middle.truncate(room, overflow="ellipsis")
        pad = max(1, width - mark.cell_len - 1 - middle.cell_len - keys.cell_len)
        line = Text.assemble(mark, " ", middle, " " * pad, keys)
        line.truncate(width)
        return line


def show_practice_mark(screen: Screen[Any]) -> None:
    """Mount (or drop) the screen's banner as the app's state says; redraw it."""
    wanted = practice_mark_wanted(screen.app)
    found = list(screen.query_children(PracticeBanner))
    if wanted and not found:
        screen.mount(PracticeBanner())
    elif not wanted:
        for banner in found:
            banner.remove()
    else:
        for banner in found:
            banner.follow_app()


def refresh_practice_marks(app: App[Any]) -> None:
    """Every screen of the stack, after a try starts or ends or the center opens."""
    from mgcert.tui.screens.base import MgcertModal, MgcertScreen

    for screen in app.screen_stack:
        if isinstance(screen, MgcertScreen | MgcertModal):
            show_practice_mark(screen)
