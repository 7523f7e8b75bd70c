"""Issued but not saved: the notice on the medium pane and saving the parked certificate.

When the CA has issued but the chosen medium refused the files, the center parks the
encrypted files in the recovery folder (``IssuedButNotSaved``). Both 발급 and 갱신 then
send the user back to the medium choice; the chosen medium gets the parked files through
the flow's ``save_to`` — never a second issuance, never the password again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from textual.widgets import Static

from mgcert.center import IssuanceResult, IssueStage, MediumLocation
from mgcert.errors import MgcertError
from mgcert.messages import issuance as issue_msg


class HoldsParkedCertificate(Protocol):
    """What IssuanceFlow and RenewalFlow both offer after ``IssuedButNotSaved``."""

    @property
    def pending_recovery(self) -> Path | None: ...

    def save_to(
        self, location: MediumLocation, progress: Callable[[IssueStage], None] | None = None
    ) -> IssuanceResult: ...


class ParkedSaveFailed(MgcertError):
    """The other medium refused the parked files too (an OS error, not the center's)."""

    def __init__(self, parked: Path | None) -> None:
        super().__init__(issue_msg.RECOVERY_SAVE_FAILED.format(path=parked))


def save_parked(
    flow: HoldsParkedCertificate,
    location: MediumLocation,
    progress: Callable[[IssueStage], None] | None,
) -> IssuanceResult:
    """``flow.save_to``, with a raw OS error turned into a sentence the screen can show.

    The parked files stay where they are on any failure, so the user can try again.
    """
    try:
        return flow.save_to(location, progress)
    except OSError as error:
        raise ParkedSaveFailed(flow.pending_recovery) from error


class RecoveryNotice(Static):
    """Says the certificate WAS issued and where it is kept; hidden otherwise."""

    DEFAULT_CSS = """
    RecoveryNotice {
        width: 1fr;
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        border-left: thick $warning;
        background: $warning 15%;
        color: $text;
        display: none;
    }
    RecoveryNotice.-shown {
        display: block;
    }
    """

    def __init__(self, *, id: str = "recovery-notice") -> None:
        super().__init__("", id=id, markup=False)  # a folder name may contain "["

    def show_parked(self, parked: Path | None) -> None:
        text = (
            ""
            if parked is None
            else issue_msg.RECOVERY_NOTICE.format(
                path=parked, button=issue_msg.RECOVERY_SAVE_BUTTON
            )
        )
        self.update(text)
        self.set_class(parked is not None, "-shown")

    @property
    def text(self) -> str:
        return str(self.content)
