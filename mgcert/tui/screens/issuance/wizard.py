"""The 공동인증서 발급/재발급 wizard: step indicator, one pane per step, the issuing worker."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import ContentSwitcher, Header, Label
from textual.worker import Worker, WorkerState

from mgcert.center import (
    MEDIUM_FAILURES,
    CustomerCheck,
    IssuanceFlow,
    IssuanceResult,
    IssuedButNotSaved,
    IssueMode,
    IssueStage,
    JobParked,
    MediumLocation,
)
from mgcert.errors import MgcertError
from mgcert.messages import tui as msg
from mgcert.npki.profile import CertificateKind
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.issuance.customer_step import CustomerStep
from mgcert.tui.screens.issuance.device_steps import OtpStep, SecurityCardStep
from mgcert.tui.screens.issuance.done_step import DoneStep
from mgcert.tui.screens.issuance.medium_step import MediumStep
from mgcert.tui.screens.issuance.method_step import device_method_step, phone_method_step
from mgcert.tui.screens.issuance.password_step import NewPassword, PasswordStep
from mgcert.tui.screens.issuance.phone_steps import ArsStep, SmsStep
from mgcert.tui.screens.issuance.progress_step import ProgressStep
from mgcert.tui.screens.issuance.recovery import save_parked
from mgcert.tui.screens.issuance.step import WizardStep, error_text
from mgcert.tui.screens.issuance.terms_step import TermsStep
from mgcert.tui.screens.steps.back import PaneTrail, go_back_or_ask, has_typed_input
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.key_footer import KeyFooter
from mgcert.tui.widgets.step_indicator import StepIndicator

# Which pane follows a finished one when the outcome does not choose it.
NEXT_PANE = {
    "customer": "terms",
    "terms": "phone-method",
    "ars": "device-method",
    "sms": "device-method",
    "card": "medium",
    "otp": "medium",
    "medium": "password",
}


class IssuanceWizard(MgcertScreen[None]):
    """One user's way through 발급/재발급; the center's flow object holds the progress."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "abandon", msg.KEY_BACK, id="wizard.back")
    ]

    def __init__(self, session: TuiSession, flow: IssuanceFlow, kind: CertificateKind) -> None:
        super().__init__(id="wizard")
        self.session = session
        self.flow = flow
        self.kind = kind
        self.check: CustomerCheck | None = None
        self.trail = PaneTrail()
        self.location: MediumLocation | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepIndicator(id="steps")
        yield Label("", id="mode-notice")
        with ContentSwitcher(initial="customer", id="panes"):
            yield CustomerStep(self.flow, id="customer")
            yield TermsStep(self.flow, id="terms")
            yield phone_method_step(self.flow)
            yield ArsStep(self.flow, id="ars")
            yield SmsStep(self.flow, id="sms")
            yield device_method_step(self.flow)
            yield SecurityCardStep(self.flow, id="card")
            yield OtpStep(self.flow, id="otp")
            yield MediumStep(self.flow, self.session.center, id="medium")
            yield PasswordStep(self.flow, id="password")
            yield ProgressStep(self.flow, id="progress")
            yield DoneStep(self.flow, id="done")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = msg.WIZARD_TITLE.format(kind=self.kind.label)
        self.query_one("#mode-notice", Label).display = False
        self.show_pane("customer")

    # ------------------------------------------------------------------ navigation

    @property
    def current_pane(self) -> WizardStep:
        current = self.query_one("#panes", ContentSwitcher).current or "customer"
        return self.query_one(f"#{current}", WizardStep)

    def help_topic(self) -> str:
        return self.current_pane.HELP_TOPIC

    def show_pane(self, pane_id: str) -> None:
        self.trail.shown(pane_id)
        self.query_one("#panes", ContentSwitcher).current = pane_id
        pane = self.query_one(f"#{pane_id}", WizardStep)
        self.query_one(StepIndicator).current = pane.STEP
        self.refresh_bindings()
        self.call_after_refresh(pane.enter)

    @on(WizardStep.Finished)
    def next_step(self, event: WizardStep.Finished) -> None:
        event.stop()
        pane_id = event.step.id or ""
        if pane_id == "customer" and isinstance(event.outcome, JobParked):
            self._choose_other_medium(event.outcome)
            return
        if pane_id == "customer" and isinstance(event.outcome, CustomerCheck):
            self._identified(event.outcome)
        elif pane_id in ("phone-method", "device-method") and isinstance(event.outcome, str):
            self.show_pane(event.outcome)
            return
        elif pane_id == "medium" and isinstance(event.outcome, MediumLocation):
            self.location = event.outcome
            if self.flow.pending_recovery is not None:
                # Already issued: save the parked certificate there; no password again.
                self._start_saving(event.outcome)
                return
        elif pane_id == "password" and isinstance(event.outcome, NewPassword):
            self._start_issuing(event.outcome)
            return
        elif pane_id == "done":
            self.dismiss(None)
            return
        self.show_pane(NEXT_PANE[pane_id])

    def _identified(self, check: CustomerCheck) -> None:
        self.check = check
        self.session.customer_id = check.customer_id
        lines = []
        if check.mode is IssueMode.REISSUE:
            self.sub_title = msg.WIZARD_TITLE_REISSUE.format(kind=self.kind.label)
            lines.append(msg.REISSUE_NOTICE.format(reason=check.mode_reason))
        else:
            lines.append(msg.NEW_NOTICE.format(name=check.name))
        if check.fee_won:
            lines.append(msg.FEE_NOTICE.format(fee=check.fee_won, balance=check.balance_won))
        notice = self.query_one("#mode-notice", Label)
        notice.update("\n".join(lines))
        notice.set_class(check.mode is IssueMode.REISSUE, "-reissue")
        notice.display = True

    # ------------------------------------------------------------------ issuing

    def _start_issuing(self, typed: NewPassword) -> None:
        assert self.location is not None  # the medium pane always comes first
        self.show_pane("progress")
        self.query_one(ProgressStep).show_heading(msg.PROGRESS_HEADING)
        self.issue(self.location, typed)

    def _start_saving(self, location: MediumLocation) -> None:
        self.show_pane("progress")
        self.query_one(ProgressStep).show_heading(msg.RECOVERY_PROGRESS_HEADING)
        self.save(location)

    @work(thread=True, exclusive=True, exit_on_error=False, group="issue")
    def issue(self, location: MediumLocation, typed: NewPassword) -> IssuanceResult:
        progress = self.query_one(ProgressStep)

        def report(stage: IssueStage) -> None:
            self.app.call_from_thread(progress.show_stage, stage)

        return self.flow.issue(location, typed.password, typed.confirm, progress=report)

    @work(thread=True, exclusive=True, exit_on_error=False, group="issue")
    def save(self, location: MediumLocation) -> IssuanceResult:
        """Write the certificate parked after ``IssuedButNotSaved`` to ``location``."""
        progress = self.query_one(ProgressStep)

        def report(stage: IssueStage) -> None:
            self.app.call_from_thread(progress.show_stage, stage)

        return save_parked(self.flow, location, report)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "issue":
            return
        if event.state is WorkerState.SUCCESS and isinstance(event.worker.result, IssuanceResult):
            self.show_pane("done")
            self.query_one(DoneStep).show_result(event.worker.result)
        elif event.state is WorkerState.ERROR:
            self._issue_failed(event.worker.error)

    def _issue_failed(self, error: BaseException | None) -> None:
        if self.flow.pending_recovery is not None:
            self._choose_other_medium(error)
            return
        if not isinstance(error, MgcertError):
            self.app.log.error(repr(error))
            self.show_pane("password")
            self.current_pane.show_error(msg.WORKER_FAILED)
            return
        pane = "medium" if isinstance(error, MEDIUM_FAILURES) else "password"
        self.show_pane(pane)
        # By the fields only: at 80×24 a toast would cover the line it repeats.
        self.current_pane.show_error(error_text(error))

    def _choose_other_medium(self, error: BaseException | None) -> None:
        """Issued but not saved: back to the medium choice, saying the certificate exists
        and where it is kept; a failed retry says why under the choice."""
        pane = self.query_one(MediumStep)
        self.show_pane("medium")
        pane.show_parked(self.flow.pending_recovery)
        if isinstance(error, IssuedButNotSaved):
            pane.show_error("")
            self.notify(msg.RECOVERY_TOAST, severity="warning")
        elif isinstance(error, JobParked):
            pane.show_error("")  # the notice above says it all, without the CLI's command
        elif isinstance(error, MgcertError):
            pane.show_error(error_text(error))
        else:
            self.app.log.error(repr(error))
            pane.show_error(msg.WORKER_FAILED)

    # ------------------------------------------------------------------ leaving

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While the CA signs, leaving would strand a half-issued certificate.
        return not (action == "abandon" and self.current_pane.id == "progress")

    def action_abandon(self) -> None:
        """Esc: one step back (asking only if what is typed here would be reset); on
        the first step, or once done, out of the wizard."""
        pane = self.current_pane
        previous = self.trail.previous()
        if pane.id == "done" or (previous is None and not has_typed_input(pane)):
            self.dismiss(None)
            return
        if previous is not None and self.flow.pending_recovery is None:
            go_back_or_ask(self, pane, previous)
            return

        def leave(abandon: bool | None) -> None:
            if abandon:
                self.dismiss(None)

        parked = self.flow.pending_recovery
        question = (
            msg.ABANDON_QUESTION
            if parked is None
            else msg.ABANDON_QUESTION_PARKED.format(path=parked)
        )
        self.app.push_screen(ConfirmModal(question, msg.ABANDON_YES, msg.ABANDON_NO), leave)
