"""The command palette (Ctrl+P): the menu's flows and the simulator's actions, by name.

Textual's palette with one provider. Textual's own system commands are not offered:
they are in English, and their "Quit" would not ask mid-flow as Ctrl+Q does. A flow
opens as from the home menu; chosen while another flow is on screen, it first asks
(what was typed would be lost), then goes back to home and opens from there. The
simulator's actions do what the panel's buttons do (``simulator.actions``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import App
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider

from mgcert.messages import palette as msg
from mgcert.messages import simulator_panel as sim_msg
from mgcert.messages import tui as tui_msg
from mgcert.tui.menu import FLOWS, MENU, MenuItem, ScreenFactory
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.simulator import actions
from mgcert.tui.session import TuiSession

# The panel's tabs in its order, with their titles (panel.TABS; the panel itself is
# imported only when it opens, as by F2).
SIMULATOR_TABS = (
    ("customers", sim_msg.SIM_TAB_CUSTOMERS),
    ("card", sim_msg.SIM_TAB_CARD),
    ("otp", sim_msg.SIM_TAB_OTP),
    ("phone", sim_msg.SIM_TAB_PHONE),
    ("clock", sim_msg.SIM_TAB_CLOCK),
    ("branch", sim_msg.SIM_TAB_BRANCH),
)
CLOCK_STEPS = (
    ("day", sim_msg.SIM_CLOCK_DAY),
    ("month", sim_msg.SIM_CLOCK_MONTH),
    ("year", sim_msg.SIM_CLOCK_YEAR),
)
# The type of App.COMMANDS.
CommandSources = set[type[Provider] | Callable[[], type[Provider]]]
HELP_ONLY_SCORE = 0.01  # a word found only in the help line ranks below name matches


@dataclass(frozen=True)
class PaletteCommand:
    name: str
    help: str
    run: Callable[[], None]


def in_flow(app: App[Any]) -> bool:
    """A flow's screen is open (as Ctrl+Q decides whether to ask)."""
    return any(
        isinstance(screen, MgcertScreen) and not isinstance(screen, HomeScreen)
        for screen in app.screen_stack
    )


def open_flow(app: App[Any], session: TuiSession, item: MenuItem, factory: ScreenFactory) -> None:
    """Open ``item``'s flow from home, as the home menu does: over home itself (a panel
    or dialog over home is closed first); mid-flow only after asking."""

    def open_it() -> None:
        session.open_screen(app, lambda: factory(session))

    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)

    def from_home() -> None:
        if home is None or app.screen is home:
            open_it()
            return
        home.pop_until_active()
        app.call_later(open_it)  # after the screens above home are gone

    if not in_flow(app):
        from_home()
        return
    # (by attribute: importing the flow framework here would load the center at start)
    if any(getattr(screen, "working", False) for screen in app.screen_stack):
        app.notify(msg.PALETTE_BUSY, severity="warning")  # the CA is signing: stay
        return
    from mgcert.tui.screens.confirm import ConfirmModal

    def answered(leave: bool | None) -> None:
        if leave:
            from_home()

    question = ConfirmModal(
        msg.PALETTE_LEAVE_FLOW.format(target=item.label),
        msg.PALETTE_LEAVE_FLOW_YES,
        msg.PALETTE_LEAVE_FLOW_NO,
    )
    app.push_screen(question, answered)


def open_simulator_tab(app: App[Any], session: TuiSession, tab: str) -> None:
    """The simulator panel on ``tab`` (or, already open, switched to it)."""
    from mgcert.tui.screens.simulator.panel import SimulatorPanel

    if isinstance(app.screen, SimulatorPanel):
        app.screen.show_tab(tab)
        return
    session.open_screen(app, lambda: SimulatorPanel(session, tab=tab))


def _after_simulator_change(app: App[Any], notice: str) -> None:
    from mgcert.tui.screens.simulator.panel import SimulatorPanel

    app.notify(notice)
    if isinstance(app.screen, SimulatorPanel):
        app.screen.refresh_tabs()


def travel_clock(app: App[Any], session: TuiSession, step: str | None) -> None:
    """시간 이동 by ``actions.CLOCK_STEPS[step]``, or back to the start (None)."""
    if not session.loader.ready:
        app.notify(tui_msg.CENTER_OPENING)
        return
    if step is None:
        actions.reset_clock(session)
    else:
        refused = actions.travel(session, step)
        if refused is not None:
            app.notify(refused, severity="error")
            return
    _after_simulator_change(app, actions.clock_now(session))


def visit_branch(app: App[Any], session: TuiSession) -> None:
    if not session.loader.ready:
        app.notify(tui_msg.CENTER_OPENING)
        return
    _after_simulator_change(app, actions.visit_branch(session))


def palette_commands(app: App[Any], session: TuiSession) -> list[PaletteCommand]:
    """Every command, in the order the palette lists them before anything is typed."""
    commands = [
        PaletteCommand(
            item.label,
            msg.PALETTE_FLOW_HELP[item.key],
            partial(open_flow, app, session, item, FLOWS[item.key]),
        )
        for item in MENU
        if item.key in FLOWS
    ]
    commands += [
        PaletteCommand(
            msg.PALETTE_SIM_TAB.format(tab=title),
            msg.PALETTE_SIM_TAB_HELP[tab],
            partial(open_simulator_tab, app, session, tab),
        )
        for tab, title in SIMULATOR_TABS
    ]
    commands += [
        PaletteCommand(
            msg.PALETTE_CLOCK.format(step=label),
            msg.PALETTE_CLOCK_HELP.format(step=label),
            partial(travel_clock, app, session, step),
        )
        for step, label in CLOCK_STEPS
    ]
    commands.append(
        PaletteCommand(
            msg.PALETTE_CLOCK_RESET,
            msg.PALETTE_CLOCK_RESET_HELP,
            partial(travel_clock, app, session, None),
        )
    )
    commands.append(
        PaletteCommand(
            msg.PALETTE_BRANCH, msg.PALETTE_BRANCH_HELP, lambda: visit_branch(app, session)
        )
    )
    return commands


class MgcertCommands(Provider):
    """The palette's one provider: flows first, then the simulator."""

    def _commands(self) -> list[PaletteCommand]:
        session = getattr(self.app, "session", None)
        if not isinstance(session, TuiSession):
            return []
        return palette_commands(self.app, session)

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        # Typed Hangul may come decomposed (an IME, a paste): compare composed forms.
        query = unicodedata.normalize("NFC", query).strip()
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
            elif query and query.casefold() in command.help.casefold():
                yield Hit(HELP_ONLY_SCORE, command.name, command.run, help=command.help)


def open_command_palette(app: App[Any]) -> None:
    """Ctrl+P: Textual's palette, prompting in Korean."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(placeholder=msg.PALETTE_PLACEHOLDER, id="--command-palette"))
