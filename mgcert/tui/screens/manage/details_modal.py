"""인증서 상세보기: every field, the folder and files, the SHA-256 fingerprint."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from mgcert.center import CertificateDetails
from mgcert.messages import manage as manage_msg
from mgcert.tui.screens.base import MgcertModal
from mgcert.tui.screens.steps.result_pane import field_table
from mgcert.tui.stylesheets import FLOW_SCREEN_CSS
from mgcert.tui.widgets.certificate_table import kst_day


def detail_rows(details: CertificateDetails) -> list[tuple[str, str]]:
    values = (
        details.name,
        details.common_name,
        details.subject,
        details.issuer,
        details.issuer_org,
        details.kind_label,
        details.policy_oid or "-",
        f"{details.serial_hex} ({details.serial})",
        f"{kst_day(details.not_before)} ~ {kst_day(details.not_after)}",
        details.status_text,
        manage_msg.YES if details.registered else manage_msg.NO,
        details.medium_label,
        str(details.folder),
        str(details.cert_path),
        str(details.key_path),
        details.sha256_fingerprint,
        details.signature_algorithm,
        manage_msg.RSA_BITS.format(bits=details.public_key_bits),
        manage_msg.YES if details.vid_present else manage_msg.NO,
    )
    return list(zip(manage_msg.DETAILS_FIELDS, values, strict=True))


class DetailsModal(MgcertModal[None]):
    """Read-only; Esc or 닫기 closes."""

    CSS_PATH = FLOW_SCREEN_CSS
    HELP_TOPIC = "details"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", manage_msg.CLOSE, id="details.close")
    ]

    def __init__(self, details: CertificateDetails) -> None:
        super().__init__(id="details")
        self.details = details

    def compose(self) -> ComposeResult:
        with Vertical(id="details-box", classes="dialog"):
            yield Label(manage_msg.DETAILS_HEADING, classes="heading")
            with VerticalScroll(id="details-body"):
                yield Static(field_table(detail_rows(self.details)), id="details-table")
            yield Button(manage_msg.CLOSE, id="details-close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#details-body").focus()

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
