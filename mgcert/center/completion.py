"""Finishing an issuance once its files are on a medium, now or after a recovery.

After the files are written: remove the replaced folder (갱신), register the new
certificate at the bank, and retire the previous one (revoke as superseded, unregister).
The plan is plain data stored with a parked certificate, so a later process (the CLI's
``recover`` command, a restarted TUI) can finish what a failed write interrupted.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from mgcert.center import recovery
from mgcert.center.context import CenterContext
from mgcert.center.errors import NothingToSave
from mgcert.center.issuing import Progress, report, write_parked
from mgcert.center.media import check_medium
from mgcert.center.models import IssuanceResult, IssueMode, IssueStage, MediumLocation
from mgcert.center.previous import PreviousCertificate, retire
from mgcert.center.recovery import ParkedCertificate
from mgcert.errors import MgcertError
from mgcert.npki import storage
from mgcert.npki.profile import CertificateKind


@dataclass(frozen=True)
class Completion:
    """Everything needed to finish an MG 공동인증서 issuance after the write."""

    customer_id: int
    name: str
    kind: CertificateKind
    mode: IssueMode
    account_number: str | None
    fee_won: int
    previous: PreviousCertificate | None
    replaced_folder: Path | None = None  # 갱신: the old certificate's folder

    def to_json(self) -> dict[str, Any]:
        previous = self.previous
        return {
            "customer_id": self.customer_id,
            "name": self.name,
            "kind": self.kind.value,
            "mode": self.mode.value,
            "account_number": self.account_number,
            "fee_won": self.fee_won,
            "previous": None
            if previous is None
            else {
                "serial": previous.serial,
                "not_after": previous.not_after.isoformat(),
                "still_valid": previous.still_valid,
            },
            "replaced_folder": str(self.replaced_folder) if self.replaced_folder else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Completion:
        raw = data.get("previous")
        previous = (
            None
            if raw is None
            else PreviousCertificate(
                serial=int(raw["serial"]),
                not_after=datetime.fromisoformat(raw["not_after"]),
                still_valid=bool(raw["still_valid"]),
            )
        )
        folder = data.get("replaced_folder")
        return cls(
            customer_id=int(data["customer_id"]),
            name=str(data["name"]),
            kind=CertificateKind(data["kind"]),
            mode=IssueMode(data["mode"]),
            account_number=data.get("account_number"),
            fee_won=int(data["fee_won"]),
            previous=previous,
            replaced_folder=Path(folder) if folder else None,
        )


def complete(
    ctx: CenterContext,
    files: ParkedCertificate,
    folder: Path,
    location: MediumLocation,
    plan: Completion,
    recovered_from: Path | None,
    progress: Progress | None,
) -> IssuanceResult:
    """Register the new certificate, retire the old one, and describe the result."""
    replaced = plan.replaced_folder
    if replaced is not None and replaced.resolve() != folder.resolve():
        # The old files are superseded; a medium that refuses the delete keeps a revoked,
        # harmless copy.
        with contextlib.suppress(MgcertError, OSError):
            storage.delete_certificate(storage.load_certificate(replaced))
    ctx.bank.register_certificate(
        plan.customer_id,
        ctx.mg_ca.profile.org,
        files.serial,
        plan.kind,
        origin="mg",
        account_number=plan.account_number,
    )
    retire(ctx, plan.previous)
    report(progress, IssueStage.DONE)
    certificate = x509.load_der_x509_certificate(files.cert_der)
    return IssuanceResult(
        name=plan.name,
        issuer=ctx.mg_ca.profile.issuing_cn,
        kind=plan.kind,
        purpose=plan.kind.label,
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        serial_hex=format(files.serial, "x"),
        medium_label=location.label,
        folder=folder,
        mode=plan.mode,
        recovered_to=recovered_from,
        fee_won=plan.fee_won,
        replaced_serial_hex=format(plan.previous.serial, "x") if plan.previous else None,
    )


def save_parked(
    ctx: CenterContext,
    parked_folder: Path,
    location: MediumLocation,
    progress: Progress | None = None,
) -> IssuanceResult:
    """Write a parked certificate to ``location`` and finish its issuance."""
    if not (parked_folder / recovery.META_FILE).is_file():
        raise NothingToSave
    parked = recovery.load(parked_folder)
    if not parked.completion:
        raise NothingToSave
    check_medium(location)
    report(progress, IssueStage.WRITING)
    folder = write_parked(location, parked)
    recovery.discard(parked_folder)
    plan = Completion.from_json(parked.completion)
    return complete(ctx, parked, folder, location, plan, parked_folder, progress)


class SavesParkedCertificate:
    """``save_to`` / ``pending_recovery`` for flows that may park an issued certificate.

    A flow sets ``_pending`` when :class:`IssuedButNotSaved` is raised; ``save_to``
    then writes that parked copy to another medium and finishes the issuance.
    """

    _ctx: CenterContext
    _pending: Path | None
    _result: IssuanceResult | None

    def save_to(self, location: MediumLocation, progress: Progress | None = None) -> IssuanceResult:
        """After :class:`IssuedButNotSaved`: write the parked copy to ``location``."""
        if self._pending is None or self._result is not None:
            raise NothingToSave
        self._result = save_parked(self._ctx, self._pending, location, progress)
        self._pending = None
        return self._result

    @property
    def pending_recovery(self) -> Path | None:
        """The recovery folder waiting for :meth:`save_to`, if a write failed."""
        return self._pending
