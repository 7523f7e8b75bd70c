"""금융인증서 발급/재발급: customer, terms, 본인인증, PIN twice, issued into the cloud."""

from __future__ import annotations

from mgcert.center import CustomerCheck, FinancialResult, IssueMode
from mgcert.errors import MgcertError
from mgcert.messages import financial as fin_msg
from mgcert.messages import tui_flows as msg
from mgcert.messages.terms import FINANCIAL_CERTIFICATE_TERMS
from mgcert.npki.profile import CertificateKind
from mgcert.tui.screens.financial.done_pane import FinancialDonePane
from mgcert.tui.screens.financial.pin_step import PinStep
from mgcert.tui.screens.issuance.customer_step import CustomerStep
from mgcert.tui.screens.issuance.terms_step import TermsStep
from mgcert.tui.screens.steps.flow_screen import FlowScreen, LeaveFlow
from mgcert.tui.screens.steps.identity import prove_identity
from mgcert.tui.screens.steps.result_pane import field_table
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.certificate_table import kst_day


def financial_rows(result: FinancialResult) -> list[tuple[str, str]]:
    values = (
        result.name,
        CertificateKind.FINANCIAL.label,
        f"~ {kst_day(result.not_after)}",
        result.serial_hex,
        fin_msg.FIN_DONE_STORAGE,
    )
    return list(zip(fin_msg.FIN_DONE_FIELDS, values, strict=True))


class FinancialScreen(FlowScreen):
    """The center's FinancialFlow holds the progress; it decides 발급 or 재발급."""

    HELP_TOPIC = "financial"
    FLOW_TITLE = fin_msg.FIN_TITLE
    STAGES = msg.FIN_STAGES

    def __init__(self, session: TuiSession) -> None:
        self.flow = session.center.start_financial()
        super().__init__(session, id="financial")

    async def run(self) -> None:
        self.stage(1)
        check = await self.ask(CustomerStep(self.flow))
        if not isinstance(check, CustomerCheck):
            raise LeaveFlow  # a parked 공동인증서 job is not this flow's business
        self._identified(check)
        self.stage(2)
        await self.ask(TermsStep(self.flow, FINANCIAL_CERTIFICATE_TERMS))
        self.stage(3)
        await prove_identity(self, self.flow)
        self.stage(4)
        typed = await self.ask(PinStep())
        try:
            result = await self.work(
                lambda report: self.flow.issue(typed.pin, typed.confirm, progress=report)
            )
        except MgcertError as error:
            text = error_text(error)
            self.retry(PinStep, lambda pane: pane.fail(text))
        self.stage(5)
        notes = []
        if result.replaced_serial_hex:
            notes.append(fin_msg.FIN_DONE_REPLACED.format(serial=result.replaced_serial_hex))
        heading = fin_msg.FIN_DONE_REISSUE if result.mode is IssueMode.REISSUE else fin_msg.FIN_DONE
        table = field_table(financial_rows(result))
        await self.ask(
            FinancialDonePane(self.session.center, check.customer_id, heading, table, notes)
        )

    def _identified(self, check: CustomerCheck) -> None:
        self.session.customer_id = check.customer_id
        if check.mode is IssueMode.REISSUE:
            self.show_notice(
                fin_msg.FIN_NOTICE_REISSUE.format(reason=check.mode_reason), warning=True
            )
        else:
            self.show_notice(fin_msg.FIN_NOTICE_NEW.format(name=check.name))
