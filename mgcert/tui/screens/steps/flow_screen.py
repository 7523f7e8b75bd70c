"""The base of every part-2 flow screen: one pane at a time, Esc one step back."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Header, Label
from textual.worker import Worker, WorkerState

from mgcert.center import CertificateEntry
from mgcert.errors import MgcertError
from mgcert.messages import tui as part1_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.issuance.step import WizardStep, error_text
from mgcert.tui.screens.picker.password_prompt import PasswordPrompt, PromptOutcome
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.steps.back import (
    FINAL_PANES,
    PaneTrail,
    go_back_or_ask,
    has_typed_input,
)
from mgcert.tui.screens.steps.identity import (
    IDENTITY_NEXT,
    METHOD_PANES,
    SECOND_FACTOR_PANES,
)
from mgcert.tui.screens.steps.pane import FlowPane
from mgcert.tui.session import TuiSession
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.key_footer import KeyFooter

T = TypeVar("T")


class FlowScreen(MgcertScreen[object]):
    """Subclasses yield their panes and say what follows each one."""

    CSS_PATH = FLOW_SCREEN_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "abandon", msg.KEY_BACK, id="flow.back")
    ]
    FIRST_PANE: ClassVar[str] = "pick"
    # Panes that can be left without asking: nothing is half-done there.
    CALM_PANES: ClassVar[frozenset[str]] = frozenset({"pick", "done", "refused"})
    FLOW_TITLE: ClassVar[str] = ""

    def __init__(self, session: TuiSession, *, id: str) -> None:
        super().__init__(id=id)
        self.session = session
        self.trail = PaneTrail()

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="flow-notice")
        with ContentSwitcher(initial=self.FIRST_PANE, id="panes"):
            yield from self.panes()
        yield KeyFooter()

    def panes(self) -> Iterable[Widget]:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.sub_title = self.FLOW_TITLE
        self.query_one("#flow-notice", Label).display = False
        self.show_pane(self.FIRST_PANE)

    # ------------------------------------------------------------------ navigation

    @property
    def current_pane_id(self) -> str:
        return self.query_one("#panes", ContentSwitcher).current or self.FIRST_PANE

    def help_topic(self) -> str:
        pane = self.query_one(f"#{self.current_pane_id}")
        return str(getattr(pane, "HELP_TOPIC", self.HELP_TOPIC))

    def show_pane(self, pane_id: str) -> None:
        self.trail.shown(pane_id)
        self.query_one("#panes", ContentSwitcher).current = pane_id
        pane = self.query_one(f"#{pane_id}")
        self.refresh_bindings()
        enter = getattr(pane, "enter", None)
        if callable(enter):
            self.call_after_refresh(enter)

    def show_notice(self, text: str, *, warning: bool = False) -> None:
        notice = self.query_one("#flow-notice", Label)
        notice.update(text)
        notice.set_class(warning, "-warning")
        notice.display = bool(text)

    @on(WizardStep.Finished)
    def _step_finished(self, event: WizardStep.Finished) -> None:
        event.stop()
        pane_id = event.step.id or ""
        if pane_id in METHOD_PANES and isinstance(event.outcome, str):
            self.show_pane(event.outcome)
        elif pane_id in IDENTITY_NEXT:
            self.show_pane(IDENTITY_NEXT[pane_id])
        elif pane_id in SECOND_FACTOR_PANES:
            self.identity_done()
        else:
            self.step_finished(pane_id, event.outcome)

    @on(FlowPane.Done)
    def _pane_done(self, event: FlowPane.Done) -> None:
        event.stop()
        self.step_finished(event.pane.id or "", event.outcome)

    @on(CertificatePicker.Chosen)
    def _certificate_chosen(self, event: CertificatePicker.Chosen) -> None:
        event.stop()
        self.certificate_chosen(event.entry)

    def certificate_chosen(self, entry: CertificateEntry) -> None:
        """A row of the picker was chosen (flows with a picker override)."""

    def identity_done(self) -> None:
        """ARS/SMS and 보안카드/OTP both passed (flows with identity panes override)."""

    def step_finished(self, pane_id: str, outcome: object) -> None:
        """One of the flow's own panes finished."""

    def ask_password(
        self,
        entry: CertificateEntry,
        purpose: str,
        verify: Callable[[CertificateEntry, str], T],
        then: Callable[[PromptOutcome[T]], None],
    ) -> None:
        """The password prompt over this screen; ``then`` gets the center's answer."""

        def answered(outcome: PromptOutcome[T] | None) -> None:
            if outcome is not None:
                then(outcome)

        self.app.push_screen(PasswordPrompt(self.session, entry, purpose, verify), answered)

    # ------------------------------------------------------------------ workers

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS:
            self.work_done(event.worker.group, event.worker.result)
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, MgcertError):
                self.work_failed(event.worker.group, error)
            else:
                self.app.log.error(repr(error))
                self.notify(part1_msg.WORKER_FAILED, severity="error")

    def work_done(self, group: str, result: object) -> None:
        """A worker of this screen finished (flows with workers override)."""

    def work_failed(self, group: str, error: MgcertError) -> None:
        """A worker of this screen was refused by the center."""
        self.notify(error_text(error), severity="error")

    # ------------------------------------------------------------------ leaving

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the center works, leaving would strand half-written results.
        return not (action == "abandon" and self.current_pane_id == "progress")

    def action_abandon(self) -> None:
        """Esc: one step back (asking only if what is typed here would be reset); on
        the first pane or a final one, out of the flow (asking if work is half done)."""
        current = self.current_pane_id
        pane = self.query_one(f"#{current}")
        previous = self.trail.previous()
        if current in FINAL_PANES:
            self.dismiss(None)
            return
        if previous is not None:
            go_back_or_ask(self, pane, previous)
            return
        if current in self.CALM_PANES or not has_typed_input(pane):
            self.dismiss(None)
            return

        def leave(abandon: bool | None) -> None:
            if abandon:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmModal(msg.ABANDON_QUESTION, part1_msg.ABANDON_YES, part1_msg.ABANDON_NO),
            leave,
        )
