"""인증서 갱신: pick, prove the password, 본인인증, new password or keep, result.

If the renewed certificate was issued but its medium refused the files, the medium
choice is asked and the parked copy saved there (the flow's ``save_to``; no second
issuance).
"""

from __future__ import annotations

from mgcert.center import (
    IssuanceResult,
    IssuedButNotSaved,
    RenewalCheck,
    RenewalExpired,
    RenewalTooEarly,
)
from mgcert.center.rules import rule_text
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg
from mgcert.messages import renewal as renew_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.issuance.done_step import fee_line, result_table
from mgcert.tui.screens.issuance.medium_step import MediumStep
from mgcert.tui.screens.issuance.recovery import save_parked
from mgcert.tui.screens.kind_choice import KindChoiceScreen
from mgcert.tui.screens.picker.password_prompt import PasswordPrompt, PromptOutcome
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.renewal.password_step import RenewalPasswordStep
from mgcert.tui.screens.steps.explanation import ExplanationPane
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.identity import prove_identity
from mgcert.tui.screens.steps.result_pane import ResultPane
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.certificate_table import kst_day


class RenewalScreen(FlowScreen):
    """The center's RenewalFlow holds the progress; this screen asks one step at a time."""

    HELP_TOPIC = "renewal"
    FLOW_TITLE = renew_msg.RENEW_TITLE
    STAGES = msg.RENEW_STAGES

    def __init__(self, session: TuiSession) -> None:
        self.flow = session.center.start_renewal()
        super().__init__(session, id="renewal")

    async def run(self) -> None:
        center = self.session.center
        self.stage(1)
        entry = await self.ask(
            CertificatePicker(
                center, heading=renew_msg.RENEW_TITLE, intro=rule_text(renew_msg.RENEW_PICK_INTRO)
            )
        )
        refusal = self.flow.refusal(entry)
        if refusal is not None:  # said before the password and its KDF wait
            await self._refused(refusal)
            return
        outcome: PromptOutcome[RenewalCheck] = await self.ask_screen(
            PasswordPrompt(self.session, entry, renew_msg.RENEW_PURPOSE, self.flow.select)
        )
        if outcome.error is not None:
            await self._refused(outcome.error)
            return
        check = outcome.value
        assert check is not None
        self._selected(check)
        self.stage(2)
        await prove_identity(self, self.flow)
        self.stage(3)
        typed = await self.ask(RenewalPasswordStep())
        if self.flow.pending_recovery is not None:  # renewed already, not yet saved
            result = await self._save_parked()
        else:
            try:
                result = await self.work(
                    lambda report: self.flow.renew(
                        None if typed is None else typed.password,
                        None if typed is None else typed.confirm,
                        progress=report,
                    )
                )
            except MgcertError as error:
                if not self._parked():
                    text = error_text(error)
                    # No toast as well: at 80×24 it would cover the error line it repeats.
                    self.retry(RenewalPasswordStep, lambda pane: pane.show_error(text))
                if isinstance(error, IssuedButNotSaved):
                    self.notify(issue_msg.RECOVERY_TOAST, severity="warning")
                result = await self._save_parked()
        self.stage(4)
        self.show_notice("")
        notes = [renew_msg.RENEW_DONE_NOTE.format(end=kst_day(result.not_after))]
        if result.fee_won:
            notes.insert(0, fee_line(result.fee_won, result.balance_after_won))
        if result.recovered_to is not None:
            notes.insert(0, issue_msg.DONE_RECOVERED)
        await self.ask(
            ResultPane("renewal-done", renew_msg.RENEW_DONE, result_table(result), notes)
        )

    def _selected(self, check: RenewalCheck) -> None:
        self.session.customer_id = check.customer_id
        text = renew_msg.RENEW_NOTICE.format(
            name=check.name, old=kst_day(check.old_not_after), new=kst_day(check.new_not_after)
        )
        if check.fee_won:
            text += renew_msg.RENEW_FEE.format(fee=check.fee_won)
        self.show_notice(text)

    async def _refused(self, error: MgcertError) -> None:
        """Why this certificate cannot be renewed, and where to go instead."""
        if isinstance(error, RenewalTooEarly):
            pane = ExplanationPane(
                renew_msg.RENEW_TOO_EARLY_HEADING,
                str(error),
                rule_text(renew_msg.RENEW_TOO_EARLY_HELP),
            )
        elif isinstance(error, RenewalExpired):
            pane = ExplanationPane(
                renew_msg.RENEW_EXPIRED_HEADING,
                str(error),
                renew_msg.RENEW_EXPIRED_HELP,
                msg.GO_ISSUE,
            )
        else:
            pane = ExplanationPane(
                renew_msg.RENEW_REFUSED_HEADING, error_text(error), renew_msg.RENEW_REFUSED_HELP
            )
        if await self.ask(pane):
            self.app.switch_screen(KindChoiceScreen(self.session))

    async def _save_parked(self) -> IssuanceResult:
        """Renewed at the CA but not saved: where to save the parked copy."""
        location = await self.ask(
            MediumStep(self.session.center, parked=self.flow.pending_recovery)
        )
        try:
            return await self.work(
                lambda report: save_parked(self.flow, location, report),
                heading=issue_msg.RECOVERY_PROGRESS_HEADING,
            )
        except MgcertError as error:
            failure = error  # `error` is unbound once the except block ends
            self.retry(MediumStep, lambda pane: self._say_parked(pane, failure))

    def _say_parked(self, pane: MediumStep, error: MgcertError) -> None:
        pane.show_parked(self.flow.pending_recovery)
        pane.show_error(error_text(error))

    def _parked(self) -> bool:
        """Renewed at the CA but not saved (read afresh: each center call may change it)."""
        return self.flow.pending_recovery is not None

    def leaving_question(self) -> str | None:
        parked = self.flow.pending_recovery
        return None if parked is None else issue_msg.ABANDON_QUESTION_PARKED.format(path=parked)
