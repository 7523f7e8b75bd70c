"""타기관 인증서 등록/해제: pick, password, 주민등록번호 (VID), account, 본인인증, register."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from mgcert.center import CertificateEntry, RegistrationResult
from mgcert.errors import MgcertError
from mgcert.messages import registration as reg_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.picker.password_prompt import PasswordPrompt, PromptOutcome
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.registration.account_step import AccountStep
from mgcert.tui.screens.registration.other_certificate_modal import OtherCertificateModal
from mgcert.tui.screens.registration.owner_step import OwnerStep
from mgcert.tui.screens.steps.flow_screen import FlowScreen
from mgcert.tui.screens.steps.identity import prove_identity
from mgcert.tui.screens.steps.result_pane import ResultPane, field_table
from mgcert.tui.screens.steps.step import error_text
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
    return list(zip(reg_msg.REG_DONE_FIELDS, values, strict=True))


class RegistrationScreen(FlowScreen):
    """The center's RegistrationFlow holds the progress."""

    HELP_TOPIC = "registration"
    FLOW_TITLE = reg_msg.REG_TITLE
    STAGES = msg.REG_STAGES
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "make_other", msg.KEY_MAKE_OTHER, id="registration.make_other"),
        Binding("u", "unregister", msg.KEY_UNREGISTER, id="registration.unregister"),
    ]

    def __init__(self, session: TuiSession) -> None:
        self.flow = session.center.start_registration()
        super().__init__(session, id="registration")

    async def run(self) -> None:
        self.stage(1)
        entry = await self.ask(
            CertificatePicker(
                self.session.center, heading=reg_msg.REG_TITLE, intro=reg_msg.REG_PICK_INTRO
            )
        )
        outcome = await self.ask_screen(
            PasswordPrompt(self.session, entry, reg_msg.REG_PURPOSE, self.flow.select)
        )
        if outcome.error is not None:
            text = error_text(outcome.error)
            self.retry(CertificatePicker, lambda pane: pane.show_error(text))
        self.stage(2)
        owner = await self.ask(OwnerStep(self.flow))
        self.session.customer_id = owner.customer_id
        await self.ask(AccountStep(self.flow, owner.name))
        self.stage(3)
        await prove_identity(self, self.flow)
        try:
            result = await self.commit(self.flow.register)
        except MgcertError as error:
            self.notify(error_text(error), severity="error")
            self.back_or_leave()
        self.stage(4)
        table = field_table(registration_rows(result))
        await self.ask(
            ResultPane("registration-done", reg_msg.REG_DONE, table, [reg_msg.REG_DONE_NOTE])
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("make_other", "unregister"):
            return isinstance(self.current_step, CertificatePicker)
        return super().check_action(action, parameters)

    # ------------------------------------------------------------------ 시뮬레이터, 해제

    def action_make_other(self) -> None:
        def made(entry: CertificateEntry | None) -> None:
            if entry is not None:
                self.query_one(CertificatePicker).reload()
                self.notify(
                    reg_msg.REG_OTHER_MADE.format(name=entry.name, medium=entry.location.label)
                )

        center = self.session.center
        self.app.push_screen(OtherCertificateModal(center, self.session.customer_id), made)

    def action_unregister(self) -> None:
        picker = self.query_one(CertificatePicker)
        entry = picker.table.entry_at_cursor()
        if entry is None:
            picker.show_error(msg.PICKER_NOT_CHOSEN)
            return

        def unregistered(outcome: PromptOutcome[None] | None) -> None:
            if outcome is None:
                return
            picker.reload()
            if outcome.error is not None:
                picker.show_error(error_text(outcome.error))
                return
            self.show_notice(reg_msg.REG_UNREGISTERED.format(name=entry.name))

        prompt = PasswordPrompt(
            self.session, entry, reg_msg.REG_UNREGISTER_PURPOSE, self.session.center.unregister
        )
        self.app.push_screen(prompt, unregistered)
