"""Running a certificate job step by step, and rolling unfinished ones forward or back.

The order keeps one invariant: **an issued certificate always has its encrypted key
durably somewhere**. For a 공동인증서:

1. record the job (``planned``), 2. debit the fee (ledger row carries the job id),
3. make the key pair, encrypt ``signPri.key`` under the holder's password and park it
in ``<home>/recovery/<job id>/``, 4. the CA issues (its record carries the job id) →
``issued``, 5. write the pair to the medium (or park it: ``parked``), 6. register,
retire the previous certificate → ``done``, 7. remove the job's folder.

A 금융인증서 parks its key in the bank's pending cloud slot (step 3) and commits it with
the certificate (step 5). Every step is idempotent, so :func:`resume_jobs` (run on every
open of the center) can redo from the start whatever a killed process left: no
certificate at the CA → cancel and refund; a certificate → finish it, or park it when
its medium is gone.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.bank.errors import CloudJobNotParked, InsufficientBalance
from mgcert.ca import AlreadyRevoked, IssueRequest
from mgcert.center import recovery
from mgcert.center.context import CenterContext
from mgcert.center.crash_points import crash_point
from mgcert.center.errors import IssuedButNotSaved, JobInProgress, JobParked, NothingToSave
from mgcert.center.job_lock import JobLock
from mgcert.center.journal import Job, JobConflict, JobState
from mgcert.center.models import IssueStage, MediumLocation
from mgcert.center.recovery import ParkedCertificate
from mgcert.errors import MgcertError
from mgcert.messages import center as msg
from mgcert.npki import storage
from mgcert.npki.keyfile import new_random_num
from mgcert.npki.keys import generate_key_pair, make_csr
from mgcert.npki.names import folder_name
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import MediumKind
from mgcert.npki.vid import compute_vid

# An issued certificate whose key was lost before it reached a medium is withdrawn.
LOST_REASON = x509.ReasonFlags.privilege_withdrawn
KEY_FILE = "signPri.key"

Progress = Callable[[IssueStage], None]


def report(progress: Progress | None, stage: IssueStage) -> None:
    if progress is not None:
        progress(stage)


@dataclass(frozen=True)
class NewKey:
    """A key pair made on the client: the CSR and VID go to the CA, the key stays here."""

    private_key: rsa.RSAPrivateKey
    random_num: bytes
    csr_der: bytes
    vid: bytes


def new_key(rrn_digits: str, progress: Progress | None = None) -> NewKey:
    """Key pair, randomNum, CSR and VID for a new certificate."""
    report(progress, IssueStage.KEY_PAIR)
    key = generate_key_pair()
    report(progress, IssueStage.CSR)
    random_num = new_random_num()
    return NewKey(key, random_num, make_csr(key), compute_vid(rrn_digits, random_num))


def medium_to_json(location: MediumLocation) -> dict[str, Any]:
    return {
        "kind": location.kind.value,
        "root": str(location.root),
        "label": location.label,
        "create_root": location.create_root,
    }


def medium_from_json(data: dict[str, Any]) -> MediumLocation:
    return MediumLocation(
        kind=MediumKind(data["kind"]),
        root=Path(data["root"]),
        label=str(data["label"]),
        create_root=bool(data["create_root"]),
    )


def job_folder(ctx: CenterContext, job_id: str) -> Path:
    """Where a job parks its encrypted key (and, if its medium fails, the whole pair)."""
    return ctx.home.recovery_dir / job_id


def _lock_path(ctx: CenterContext, job_id: str) -> Path:
    return ctx.home.job_locks_dir / f"{job_id}.lock"


class CertificateJob:
    """One job held by this process (its lock taken); use as a context manager.

    Leaving the block with an exception cancels the job (refund) if the CA has issued
    nothing for it; otherwise the job stays in the journal for the next open to finish.
    """

    def __init__(self, ctx: CenterContext, job: Job, lock: JobLock) -> None:
        self._ctx = ctx
        self._job = job
        self._lock = lock
        self._state = job.state

    # --- beginning -----------------------------------------------------------------
    @classmethod
    def begin(
        cls,
        ctx: CenterContext,
        *,
        customer_id: int,
        name: str,
        kind: CertificateKind,
        plan: dict[str, Any],
    ) -> CertificateJob:
        """Record a new job, or refuse: another is running (:class:`JobInProgress`) or
        an issued certificate of this kind waits for a medium (:class:`JobParked`)."""
        for attempt in range(2):
            job_id = secrets.token_hex(16)
            lock = JobLock.try_acquire(_lock_path(ctx, job_id))
            assert lock is not None  # a fresh random id: nobody else has this file
            try:
                job = ctx.journal.begin(job_id, customer_id, kind, plan)
            except JobConflict as conflict:
                lock.release(remove=True)
                existing = conflict.existing
                if existing is not None and existing.state is JobState.PARKED:
                    raise JobParked(name, kind.label, job_folder(ctx, existing.id)) from None
                # The other job may belong to a process that died since we opened.
                if attempt == 0 and existing is not None and resume_job(ctx, existing):
                    continue
                raise JobInProgress(name, kind.label) from None
            except BaseException:
                lock.release(remove=True)
                raise
            crash_point("planned")
            return cls(ctx, job, lock)
        raise JobInProgress(name, kind.label)

    @property
    def id(self) -> str:
        return self._job.id

    @property
    def plan(self) -> dict[str, Any]:
        return self._job.plan

    @property
    def folder(self) -> Path:
        return job_folder(self._ctx, self.id)

    def __enter__(self) -> CertificateJob:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc is not None and self._state is JobState.PLANNED:
                self._cancel_unless_issued()
        finally:
            self._lock.release(remove=not self._state.active)

    def mark_active(self) -> None:
        """A parked job taken up again (its pair is being written elsewhere)."""
        self._state = JobState.ISSUED

    def mark_parked(self) -> None:
        """Back to waiting for a medium (the other one failed too)."""
        self._state = JobState.PARKED

    # --- the steps -----------------------------------------------------------------
    def charge_fee(self, account_number: str | None, fee_won: int, reason: str) -> None:
        """Debit the fee once for this job (a retry finds the first debit)."""
        if not fee_won or account_number is None:
            return
        balance = self._ctx.bank.balance(account_number)
        if fee_won > balance:
            raise InsufficientBalance(fee_won, balance)
        self._ctx.bank.charge_fee(account_number, fee_won, reason, job_id=self.id)
        crash_point("charged")

    def park_key(self, key_der: bytes) -> None:
        """Keep the encrypted ``signPri.key`` in the job's folder before the CA issues."""
        recovery.write_private_file(self.folder / KEY_FILE, key_der)
        crash_point("key_parked")

    def issue(self, key: NewKey, request: IssueRequest) -> x509.Certificate:
        """Have the MG CA issue for this job (twice = the same certificate)."""
        certificate = self._ctx.mg_ca.issue(key.csr_der, replace(request, job_id=self.id))
        crash_point("issued")
        self._ctx.journal.advance(self.id, JobState.ISSUED, serial=certificate.serial_number)
        self._state = JobState.ISSUED
        return certificate

    def files(self, certificate_der: bytes, completion: dict[str, Any]) -> ParkedCertificate:
        """The pair to write: the issued certificate and the parked key."""
        certificate = x509.load_der_x509_certificate(certificate_der)
        return ParkedCertificate(
            serial=certificate.serial_number,
            ca_org=self._ctx.mg_ca.profile.org,
            folder_name=folder_name(certificate.subject),
            cert_der=certificate_der,
            key_der=(self.folder / KEY_FILE).read_bytes(),
            completion=completion,
            job_id=self.id,
        )

    def store(self, location: MediumLocation, files: ParkedCertificate) -> Path:
        """Write the pair to ``location``; if that fails, park it and raise
        :class:`IssuedButNotSaved` (the job waits for another medium)."""
        try:
            folder = write_pair(location, files)
        except (OSError, MgcertError) as write_error:
            recovery.park_into(self.folder, files)
            self._ctx.journal.advance(self.id, JobState.PARKED)
            self._state = JobState.PARKED
            raise IssuedButNotSaved(self.folder, files.serial) from write_error
        crash_point("written")
        return folder

    def done(self) -> None:
        """Everything is in place: mark the job done and drop its folder."""
        self._ctx.journal.advance(self.id, JobState.DONE)
        self._state = JobState.DONE
        crash_point("done")
        shutil.rmtree(self.folder, ignore_errors=True)

    def cancel(self) -> None:
        """Nothing was issued: refund the fee, drop the parked key and the cloud slot."""
        self._ctx.bank.refund_job(self.id, msg.FEE_REFUND_REASON)
        if self._job.kind is CertificateKind.FINANCIAL:
            self._ctx.bank.cloud_discard(self.id)
        shutil.rmtree(self.folder, ignore_errors=True)
        self._ctx.journal.advance(self.id, JobState.CANCELLED)
        self._state = JobState.CANCELLED

    def withdraw(self, serial: int) -> None:
        """An issued certificate whose key is gone: revoke it, then cancel (refund)."""
        with contextlib.suppress(AlreadyRevoked):
            self._ctx.mg_ca.revoke(serial, LOST_REASON)
        self.cancel()

    def _cancel_unless_issued(self) -> None:
        with contextlib.suppress(MgcertError, OSError):
            record = self._ctx.mg_ca.record_for_job(self.id)
            if record is None:
                self.cancel()


