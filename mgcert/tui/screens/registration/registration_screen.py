"""타기관 인증서 등록/해제: pick, password, 주민등록번호 (VID), account, identity, register."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widget import Widget

from mgcert.center import CertificateEntry, OwnerCheck, RegistrationResult
from mgcert.errors import MgcertError
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.issuance.step import error_text
from mgcert.tui.screens.picker.password_prompt import PromptOutcome
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.registration.account_step import AccountStep
from mgcert.tui.screens.registration.other_certificate_modal import OtherCertificateModal
from mgcert.tui.screens.registration.owner_step import OwnerStep
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.identity import FIRST_IDENTITY_PANE, identity_panes
from mgcert.tui.screens.steps.result_pane import ResultPane, field_table
from mgcert.tui.session import TuiSession
from mgcert.tui.widgets.certificate_table import kst_day


def registration_rows(result: RegistrationResult) -> list[tuple[str, str]]:
    values = (
        result.name,
        result.issuer_org,
        result.kind.label,
        result.serial_hex,
        kst_day(result.not_after),
    )
    return list(zip(msg.REG_DONE_FIELDS, values, strict=True))


class RegistrationScreen(FlowScreen):
    """The center's RegistrationFlow holds the progress."""

    HELP_TOPIC = "registration"
    FLOW_TITLE = msg.REG_TITLE
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "make_other", msg.KEY_MAKE_OTHER, id="registration.make_other"),
        Binding("u", "unregister", msg.KEY_UNREGISTER, id="registration.unregister"),
    ]

    def __init__(self, session: TuiSession) -> None:
        self.flow = session.center.start_registration()
        super().__init__(session, id="registration")

    def panes(self) -> Iterable[Widget]:
        yield CertificatePicker(
            self.session.center, heading=msg.REG_TITLE, intro=msg.REG_PICK_INTRO
        )
        yield OwnerStep(self.flow)
        yield AccountStep(self.flow)
        yield from identity_panes(self.flow)
        yield ResultPane("registration-done")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("make_other", "unregister"):
            return self.current_pane_id == "pick"
        return super().check_action(action, parameters)

    # ------------------------------------------------------------------ 등록

    def certificate_chosen(self, entry: CertificateEntry) -> None:
        self.ask_password(entry, msg.REG_PURPOSE, self.flow.select, self.selected)

    def selected(self, outcome: PromptOutcome[CertificateEntry]) -> None:
        if outcome.error is not None:
            self.query_one(CertificatePicker).show_error(error_text(outcome.error))
            return
        self.show_pane("owner")

    def step_finished(self, pane_id: str, outcome: object) -> None:
        if pane_id == "owner" and isinstance(outcome, OwnerCheck):
            self.session.customer_id = outcome.customer_id
            self.query_one(AccountStep).for_owner(outcome.name)
            self.show_pane("account-pane")
        elif pane_id == "account-pane":
            self.show_pane(FIRST_IDENTITY_PANE)

    def identity_done(self) -> None:
        try:
            result = self.flow.register()
        except MgcertError as error:
            self.notify(error_text(error), severity="error")
            return
        self.query_one(ResultPane).show(
            msg.REG_DONE, field_table(registration_rows(result)), [msg.REG_DONE_NOTE]
        )
        self.show_pane("done")

    # ------------------------------------------------------------------ 시뮬레이터, 해제

    def action_make_other(self) -> None:
        def made(entry: CertificateEntry | None) -> None:
            if entry is not None:
                picker = self.query_one(CertificatePicker)
                picker.reload()
                self.notify(msg.REG_OTHER_MADE.format(name=entry.name, medium=entry.location.label))

        center = self.session.center
        self.app.push_screen(OtherCertificateModal(center, self.session.customer_id), made)

    def action_unregister(self) -> None:
        picker = self.query_one(CertificatePicker)
        entry = picker.table.entry_at_cursor()
        if entry is None:
            picker.show_error(msg.PICKER_NOT_CHOSEN)
            return

        def unregistered(outcome: PromptOutcome[None]) -> None:
            picker.reload()
            if outcome.error is not None:
                picker.show_error(error_text(outcome.error))
                return
            self.show_notice(msg.REG_UNREGISTERED.format(name=entry.name))

        center = self.session.center
        self.ask_password(entry, msg.REG_UNREGISTER_PURPOSE, center.unregister, unregistered)
