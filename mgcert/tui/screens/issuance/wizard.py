"""공동인증서 발급/재발급: customer, terms, 본인인증, medium, password, issued.

If the CA issued but the chosen medium refused the files (``IssuedButNotSaved``), or an
earlier run left a certificate parked (``JobParked``), the medium choice is asked again
and the parked files are saved there — never a second issuance, never the password again.
"""

from __future__ import annotations

from typing import NoReturn

from mgcert.center import (
    MEDIUM_FAILURES,
    CustomerCheck,
    IssuanceFlow,
    IssuanceResult,
    IssuedButNotSaved,
    IssueMode,
    JobParked,
    MediumLocation,
)
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import tui as msg
from mgcert.npki.profile import CertificateKind
from mgcert.tui.screens.issuance.customer_step import CustomerStep
from mgcert.tui.screens.issuance.done_step import DoneStep
from mgcert.tui.screens.issuance.medium_step import MediumStep
from mgcert.tui.screens.issuance.password_step import NewPassword, PasswordStep
from mgcert.tui.screens.issuance.recovery import save_parked
from mgcert.tui.screens.issuance.terms_step import TermsStep
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.identity import prove_identity
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.session import TuiSession


class IssuanceWizard(FlowScreen):
    """One user's way through 발급/재발급; the center's flow object holds the progress."""

    HELP_TOPIC = "customer"
    STAGES = issue_msg.STEP_LABELS

    def __init__(self, session: TuiSession, flow: IssuanceFlow, kind: CertificateKind) -> None:
        super().__init__(session, id="wizard")
        self.flow = flow
        self.kind = kind
        self.check: CustomerCheck | None = None

    def on_mount(self) -> None:
        super().on_mount()
        self.sub_title = issue_msg.WIZARD_TITLE.format(kind=self.kind.label)

    async def run(self) -> None:
        self.stage(1)
        outcome = await self.ask(CustomerStep(self.flow))
        if isinstance(outcome, CustomerCheck):
            self._identified(outcome)
            self.stage(2)
            await self.ask(TermsStep(self.flow))
            self.stage(3)
            await prove_identity(self, self.flow)
        # else JobParked: issued earlier but never saved; only where to save it is asked.
        self.stage(4)
        location = await self.ask(
            MediumStep(
                self.session.center,
                self.flow.check_medium,
                parked=self.flow.pending_recovery,
                folder=self.session.removable_root,
            )
        )
        self.session.remember_medium(location)
        if self.flow.pending_recovery is not None:
            result = await self._save_parked(location)
        else:
            typed = await self.ask(PasswordStep())
            assert typed is not None  # only 갱신's password step offers "keep"
            result = await self._issue(location, typed)
        await self.ask(DoneStep(result))

    def _identified(self, check: CustomerCheck) -> None:
        self.check = check
        self.session.customer_id = check.customer_id
        lines = []
        reissue = check.mode is IssueMode.REISSUE
        if reissue:
            self.sub_title = issue_msg.WIZARD_TITLE_REISSUE.format(kind=self.kind.label)
            lines.append(issue_msg.REISSUE_NOTICE.format(reason=check.mode_reason))
        else:
            self.sub_title = issue_msg.WIZARD_TITLE.format(kind=self.kind.label)
            lines.append(issue_msg.NEW_NOTICE.format(name=check.name))
        if check.fee_won:
            lines.append(issue_msg.FEE_NOTICE.format(fee=check.fee_won, balance=check.balance_won))
        self.show_notice("\n".join(lines), warning=reissue)

    # ------------------------------------------------------------------ issuing

    async def _issue(self, location: MediumLocation, typed: NewPassword) -> IssuanceResult:
        try:
            return await self.work(
                lambda report: self.flow.issue(
                    location, typed.password, typed.confirm, progress=report
                ),
                heading=issue_msg.PROGRESS_HEADING,
            )
        except Exception as error:
            self._issue_failed(error)

    async def _save_parked(self, location: MediumLocation) -> IssuanceResult:
        try:
            return await self.work(
                lambda report: save_parked(self.flow, location, report),
                heading=issue_msg.RECOVERY_PROGRESS_HEADING,
            )
        except Exception as error:
            failure = error  # `error` is unbound once the except block ends
            self.retry(MediumStep, lambda pane: self._say_parked(pane, failure))

    def _issue_failed(self, error: Exception) -> NoReturn:
        if self.flow.pending_recovery is not None:
            self.retry(MediumStep, lambda pane: self._say_parked(pane, error))
        if not isinstance(error, MgcertError):
            self.app.log.error(repr(error))
            self.retry(PasswordStep, lambda pane: pane.show_error(msg.WORKER_FAILED))
        text = error_text(error)
        # By the fields only: at 80×24 a toast would cover the line it repeats.
        if isinstance(error, MEDIUM_FAILURES):
            self.retry(MediumStep, lambda pane: pane.show_error(text))
        self.retry(PasswordStep, lambda pane: pane.show_error(text))

    def _say_parked(self, pane: MediumStep, error: Exception) -> None:
        """Issued but not saved: the medium choice again, saying the certificate exists
        and where it is kept; a failed retry says why under the choice."""
        pane.show_parked(self.flow.pending_recovery)
        if isinstance(error, IssuedButNotSaved):
            pane.show_error("")
            self.notify(issue_msg.RECOVERY_TOAST, severity="warning")
        elif isinstance(error, JobParked):
            pane.show_error("")  # the notice above says it all, without the CLI's command
        elif isinstance(error, MgcertError):
            pane.show_error(error_text(error))
        else:
            self.app.log.error(repr(error))
            pane.show_error(msg.WORKER_FAILED)

    def leaving_question(self) -> str | None:
        parked = self.flow.pending_recovery
        return None if parked is None else issue_msg.ABANDON_QUESTION_PARKED.format(path=parked)