def write_pair(location: MediumLocation, files: ParkedCertificate) -> Path:
    """Write a pair to ``location`` (a retried write of the same pair is a no-op)."""
    return storage.write_certificate(
        location.root,
        files.ca_org,
        files.folder_name,
        files.cert_der,
        files.key_der,
        create_root=location.create_root,
    )


def refuse_if_parked(
    ctx: CenterContext, customer_id: int, name: str, kind: CertificateKind
) -> None:
    """:class:`JobParked` when an issued certificate of ``kind`` waits for a medium:
    the customer must save that one, never pay for a second."""
    existing = ctx.journal.active_for(customer_id, kind)
    if existing is not None and existing.state is JobState.PARKED:
        raise JobParked(name, kind.label, job_folder(ctx, existing.id))


def hold(ctx: CenterContext, job: Job) -> CertificateJob:
    """Take up an existing job (a parked one being saved); :class:`JobInProgress` if a
    live process holds it."""
    lock = JobLock.try_acquire(_lock_path(ctx, job.id))
    if lock is None:
        raise JobInProgress(job.plan.get("completion", {}).get("name", ""), job.kind.label)
    current = ctx.journal.get(job.id)  # as it is now that we hold it
    if current is None or current.state is not JobState.PARKED:
        lock.release()
        raise NothingToSave
    return CertificateJob(ctx, current, lock)


