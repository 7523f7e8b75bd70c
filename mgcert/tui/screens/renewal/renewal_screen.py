"""인증서 갱신: pick, prove the password, identity check, new password or keep, result.

If the renewed certificate was issued but its medium refused the files, the medium pane
asks where to save the parked copy instead (the flow's ``save_to``; no second issuance).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.widget import Widget

from mgcert.center import (
    IssuanceResult,
    IssuedButNotSaved,
    IssueStage,
    MediumLocation,
    RenewalCheck,
    RenewalExpired,
    RenewalTooEarly,
)
from mgcert.center.models import CertificateEntry
from mgcert.center.rules import rule_text
from mgcert.errors import MgcertError
from mgcert.messages import tui as part1_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.issuance.done_step import result_table
from mgcert.tui.screens.issuance.medium_step import MediumStep
from mgcert.tui.screens.issuance.password_step import NewPassword
from mgcert.tui.screens.issuance.progress_step import ProgressStep
from mgcert.tui.screens.issuance.recovery import save_parked
from mgcert.tui.screens.issuance.step import error_text
from mgcert.tui.screens.kind_choice import KindChoiceScreen
from mgcert.tui.screens.picker.password_prompt import PromptOutcome
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.renewal.password_step import RenewalPasswordStep
from mgcert.tui.screens.steps.explanation import ExplanationPane
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.identity import FIRST_IDENTITY_PANE, as_wizard_flow, identity_panes
from mgcert.tui.screens.steps.result_pane import ResultPane
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.certificate_table import kst_day


class RenewalScreen(FlowScreen):
    """The center's RenewalFlow holds the progress; this screen shows one pane at a time."""

    HELP_TOPIC = "renewal"
    FLOW_TITLE = msg.RENEW_TITLE

    def __init__(self, session: TuiSession) -> None:
        self.flow = session.center.start_renewal()
        super().__init__(session, id="renewal")

    def panes(self) -> Iterable[Widget]:
        yield CertificatePicker(
            self.session.center, heading=msg.RENEW_TITLE, intro=rule_text(msg.RENEW_PICK_INTRO)
        )
        yield from identity_panes(self.flow)
        yield RenewalPasswordStep(as_wizard_flow(self.flow), id="password")
        yield ProgressStep(as_wizard_flow(self.flow), id="progress")
        # Only after IssuedButNotSaved: where to save the parked certificate.
        yield MediumStep(
            as_wizard_flow(self.flow), self.session.center, id="medium", check_first=False
        )
        yield ResultPane("renewal-done")
        yield ExplanationPane()

    # ------------------------------------------------------------------ steps

    def certificate_chosen(self, entry: CertificateEntry) -> None:
        self.ask_password(entry, msg.RENEW_PURPOSE, self.flow.select, self.selected)

    def selected(self, outcome: PromptOutcome[RenewalCheck]) -> None:
        if outcome.error is not None:
            self.refuse(outcome.error)
            return
        check = outcome.value
        assert check is not None
        self.session.customer_id = check.customer_id
        text = msg.RENEW_NOTICE.format(
            name=check.name, old=kst_day(check.old_not_after), new=kst_day(check.new_not_after)
        )
        if check.fee_won:
            text += msg.RENEW_FEE.format(fee=check.fee_won)
        self.show_notice(text)
        self.show_pane(FIRST_IDENTITY_PANE)

    def refuse(self, error: MgcertError) -> None:
        pane = self.query_one(ExplanationPane)
        if isinstance(error, RenewalTooEarly):
            pane.explain(
                msg.RENEW_TOO_EARLY_HEADING, str(error), rule_text(msg.RENEW_TOO_EARLY_HELP)
            )
        elif isinstance(error, RenewalExpired):
            pane.explain(
                msg.RENEW_EXPIRED_HEADING,
                str(error),
                msg.RENEW_EXPIRED_HELP,
                (msg.GO_ISSUE, self.open_issuance),
            )
        else:
            pane.explain(msg.RENEW_REFUSED_HEADING, error_text(error), msg.RENEW_REFUSED_HELP)
        self.show_pane("refused")

    def open_issuance(self) -> None:
        self.app.switch_screen(KindChoiceScreen(self.session))

    def identity_done(self) -> None:
        self.show_pane("password")

    def step_finished(self, pane_id: str, outcome: object) -> None:
        if pane_id == "password":
            self.show_pane("progress")
            self.renew(outcome if isinstance(outcome, NewPassword) else None)
        elif pane_id == "medium" and isinstance(outcome, MediumLocation):
            self.show_pane("progress")
            self.query_one(ProgressStep).show_heading(part1_msg.RECOVERY_PROGRESS_HEADING)
            self.save(outcome)

    # ------------------------------------------------------------------ renewing

    @work(thread=True, exclusive=True, exit_on_error=False, group="renew")
    def renew(self, typed: NewPassword | None) -> IssuanceResult:
        progress = self.query_one(ProgressStep)

        def report(stage: IssueStage) -> None:
            self.app.call_from_thread(progress.show_stage, stage)

        if typed is None:
            return self.flow.renew(None, None, progress=report)
        return self.flow.renew(typed.password, typed.confirm, progress=report)

    @work(thread=True, exclusive=True, exit_on_error=False, group="renew")
    def save(self, location: MediumLocation) -> IssuanceResult:
        """Write the certificate parked after ``IssuedButNotSaved`` to ``location``."""
        progress = self.query_one(ProgressStep)

        def report(stage: IssueStage) -> None:
            self.app.call_from_thread(progress.show_stage, stage)

        return save_parked(self.flow, location, report)

    def work_done(self, group: str, result: object) -> None:
        if group == "renew" and isinstance(result, IssuanceResult):
            self.show_notice("")
            notes = [msg.RENEW_DONE_NOTE.format(end=kst_day(result.not_after))]
            if result.recovered_to is not None:
                notes.insert(0, part1_msg.DONE_RECOVERED)
            self.query_one(ResultPane).show(msg.RENEW_DONE, result_table(result), notes)
            self.show_pane("done")

    def work_failed(self, group: str, error: MgcertError) -> None:
        parked = self.flow.pending_recovery
        if parked is not None:
            # Renewed at the CA, but not saved: choose another medium for the parked copy.
            pane = self.query_one(MediumStep)
            self.show_pane("medium")
            pane.show_parked(parked)
            if isinstance(error, IssuedButNotSaved):
                pane.show_error("")
                self.notify(part1_msg.RECOVERY_TOAST, severity="warning")
                return
            pane.show_error(error_text(error))
        else:
            self.show_pane("password")
            self.query_one(RenewalPasswordStep).show_error(error_text(error))
        # No toast as well: at 80×24 it would cover the error line it repeats.

    def action_abandon(self) -> None:
        parked = self.flow.pending_recovery
        if parked is None:
            super().action_abandon()
            return

        def leave(abandon: bool | None) -> None:
            if abandon:
                self.dismiss(None)

        question = part1_msg.ABANDON_QUESTION_PARKED.format(path=parked)
        self.app.push_screen(
            ConfirmModal(question, part1_msg.ABANDON_YES, part1_msg.ABANDON_NO), leave
        )
