"""The Textual app: styles, global keys, the first screen and the simulator toggle."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType

from mgcert.center import CertificateCenter
from mgcert.messages import tui as msg
from mgcert.tui.key_order import KeyOrder
from mgcert.tui.screens.base import (
    HORIZONTAL_BREAKPOINTS,
    VERTICAL_BREAKPOINTS,
    MgcertModal,
    MgcertScreen,
)
from mgcert.tui.screens.help import HelpScreen
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.simulator.panel import SimulatorPanel
from mgcert.tui.session import TuiSession


class MgcertApp(App[None]):
    """MG더뱅킹 인증센터 over a :class:`CertificateCenter`."""

    CSS_PATH = "app.tcss"
    TITLE = msg.APP_TITLE
    SUB_TITLE = msg.APP_SUBTITLE
    HORIZONTAL_BREAKPOINTS = HORIZONTAL_BREAKPOINTS
    VERTICAL_BREAKPOINTS = VERTICAL_BREAKPOINTS
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", msg.KEY_HELP, id="app.help"),
        Binding("f2", "toggle_simulator", msg.KEY_SIMULATOR, id="app.simulator", priority=True),
        Binding("ctrl+q", "quit", msg.KEY_QUIT, id="app.quit", priority=True),
    ]

    def __init__(self, center: CertificateCenter) -> None:
        super().__init__()
        self.session = TuiSession(center)
        self.key_order = KeyOrder(self, self._route_key)

    async def on_event(self, event: events.Event) -> None:
        # Typed keys wait their turn so a fast burst lands where each key was meant
        # (mgcert.tui.key_order explains why Textual alone loses them).
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.key_order.receive(event)
            return
        await super().on_event(event)

    async def _route_key(self, key: events.Key) -> None:
        await super().on_event(key)

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.session))

    def action_toggle_simulator(self) -> None:
        if isinstance(self.screen, SimulatorPanel):
            self.screen.dismiss(None)
            return
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        self.push_screen(SimulatorPanel(self.session))

    def action_help(self) -> None:
        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss(None)
            return
        topic = "home"
        if isinstance(screen, MgcertScreen | MgcertModal):
            topic = screen.help_topic()
        keys = [
            (
                active.binding.key_display or self.get_key_display(active.binding),
                active.binding.description,
            )
            for active in screen.active_bindings.values()
            if active.binding.show and active.binding.description
        ]
        self.push_screen(HelpScreen(topic, keys))


def run(center: CertificateCenter) -> None:
    """Start the TUI over ``center`` (called by ``mgcert`` without a subcommand)."""
    MgcertApp(center).run()
