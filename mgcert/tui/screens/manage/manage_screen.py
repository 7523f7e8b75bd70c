"""인증서 관리: the picker plus one key per operation (상세보기, 암호 변경, 복사, 삭제, 폐기,
PFX 내보내기, PFX 가져오기).

Not a flow but a list to act on: each operation is its own short coroutine (a worker
awaiting its dialogs top to bottom), and the list is re-read after each one.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Label

from mgcert.center import CertificateEntry
from mgcert.center.pfx import PfxExport
from mgcert.errors import MgcertError
from mgcert.messages import manage as manage_msg
from mgcert.messages import npki as npki_msg
from mgcert.messages import tui_flows as msg
from mgcert.tui.screens.base import MgcertScreen
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.manage.change_password_modal import ChangePasswordModal
from mgcert.tui.screens.manage.copy_modal import CopyModal
from mgcert.tui.screens.manage.details_modal import DetailsModal
from mgcert.tui.screens.manage.pfx_export_modal import PfxExportModal
from mgcert.tui.screens.manage.pfx_import_modal import PfxImportModal
from mgcert.tui.screens.picker.password_prompt import PasswordPrompt
from mgcert.tui.screens.picker.picker import CertificatePicker
from mgcert.tui.screens.steps.step import Step, error_text
from mgcert.tui.session import TuiSession
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.certificate_table import expiry_text
from mgcert.tui.widgets.key_footer import KeyFooter


class ManageScreen(MgcertScreen[None]):
    """Every operation asks the center; the list is re-read after each one."""

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "manage"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", msg.KEY_BACK, id="manage.back"),
        Binding("v", "details", msg.KEY_DETAILS, id="manage.details"),
        Binding("p", "change_password", msg.KEY_CHANGE_PASSWORD, id="manage.password"),
        Binding("c", "copy", msg.KEY_COPY, id="manage.copy"),
        Binding("d", "delete", msg.KEY_DELETE, id="manage.delete"),
        Binding("x", "revoke", msg.KEY_REVOKE, id="manage.revoke"),
        # Not in the footer (it would push out f1/f2 at 100 columns): the intro line
        # above the list names these two keys.
        Binding("e", "pfx_export", manage_msg.KEY_PFX_EXPORT, show=False, id="manage.pfx_export"),
        Binding("i", "pfx_import", manage_msg.KEY_PFX_IMPORT, show=False, id="manage.pfx_import"),
    ]

    def __init__(self, session: TuiSession) -> None:
        super().__init__(id="manage")
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("", id="flow-notice")
        yield CertificatePicker(
            self.session.center,
            heading=manage_msg.MANAGE_TITLE,
            intro=manage_msg.MANAGE_INTRO_WITH_PFX,
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = manage_msg.MANAGE_TITLE
        self.query_one("#flow-notice", Label).add_class("-empty")
        self.call_after_refresh(self.picker.enter)

    def show_notice(self, text: str) -> None:
        notice = self.query_one("#flow-notice", Label)
        notice.update(text)
        notice.set_class(not text, "-empty")

    def action_leave(self) -> None:
        self.dismiss(None)

    @property
    def picker(self) -> CertificatePicker:
        return self.query_one(CertificatePicker)

    def chosen(self) -> CertificateEntry | None:
        entry = self.picker.table.entry_at_cursor()
        if entry is None:
            self.notify(msg.PICKER_NOT_CHOSEN, severity="warning")
        return entry

    def done(self, text: str) -> None:
        self.picker.reload()
        self.show_notice(text)
        self.notify(text)

    def refused(self, error: MgcertError) -> None:
        self.picker.reload()
        self.notify(error_text(error), severity="error")

    # ------------------------------------------------------------------ 상세보기

    @on(Step.Answered)
    def _row_chosen(self, event: Step.Answered) -> None:
        event.stop()
        if isinstance(event.value, CertificateEntry):
            self.certificate_chosen(event.value)

    def certificate_chosen(self, entry: CertificateEntry) -> None:
        try:
            details = self.session.center.details(entry)
        except MgcertError as error:
            self.refused(error)
            return
        self.app.push_screen(DetailsModal(details))

    def action_details(self) -> None:
        entry = self.chosen()
        if entry is not None:
            self.certificate_chosen(entry)

    # ------------------------------------------------------------------ 암호 변경, 복사

    def action_change_password(self) -> None:
        entry = self.chosen()
        if entry is None:
            return

        def changed(ok: bool | None) -> None:
            if ok:
                self.done(manage_msg.CHANGED)

        self.app.push_screen(ChangePasswordModal(self.session.center, entry), changed)

    def action_copy(self) -> None:
        entry = self.chosen()
        if entry is None:
            return

        def copied(copy: CertificateEntry | None) -> None:
            if copy is not None:
                self.session.remember_medium(copy.location)
                self.done(
                    manage_msg.COPIED.format(medium=copy.location.label, folder=copy.stored.folder)
                )
                # The list re-sorts: the cursor follows the certificate just copied.
                self.picker.table.select(copy.stored.folder)

        modal = CopyModal(self.session.center, entry, self.session.removable_root)
        self.app.push_screen(modal, copied)

    # ------------------------------------------------------------------ 삭제, 폐기

    def action_delete(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        question = manage_msg.DELETE_QUESTION.format(
            medium=entry.location.label, name=entry.name, expiry=expiry_text(entry)
        )

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                self.session.center.delete_certificate(entry)
            except MgcertError as error:
                self.refused(error)
                return
            self.done(manage_msg.DELETED)

        self.app.push_screen(
            ConfirmModal(question, manage_msg.DELETE_YES, manage_msg.KEEP), answered
        )

    @work(exclusive=True, group="manage")
    async def action_revoke(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        refusal = self.session.center.revocation_refusal(entry)
        if refusal is not None:  # said before the confirmation and the password
            self.refused(refusal)
            return
        question = manage_msg.REVOKE_QUESTION.format(name=entry.name, serial=entry.serial_hex)
        if not await self.app.push_screen_wait(
            ConfirmModal(question, manage_msg.REVOKE_YES, manage_msg.KEEP)
        ):
            return
        center = self.session.center
        outcome = await self.app.push_screen_wait(
            PasswordPrompt(
                self.session, entry, manage_msg.REVOKE_PURPOSE, center.revoke_certificate
            )
        )
        if outcome is None:
            return
        if outcome.error is not None:
            self.refused(outcome.error)
            return
        result = outcome.value
        assert result is not None
        text = manage_msg.REVOKED if result.crl_lists_serial else manage_msg.REVOKED_NOT_LISTED
        self.done(text.format(serial=result.serial_hex))

    # ------------------------------------------------------------------ PFX

    def action_pfx_export(self) -> None:
        entry = self.chosen()
        if entry is None:
            return

        def exported(result: PfxExport | None) -> None:
            if result is not None:
                self.done(npki_msg.PFX_EXPORTED.format(path=result.path))

        # The file is offered in the home folder, where people look for it.
        modal = PfxExportModal(self.session.center, entry, Path.home())
        self.app.push_screen(modal, exported)

    def action_pfx_import(self) -> None:
        def imported(entry: CertificateEntry | None) -> None:
            if entry is not None:
                self.done(
                    npki_msg.PFX_IMPORTED.format(
                        medium=entry.location.label, folder=entry.stored.folder
                    )
                )

        self.app.push_screen(PfxImportModal(self.session.center), imported)
