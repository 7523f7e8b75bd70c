"""금융인증서 발급/재발급: customer, terms, identity, PIN twice, issued into the cloud."""

from __future__ import annotations

from collections.abc import Iterable

from textual import work
from textual.widget import Widget

from mgcert.center import CustomerCheck, FinancialResult, IssueMode, IssueStage
from mgcert.errors import MgcertError
from mgcert.messages import tui_flows as msg
from mgcert.npki.profile import CertificateKind
from mgcert.tui.screens.financial.done_pane import FinancialDonePane
from mgcert.tui.screens.financial.pin_step import NewPin, PinStep
from mgcert.tui.screens.issuance.customer_step import CustomerStep
from mgcert.tui.screens.issuance.progress_step import ProgressStep
from mgcert.tui.screens.issuance.step import error_text
from mgcert.tui.screens.issuance.terms_step import TermsStep
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.identity import FIRST_IDENTITY_PANE, as_wizard_flow, identity_panes
from mgcert.tui.screens.steps.result_pane import field_table
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.certificate_table import kst_day


def financial_rows(result: FinancialResult) -> list[tuple[str, str]]:
    values = (
        result.name,
        CertificateKind.FINANCIAL.label,
        f"~ {kst_day(result.not_after)}",
        result.serial_hex,
        msg.FIN_DONE_STORAGE,
    )
    return list(zip(msg.FIN_DONE_FIELDS, values, strict=True))


class FinancialScreen(FlowScreen):
    """The center's FinancialFlow holds the progress; it decides 발급 or 재발급."""

    HELP_TOPIC = "financial"
    FLOW_TITLE = msg.FIN_TITLE
    FIRST_PANE = "customer"
    CALM_PANES = frozenset({"done"})

    def __init__(self, session: TuiSession) -> None:
        self.flow = session.center.start_financial()
        super().__init__(session, id="financial")

    def panes(self) -> Iterable[Widget]:
        shared = as_wizard_flow(self.flow)
        yield CustomerStep(shared, id="customer")
        yield TermsStep(shared, id="terms")
        yield from identity_panes(self.flow)
        yield PinStep()
        yield ProgressStep(shared, id="progress")
        yield FinancialDonePane(self.session.center)

    def action_abandon(self) -> None:
        customer = self.query_one(CustomerStep)
        if self.current_pane_id == "customer" and not customer.has_input():
            self.dismiss(None)
            return
        super().action_abandon()

    def step_finished(self, pane_id: str, outcome: object) -> None:
        if pane_id == "customer" and isinstance(outcome, CustomerCheck):
            self.session.customer_id = outcome.customer_id
            if outcome.mode is IssueMode.REISSUE:
                self.show_notice(
                    msg.FIN_NOTICE_REISSUE.format(reason=outcome.mode_reason), warning=True
                )
            else:
                self.show_notice(msg.FIN_NOTICE_NEW.format(name=outcome.name))
            self.show_pane("terms")
        elif pane_id == "terms":
            self.show_pane(FIRST_IDENTITY_PANE)
        elif pane_id == "pin" and isinstance(outcome, NewPin):
            self.show_pane("progress")
            self.issue(outcome)

    def identity_done(self) -> None:
        self.show_pane("pin")

    @work(thread=True, exclusive=True, exit_on_error=False, group="financial")
    def issue(self, typed: NewPin) -> FinancialResult:
        progress = self.query_one(ProgressStep)

        def report(stage: IssueStage) -> None:
            self.app.call_from_thread(progress.show_stage, stage)

        return self.flow.issue(typed.pin, typed.confirm, progress=report)

    def work_done(self, group: str, result: object) -> None:
        if group != "financial" or not isinstance(result, FinancialResult):
            return
        pane = self.query_one(FinancialDonePane)
        pane.customer_id = self.session.customer_id
        reissue = result.mode is IssueMode.REISSUE
        notes = []
        if result.replaced_serial_hex:
            notes.append(msg.FIN_DONE_REPLACED.format(serial=result.replaced_serial_hex))
        pane.show(
            msg.FIN_DONE_REISSUE if reissue else msg.FIN_DONE,
            field_table(financial_rows(result)),
            notes,
        )
        self.show_pane("done")

    def work_failed(self, group: str, error: MgcertError) -> None:
        self.show_pane("pin")
        self.query_one(PinStep).refuse(error_text(error))