# --- rolling forward or back ----------------------------------------------------------
def resume_jobs(ctx: CenterContext) -> list[Job]:
    """Finish or cancel every job whose process is gone; returns the parked ones.

    Also removes what finished jobs of killed processes left behind: their folders in
    the recovery area and their lock files.
    """
    for job in ctx.journal.active():
        with contextlib.suppress(MgcertError, OSError):
            if job.state is JobState.PARKED:
                _check_parked(ctx, job)
            else:
                resume_job(ctx, job)
    with contextlib.suppress(OSError):
        _remove_leftovers(ctx)
    return [job for job in ctx.journal.active() if job.state is JobState.PARKED]


def _remove_leftovers(ctx: CenterContext) -> None:
    places = ((ctx.home.recovery_dir, ""), (ctx.home.job_locks_dir, ".lock"))
    for directory, suffix in places:
        if not directory.is_dir():
            continue
        for path in directory.iterdir():
            job_id = path.name.removesuffix(suffix)
            if not _is_job_id(job_id):
                continue  # a folder parked before the journal (named by serial)
            job = ctx.journal.get(job_id)
            if job is not None and not job.state.active:
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)


def _is_job_id(name: str) -> bool:
    return len(name) == 32 and all(ch in "0123456789abcdef" for ch in name)


def resume_job(ctx: CenterContext, job: Job) -> bool:
    """Roll one unfinished job forward or back if no live process holds it.

    Returns True when the job is no longer active (done, cancelled) or parked.
    """
    lock = JobLock.try_acquire(_lock_path(ctx, job.id))
    if lock is None:
        return False  # running in another process right now
    current = ctx.journal.get(job.id)
    if current is None or current.state not in (JobState.PLANNED, JobState.ISSUED):
        lock.release()
        return current is not None and current.state is not JobState.PLANNED
    held = CertificateJob(ctx, current, lock)
    with held:
        _roll(ctx, held, current)
    return True


def _check_parked(ctx: CenterContext, job: Job) -> None:
    """A parked job must stay saveable: its folder lists it (meta.json) and holds its
    pair. A lost meta.json or certificate is rebuilt from the journal and the CA; a lost
    key means the certificate can never be used: it is withdrawn (revoked, refunded)."""
    folder = job_folder(ctx, job.id)
    if (folder / recovery.META_FILE).is_file() and (folder / recovery.CERT_FILE).is_file():
        return
    lock = JobLock.try_acquire(_lock_path(ctx, job.id))
    if lock is None:
        return  # being saved right now
    current = ctx.journal.get(job.id)
    if current is None or current.state is not JobState.PARKED:
        lock.release()
        return
    held = CertificateJob(ctx, current, lock)
    with held:
        record = ctx.mg_ca.record_for_job(job.id)
        if record is None or not (folder / KEY_FILE).is_file():
            if record is not None:
                held.withdraw(record.serial)
            else:
                held.cancel()
            return
        recovery.park_into(folder, held.files(record.der, dict(current.plan["completion"])))


def _roll(ctx: CenterContext, held: CertificateJob, job: Job) -> None:
    from mgcert.center.completion import finish_financial, finish_job  # cycle: they use us

    record = ctx.mg_ca.record_for_job(job.id)
    if record is None:
        held.cancel()
        return
    if job.kind is CertificateKind.FINANCIAL:
        try:
            finish_financial(ctx, held, record.der)
        except CloudJobNotParked:
            held.withdraw(record.serial)  # its key is nowhere (a restored bank file)
        return
    if not (held.folder / KEY_FILE).is_file():
        held.withdraw(record.serial)
        return
    if job.state is JobState.PLANNED:
        ctx.journal.advance(job.id, JobState.ISSUED, serial=record.serial)
        held._state = JobState.ISSUED
    files = held.files(record.der, dict(job.plan["completion"]))
    location = medium_from_json(job.plan["medium"])
    try:
        folder = held.store(location, files)
    except IssuedButNotSaved:
        return  # parked: `mgcert recover` or the TUI's home screen takes it from here
    finish_job(ctx, held, files, folder, location, recovered_from=None, progress=None)
