"""The Textual app: styles, global keys, the first screen and the simulator toggle."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from mgcert.errors import MgcertError
from mgcert.messages import palette as palette_msg
from mgcert.messages import practice_tui as practice_msg
from mgcert.messages import tui as msg
from mgcert.tui.commands import CommandSources, MgcertCommands, open_command_palette
from mgcert.tui.loader import CenterLoader
from mgcert.tui.screens.base import MgcertModal, MgcertScreen
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.practice_banner import refresh_practice_marks

if TYPE_CHECKING:
    from mgcert.center import CertificateCenter


class MgcertApp(App[None]):
    """MG더뱅킹 인증센터 over a :class:`CertificateCenter`."""

    CSS_PATH = "app.tcss"
    TITLE = msg.APP_TITLE
    SUB_TITLE = msg.APP_SUBTITLE
    COMMANDS: ClassVar[CommandSources] = {MgcertCommands}  # Ctrl+P (mgcert.tui.commands)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", msg.KEY_HELP, id="app.help"),
        Binding("f2", "toggle_simulator", msg.KEY_SIMULATOR, id="app.simulator", priority=True),
        Binding("ctrl+q", "quit_asking", msg.KEY_QUIT, id="app.quit", priority=True),
        Binding(
            "ctrl+p",
            "command_palette",
            palette_msg.KEY_PALETTE,
            show=False,
            priority=True,
            tooltip=palette_msg.PALETTE_TOOLTIP,
            id="app.palette",
        ),
        # 연습 과제: only while a try runs (check_action), over dialogs too (priority);
        # the banner names them.
        *(
            Binding(key, action, label, show=False, priority=True, id=f"app.{action}")
            for key, action, label in (
                ("f6", "practice_hint", practice_msg.KEY_HINT),
                ("f7", "practice_finish", practice_msg.KEY_FINISH),
                ("f8", "practice_sheet", practice_msg.KEY_SHEET),
            )
        ),
    ]

    def __init__(self, center: CertificateCenter | CenterLoader) -> None:
        super().__init__()
        self.session = TuiSession(center)
        self._quit_question: Screen[bool] | None = None

    def get_default_screen(self) -> Screen[None]:
        """Home is the bottom of the stack (pushing it over Textual's blank default
        screen would rebuild the footer three times before the first frame)."""
        return HomeScreen(self.session)

    def on_mount(self) -> None:
        # Open the center once the home screen has painted (mgcert.tui.loader): after
        # the first refresh, and the second, in which the footer fills in its keys.
        self.call_after_refresh(self.call_after_refresh, self._watch_center)

    @work(group="center", exit_on_error=False)
    async def _watch_center(self) -> None:
        try:
            center = await self.session.loader.wait()
        except MgcertError as error:
            await self._show_unavailable(str(error), error)
        except Exception:  # the CLI prints it with --debug; the screen stays in Korean
            await self._show_unavailable(msg.CENTER_UNEXPECTED)
        else:
            self._show_parked(center)
            refresh_practice_marks(self)  # a practice home's screens carry the mark

    def _show_parked(self, center: CertificateCenter) -> None:
        names = [
            f"{job.plan['completion']['name']} {job.kind.label}" for job in center.parked_jobs()
        ]
        home = next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)
        if home is not None:
            home.show_parked(names)

    async def _show_unavailable(self, reason: str, error: BaseException | None = None) -> None:
        from mgcert.center.reset import home_to_reset
        from mgcert.tui.screens.center_unavailable import CenterUnavailable

        home = home_to_reset(error) if error is not None else None
        await self.push_screen(CenterUnavailable(reason, home))

    def action_quit_asking(self) -> None:
        """Ctrl+Q: at once from the home screen; mid-flow, after asking (a second
        Ctrl+Q while asked quits)."""
        from mgcert.tui.screens.confirm import ConfirmModal

        if self._quit_question is not None and self.screen is self._quit_question:
            self.exit()
            return
        if not any(
            isinstance(screen, MgcertScreen) and not isinstance(screen, HomeScreen)
            for screen in self.screen_stack
        ):
            self.exit()
            return

        def answered(quit_now: bool | None) -> None:
            self._quit_question = None
            if quit_now:
                self.exit()

        self._quit_question = ConfirmModal(
            msg.QUIT_MID_FLOW_QUESTION, msg.QUIT_MID_FLOW_YES, msg.QUIT_MID_FLOW_NO
        )
        self.push_screen(self._quit_question, answered)

    def action_toggle_simulator(self) -> None:
        if self.session.loader.ready:  # else neither panel nor help can be on screen yet
            from mgcert.tui.screens.help import HelpScreen
            from mgcert.tui.screens.simulator.panel import SimulatorPanel

            if isinstance(self.screen, SimulatorPanel):
                self.screen.dismiss(None)
                return
            if isinstance(self.screen, HelpScreen):
                self.screen.dismiss(None)
        # The panel imports the center: only in _simulator_panel, once it is open.
        self.session.open_screen(self, self._simulator_panel)

    def _simulator_panel(self) -> Screen[None]:
        from mgcert.tui.screens.simulator.panel import SimulatorPanel
        from mgcert.tui.screens.simulator.which_tab import simulator_tab_for

        return SimulatorPanel(self.session, tab=simulator_tab_for(self.screen))

    def action_command_palette(self) -> None:
        open_command_palette(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("practice_hint", "practice_finish", "practice_sheet"):
            return self.session.practice is not None
        return True

    def action_practice_hint(self) -> None:
        from mgcert.tui.screens.practice.keys import show_hint

        show_hint(self, self.session)

    def action_practice_finish(self) -> None:
        from mgcert.tui.screens.practice.keys import finish_asking

        finish_asking(self, self.session)

    def action_practice_sheet(self) -> None:
        from mgcert.tui.screens.practice.keys import show_sheet

        show_sheet(self, self.session)

    def on_unmount(self) -> None:
        self.session.leave_practice()  # a try's center is closed with the app

    def action_help(self) -> None:
        from mgcert.tui.screens.help import HelpScreen

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


def run(opener: Callable[[], CertificateCenter]) -> BaseException | None:
    """Run the TUI over the center ``opener`` opens (in the background, after the first
    paint); ``mgcert`` without a subcommand calls this. Returns why the center could not
    be opened, or None. The center is closed when the app ends.
    """
    from mgcert.tui.menu import preload_flows

    def open_center() -> CertificateCenter:
        center = opener()
        try:
            preload_flows()
        except BaseException:
            center.close()
            raise
        return center

    loader = CenterLoader(open_center)
    try:
        MgcertApp(loader).run()
    finally:
        loader.close()
    return loader.error
