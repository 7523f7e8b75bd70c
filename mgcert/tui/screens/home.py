"""Home / 인증센터: the menu of DOMAIN.md and the certificate comparison."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

from mgcert.messages import tui as msg
from mgcert.tui.menu import FLOWS, MENU, MenuItem
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.key_footer import KeyFooter
from mgcert.tui.widgets.kind_comparison import KindComparison


def _prompt(item: MenuItem) -> Text:
    if item.key in FLOWS:
        return Text(item.label)
    return Text.assemble(item.label, "  ", (f"[{msg.MENU_NOT_READY_MARK}]", "dim italic"))


class HomeScreen(MgcertScreen[None]):
    """The certificate center's first screen."""

    HELP_TOPIC = "home"
    CSS_PATH = None  # app.tcss is all it needs (mgcert.tui.stylesheets)
    AUTO_FOCUS = "#menu"  # focused as the screen first shows: one focus change, not two

    def __init__(self, session: TuiSession) -> None:
        super().__init__(id="home")
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home-body"):
            yield Label(msg.HOME_HEADING, classes="heading")
            yield Label(msg.HOME_INTRO, classes="intro")
            # Filled once the center is open, when it rolled a job forward to "parked".
            yield Label("", id="parked-notice")
            yield OptionList(
                *(Option(_prompt(item), id=item.key) for item in MENU),
                id="menu",
            )
            yield KindComparison(id="comparison")
        yield KeyFooter()

    def show_parked(self, names: list[str]) -> None:
        """Say that issued certificates wait for a medium (none: say nothing)."""
        notice = self.query_one("#parked-notice", Label)
        if names:
            notice.update(msg.HOME_PARKED_NOTICE.format(count=len(names), names=", ".join(names)))
        notice.set_class(bool(names), "-shown")

    def on_screen_resume(self) -> None:
        # 연습 과제: back home after a flow, a try that is over opens its debrief.
        if self.session.practice is not None:
            from mgcert.tui.screens.practice.keys import judge_on_return

            judge_on_return(self.app, self.session)

    @on(OptionList.OptionSelected, "#menu")
    def open_flow(self, event: OptionList.OptionSelected) -> None:
        key = event.option.id or ""
        factory = FLOWS.get(key)
        if factory is None:
            label = next(item.label for item in MENU if item.key == key)
            self.notify(msg.MENU_NOT_READY_NOTICE.format(item=label), title=msg.MENU_NOT_READY_MARK)
            return
        self.session.open_screen(self.app, lambda: factory(self.session))
