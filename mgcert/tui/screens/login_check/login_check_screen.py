"""인증서 로그인 확인: pick, sign with the password, and show each of the bank's checks."""

from __future__ import annotations

from typing import ClassVar

from rich import box
from rich.style import Style
from rich.table import Table
from rich.text import Text

from mgcert.center import LoginReport
from mgcert.messages import login_check as login_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.picker.password_prompt import PasswordPrompt
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.result_pane import ResultPane
from mgcert.tui.screens.steps.step import error_text
from mgcert.tui.session import TuiSession


def checks_table(report: LoginReport, passed_style: Style, failed_style: Style) -> Table:
    """검사 · 결과 · 내용, one row per check, in the order the bank runs them."""
    table = Table(box=box.ROUNDED, expand=True)
    for column in login_msg.LOGIN_COLUMNS:
        table.add_column(column, no_wrap=column != login_msg.LOGIN_COLUMNS[-1])
    for check in report.checks:
        verdict = (
            Text(login_msg.LOGIN_PASS, style=passed_style)
            if check.passed
            else Text(login_msg.LOGIN_FAIL, style=failed_style)
        )
        table.add_row(check.name, verdict, check.detail)
    return table


class LoginCheckScreen(FlowScreen):
    """Pick → password (signs a challenge) → the report."""

    HELP_TOPIC = "login"
    FLOW_TITLE = login_msg.LOGIN_TITLE
    STAGES = msg.LOGIN_STAGES
    # Pass/fail colours come from the theme (flows.tcss), not from Rich colour names.
    COMPONENT_CLASSES: ClassVar[set[str]] = {"login-check--passed", "login-check--failed"}

    def __init__(self, session: TuiSession) -> None:
        super().__init__(session, id="login-check")

    async def run(self) -> None:
        center = self.session.center
        self.stage(1)
        entry = await self.ask(
            CertificatePicker(
                center, heading=login_msg.LOGIN_TITLE, intro=login_msg.LOGIN_PICK_INTRO
            )
        )
        outcome = await self.ask_screen(
            PasswordPrompt(self.session, entry, login_msg.LOGIN_PURPOSE, center.login_check)
        )
        if outcome.error is not None:
            text = error_text(outcome.error)
            self.retry(CertificatePicker, lambda pane: pane.show_error(text))
        report = outcome.value
        assert report is not None
        table = checks_table(
            report,
            self.get_component_rich_style("login-check--passed", partial=True),
            self.get_component_rich_style("login-check--failed", partial=True),
        )
        heading = login_msg.LOGIN_OK_HEADING if report.ok else login_msg.LOGIN_FAIL_HEADING
        pane = ResultPane("login-done", heading, table, [report.summary])
        pane.set_class(not report.ok, "-failed")
        self.stage(2)
        await self.ask(pane)
