"""Every flow of the app: one coroutine that reads top to bottom over typed steps.

A flow screen's :meth:`FlowScreen.run` is written as the bank's procedure reads::

    check = await self.ask(CustomerStep(self.flow))
    await self.ask(TermsStep(self.flow))
    await prove_identity(self, self.flow)
    result = await self.work(lambda report: self.flow.issue(..., progress=report))
    await self.ask(DoneStep(result))

``ask`` shows the step's pane and waits for its answer; ``ask_screen`` does the same for
a dialog; ``work`` runs a center call in a thread behind the progress pane. Esc goes one
step back (:mod:`mgcert.tui.screens.steps.trail` explains how), asking first only where
typed input would be lost; on the first step, or once the work is done, it leaves.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, ClassVar, NoReturn, TypeVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, Label
from textual.worker import Worker

from mgcert.center import IssueStage
from mgcert.errors import MgcertError
from mgcert.messages import tui as msg
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.steps.progress import ProgressStep
from mgcert.tui.screens.steps.step import Step, error_text
from mgcert.tui.screens.steps.trail import AnswerTrail
from mgcert.tui.session import TuiSession
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.key_footer import KeyFooter
from mgcert.tui.widgets.step_indicator import StepIndicator

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S", bound=Step[Any])

Report = Callable[[IssueStage], None]


class Replay(Exception):
    """Run the flow again from the top (after going back, or rewinding to a step)."""


class LeaveFlow(Exception):
    """The person left the flow from its first question."""


class FlowScreen(MgcertScreen[None]):
    """Subclasses write :meth:`run`; the step bar shows ``STAGES``."""

    CSS_PATH = FLOW_SCREEN_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", msg.KEY_BACK, id="flow.back")
    ]
    FLOW_TITLE: ClassVar[str] = ""
    # The step bar's labels, in order; :meth:`stage` says which one the flow is at.
    STAGES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, session: TuiSession, *, id: str) -> None:
        super().__init__(id=id)
        self.session = session
        self.trail = AnswerTrail()
        self._panes: list[Step[Any] | None] = []  # by trail position; None for a dialog
        self._waiting: tuple[Step[Any], asyncio.Future[object]] | None = None
        self._working = False
        self._on_return: dict[int, Callable[[Any], None]] = {}
        self._driving = False  # the flow's coroutine is running
        self._awaiting = False  # ... and waits for the person (a step or a dialog)
        # Esc pressed before the step an earlier Esc went back to is shown: each is
        # for the step then on screen, so they wait for it (a fast double Esc).
        self._going_back = False
        self._backs_pending = 0

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepIndicator(self.STAGES, id="steps")
        yield Label("", id="flow-notice")
        yield ContentSwitcher(id="panes")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.FLOW_TITLE
        # Hidden by class, never by an inline style: the too-small notice's rule must
        # still be able to hide them.
        self.query_one("#flow-notice", Label).add_class("-empty")
        self.query_one(StepIndicator).set_class(not self.STAGES, "-empty")
        self._start()

    async def run(self) -> None:
        """The flow, top to bottom (subclasses)."""
        raise NotImplementedError

    # ------------------------------------------------------------------ what runs the flow

    def _start(self) -> None:
        # The coroutine function, not a coroutine: a run cancelled before it starts (Esc
        # twice quickly) would otherwise leave a coroutine never awaited.
        _: Worker[None] = self.run_worker(
            self._drive, group="flow", exclusive=True, exit_on_error=False
        )

    @property
    def working(self) -> bool:
        """The center is working for this flow (``work``): it must not be left now."""
        return self._working

    @property
    def settled(self) -> bool:
        """Nothing is happening but waiting for the person (tests wait for this)."""
        waiting = not self._driving or self._awaiting
        return waiting and not self._going_back and not self._backs_pending

    async def _drive(self) -> None:
        self._driving = True
        try:
            await self._run_until_done()
        finally:
            self._driving = False

    async def _run_until_done(self) -> None:
        while True:
            self.trail.restart()
            try:
                await self.run()
            except Replay:
                continue
            except LeaveFlow:
                break
            except Exception as error:  # a bug, not a refusal: say so, keep what was typed
                self.app.log.error(repr(error))
                self.notify(
                    error_text(error) if isinstance(error, MgcertError) else msg.WORKER_FAILED,
                    severity="error",
                )
                if not self.trail.can_go_back():
                    break
                self.trail.go_back()
                continue
            break
        if self.app.screen is self:  # not when the flow switched to another screen
            self.dismiss(None)

    # ------------------------------------------------------------------ the steps

    @property
    def current_step(self) -> Step[Any] | None:
        current = self.query_one("#panes", ContentSwitcher).current
        if current is None:
            return None
        return next((pane for pane in self._panes if pane is not None and pane.id == current), None)

    def help_topic(self) -> str:
        step = self.current_step
        return step.help_topic if step is not None else self.HELP_TOPIC

    def stage(self, number: int) -> None:
        """The step bar's current stage (1-based)."""
        self.query_one(StepIndicator).current = number

    def show_notice(self, text: str, *, warning: bool = False) -> None:
        notice = self.query_one("#flow-notice", Label)
        notice.update(text)
        notice.set_class(warning, "-warning")
        notice.set_class(not text, "-empty")

    async def ask(self, step: Step[T]) -> T:
        """Show ``step`` and wait for its answer (at once, if replaying)."""
        if (answer := self.trail.replay(step.key)) is not None:
            return cast(T, answer.value)
        index = self.trail.position
        pane = await self._show(index, step)
        future: asyncio.Future[object] = asyncio.get_running_loop().create_future()
        self._waiting = (pane, future)
        self._awaiting = True
        self._shown_to_person()
        try:
            value = await future
        finally:
            self._waiting = None
            self._awaiting = False
        self.trail.record(step.key, value)
        return cast(T, value)

    async def ask_screen(self, screen: Screen[T | None]) -> T:
        """A dialog over the current pane; closing it (None) goes one step back."""
        key = ("screen", type(screen).__qualname__)
        if (answer := self.trail.replay(key)) is not None:
            return cast(T, answer.value)
        index = self.trail.position
        await self._drop_panes(index)
        self._panes.append(None)
        self._show_last_pane()
        if self._backs_pending:  # an Esc already pressed for it: closed at once
            self._backs_pending -= 1
            self._going_back = False
            self.back_or_leave()
        self._going_back = False
        self._awaiting = True
        try:
            value = await self.app.push_screen_wait(screen)
        finally:
            self._awaiting = False
        if value is None:
            self.back_or_leave()
        self.trail.record(key, value)
        return value

    async def work(self, job: Callable[[Report], R], *, heading: str | None = None) -> R:
        """Run ``job`` (a center call taking a progress callback) in a thread behind the
        progress pane; Esc is off meanwhile. Its result is final: the trail is sealed."""
        key = ("work", "progress")
        if (answer := self.trail.replay(key)) is not None:
            return cast(R, answer.value)
        index = self.trail.position
        progress = ProgressStep()
        await self._show(index, progress)
        if heading is not None:
            progress.show_heading(heading)

        def report(stage: IssueStage) -> None:
            self.app.call_from_thread(progress.show_stage, stage)

        self._working = True
        self._going_back = False
        self._backs_pending = 0  # Esc is off while the center works
        self.refresh_bindings()
        try:
            result = await asyncio.to_thread(job, report)
        finally:
            self._working = False
            self.refresh_bindings()
        self.trail.record(key, result)
        self.trail.seal()
        return result

    async def commit(self, action: Callable[[], R]) -> R:
        """A quick center call that finishes the flow's business (e.g. 등록): recorded
        and sealed like :meth:`work`, so no replay ever calls it twice."""
        key = ("work", "commit")
        if (answer := self.trail.replay(key)) is not None:
            return cast(R, answer.value)
        result = action()
        self.trail.record(key, result)
        self.trail.seal()
        return result

    def retry(self, step_type: type[S], then: Callable[[S], None]) -> NoReturn:
        """Go back to the last ``step_type`` step (what it holds kept) and call ``then``
        on its pane once shown, e.g. to say why the center refused what followed."""
        name = step_type.__qualname__
        index = self.trail.rewind_to(lambda key: isinstance(key, tuple) and key[0] == name)
        if index is None:
            raise LeaveFlow
        self._on_return[index] = then
        raise Replay

    def back_or_leave(self) -> NoReturn:
        """One step back from inside the flow (a dialog was closed)."""
        if not self.trail.can_go_back():
            raise LeaveFlow
        self.trail.go_back()
        raise Replay

    async def _show(self, index: int, step: Step[Any]) -> Step[Any]:
        switcher = self.query_one("#panes", ContentSwitcher)
        existing = self._panes[index] if index < len(self._panes) else None
        reuse = existing is not None and existing.key == step.key
        pane = existing if reuse and existing is not None else step
        await self._drop_panes(index + 1 if reuse else index)
        if pane is step:
            self._panes.append(step)
            await switcher.mount(step)
        switcher.current = pane.id
        then = self._on_return.pop(index, None)
        if then is not None:
            then(pane)
        self.refresh_bindings()
        self.call_after_refresh(self._enter, pane)
        return pane

    def _shown_to_person(self) -> None:
        """A step waits for the person: an Esc that waited for it is handled now."""
        self._going_back = False
        if self._backs_pending:
            self.call_after_refresh(self._pending_back)

    def _pending_back(self) -> None:
        self._backs_pending -= 1
        self.action_back()

    def _enter(self, pane: Step[Any]) -> None:
        if pane.is_attached and self.current_step is pane:  # not replaced meanwhile
            try:
                pane.enter()  # may call the center (a new ARS call, 보안카드 cells)
            except Exception as error:  # a bug, not a refusal: say so by the fields
                self.app.log.error(repr(error))
                pane.show_error(
                    error_text(error) if isinstance(error, MgcertError) else msg.WORKER_FAILED
                )

    async def _drop_panes(self, keep: int) -> None:
        """Remove the panes after the first ``keep`` positions (they are not on the
        trail any more)."""
        while len(self._panes) < keep:
            self._panes.append(None)
        dropped = [pane for pane in self._panes[keep:] if pane is not None]
        del self._panes[keep:]
        for pane in dropped:
            await pane.remove()

    def _show_last_pane(self) -> None:
        last = next((pane for pane in reversed(self._panes) if pane is not None), None)
        switcher = self.query_one("#panes", ContentSwitcher)
        switcher.current = last.id if last is not None else None

    @on(Step.Answered)
    def _answered(self, event: Step.Answered) -> None:
        event.stop()
        if self._waiting is None:
            return
        pane, future = self._waiting
        if event.step is pane and not future.done():
            future.set_result(event.value)

    # ------------------------------------------------------------------ leaving

    def leaving_question(self) -> str | None:
        """A question Esc asks before leaving the flow outright, instead of going back
        (e.g. a certificate was issued but not saved); None: the usual Esc."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the center works, leaving would strand half-written results.
        return not (action == "back" and self._working)

    def action_back(self) -> None:
        """Esc: one step back (asking if what is typed here would be lost); on the first
        step, or once the work is done, out of the flow."""
        if self._going_back or (self._driving and not self._awaiting):
            # The flow is on its way to a step (an earlier Esc, a refusal): what is on
            # screen is not what this Esc is about; it waits for that step.
            self._backs_pending += 1
            return
        step = self.current_step
        question = self.leaving_question()
        if question is not None:
            self._confirm(question, msg.ABANDON_YES, msg.ABANDON_NO, self._leave)
        elif step is not None and step.FINAL:
            self._leave()
        elif not self.trail.can_go_back():
            if self.trail.sealed or step is None or not step.has_input():
                self._leave()
            else:
                self._confirm(msg.ABANDON_QUESTION, msg.ABANDON_YES, msg.ABANDON_NO, self._leave)
        elif step is not None and step.has_input():
            self._confirm(msg.BACK_QUESTION, msg.BACK_YES, msg.BACK_NO, self._go_back)
        else:
            self._go_back()

    def _go_back(self) -> None:
        self._going_back = True
        self.trail.go_back()
        self._start()

    def _leave(self) -> None:
        self.workers.cancel_group(self, "flow")
        self.dismiss(None)

    def _confirm(self, question: str, yes: str, no: str, then: Callable[[], None]) -> None:
        def answered(confirmed: bool | None) -> None:
            if confirmed:
                then()

        self.app.push_screen(ConfirmModal(question, yes, no), answered)
