"""Finishing a certificate job once its files are on a medium (or in the cloud).

After the files are written: remove the replaced folder (갱신), register the new
certificate at the bank, retire the previous one (revoke as superseded, unregister),
mark the job done. The plan (:class:`Completion`) is plain data kept in the journal and
with a parked certificate, so a later process (the next open, ``mgcert recover``, a
restarted TUI) can finish what an interrupted one began.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from mgcert.center import recovery
from mgcert.center.context import CenterContext
from mgcert.center.crash_points import crash_point
from mgcert.center.errors import NothingToSave
from mgcert.center.jobs import (
    CertificateJob,
    Progress,
    hold,
    medium_to_json,
    report,
    write_pair,
)
from mgcert.center.journal import JobState
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


def finish_job(
    ctx: CenterContext,
    held: CertificateJob,
    files: ParkedCertificate,
    folder: Path,
    location: MediumLocation,
    *,
    recovered_from: Path | None,
    progress: Progress | None,
) -> IssuanceResult:
    """After the write: drop the replaced folder (갱신), register, retire, mark done.

    Each step may already have been done by a killed process: all are idempotent.
    """
    plan = Completion.from_json(files.completion)
    replaced = plan.replaced_folder
    if replaced is not None and replaced.resolve() != folder.resolve():
        # The old files are superseded; a medium that refuses the delete keeps a revoked,
        # harmless copy.
        with contextlib.suppress(MgcertError, OSError):
            storage.delete_certificate(storage.load_certificate(replaced))
    register_once(ctx, plan.customer_id, files.serial, plan.kind, plan.account_number, held.id)
    crash_point("registered")
    retire(ctx, plan.previous)
    crash_point("retired")
    removed = replaced
    if plan.mode is IssueMode.REISSUE and plan.previous is not None:
        # Now revoked: take it off the medium the new one went to, as 갱신 does, so a
        # consumer looking for "the 김민준 certificate" finds the valid one.
        removed = remove_old_copy(location, plan.previous.serial, keep=folder)
    held.done()
    report(progress, IssueStage.DONE)
    result = issuance_result(ctx, plan, files, folder, location, recovered_from)
    return replace(result, removed_folder=removed)


def remove_old_copy(location: MediumLocation, serial: int, *, keep: Path) -> Path | None:
    """Delete the certificate ``serial`` from ``location`` (not ``keep``); its folder, or
    ``None`` when it is not there (a retry after a kill, or it lives elsewhere)."""
    with contextlib.suppress(OSError):
        for stored in storage.discover(location.root).certificates:
            if stored.certificate.serial_number == serial and stored.folder != keep:
                with contextlib.suppress(MgcertError, OSError):
                    storage.delete_certificate(stored)
                    return stored.folder
    return None


def issuance_result(
    ctx: CenterContext,
    plan: Completion,
    files: ParkedCertificate,
    folder: Path,
    location: MediumLocation,
    recovered_from: Path | None,
) -> IssuanceResult:
    """What the completion screen and ``--json`` show."""
    certificate = x509.load_der_x509_certificate(files.cert_der)
    fee = plan.fee_won or None
    # Read after the job's debit: what the account holds now, not the step-1 figure.
    balance = (
        ctx.bank.balance(plan.account_number) if fee and plan.account_number is not None else None
    )
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
        fee_won=fee,
        balance_after_won=balance,
        replaced_serial_hex=format(plan.previous.serial, "x") if plan.previous else None,
    )


def finish_financial(ctx: CenterContext, held: CertificateJob, cert_der: bytes) -> None:
    """금융인증서: put the certificate beside its pending key in the cloud, register,
    retire the previous one, mark done (each step idempotent)."""
    plan = Completion.from_json(held.plan["completion"])
    certificate = x509.load_der_x509_certificate(cert_der)
    ctx.bank.cloud_commit(
        held.id,
        cert_der,
        serial=certificate.serial_number,
        not_after=certificate.not_valid_after_utc,
    )
    crash_point("written")
    register_once(
        ctx, plan.customer_id, certificate.serial_number, plan.kind, plan.account_number, held.id
    )
    crash_point("registered")
    retire(ctx, plan.previous)
    crash_point("retired")
    held.done()


def register_once(
    ctx: CenterContext,
    customer_id: int,
    serial: int,
    kind: CertificateKind,
    account_number: str | None,
    job_id: str,
) -> None:
    """Register the new certificate at the bank (again: nothing happens)."""
    ctx.bank.register_certificate(
        customer_id,
        ctx.mg_ca.profile.org,
        serial,
        kind,
        origin="mg",
        account_number=account_number,
        job_id=job_id,
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
    if parked.job_id is None:
        return _save_legacy(ctx, parked_folder, parked, location, progress)
    job = ctx.journal.get(parked.job_id)
    if job is None or job.state is not JobState.PARKED:
        raise NothingToSave
    held = hold(ctx, job)  # re-reads the job under its lock: NothingToSave if saved meanwhile
    with held:
        parked = recovery.load(parked_folder)
        # The job now belongs to this medium: a kill from here on finishes it there.
        plan = dict(held.plan)
        plan["medium"] = medium_to_json(location)
        ctx.journal.advance(job.id, JobState.ISSUED, plan=plan)
        held.mark_active()
        report(progress, IssueStage.WRITING)
        try:
            folder = write_pair(location, parked)
        except (OSError, MgcertError):
            # This medium failed too: the job waits, parked, for yet another one.
            ctx.journal.advance(job.id, JobState.PARKED, plan=held.plan)
            held.mark_parked()
            raise
        return finish_job(
            ctx, held, parked, folder, location, recovered_from=parked_folder, progress=progress
        )


def _save_legacy(
    ctx: CenterContext,
    parked_folder: Path,
    parked: ParkedCertificate,
    location: MediumLocation,
    progress: Progress | None,
) -> IssuanceResult:
    """A folder parked by mgcert before the journal (named by serial, no job)."""
    report(progress, IssueStage.WRITING)
    folder = write_pair(location, parked)
    plan = Completion.from_json(parked.completion)
    ctx.bank.register_certificate(
        plan.customer_id,
        ctx.mg_ca.profile.org,
        parked.serial,
        plan.kind,
        origin="mg",
        account_number=plan.account_number,
    )
    retire(ctx, plan.previous)
    recovery.discard(parked_folder)
    report(progress, IssueStage.DONE)
    return issuance_result(ctx, plan, parked, folder, location, parked_folder)


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
