"""What a judge reads: the center's state (register, bank, CA, ledger, journal).

Never screen text. The learner's doing is what changed since the preparation: the
certificate jobs that finished after it (the journal), the CA's status of the story's
certificate, the bank's registrations, ledger and locks, the media's listings.
"""

from __future__ import annotations

from dataclasses import dataclass

from mgcert.ca import CertificateStatus
from mgcert.ca.records import IssuedRecord
from mgcert.center import CertificateCenter, IssueMode, MediumKind
from mgcert.center.journal import JobState
from mgcert.messages import practice as msg
from mgcert.npki.profile import CertificateKind
from mgcert.practice.situation import Situation
from mgcert.practice.wording import day_text, practice_text


@dataclass(frozen=True)
class Verdict:
    """The judge's answer: ``done`` (the goal is reached), ``failed`` (why the try went
    wrong, in one sentence, or None), and what the center's state shows."""

    done: bool
    failed: str | None
    what_happened: tuple[str, ...]


@dataclass(frozen=True)
class LearnerJob:
    """A certificate job the learner finished (the preparation's own are left out)."""

    job_id: str
    kind: CertificateKind
    mode: IssueMode
    fee_won: int
    account_number: str | None
    record: IssuedRecord

    @property
    def serial(self) -> int:
        return self.record.serial

    @property
    def valid(self) -> bool:
        return self.record.status is CertificateStatus.GOOD


def learner_jobs(center: CertificateCenter, situation: Situation) -> list[LearnerJob]:
    """The situation's customer's finished certificate jobs since the preparation."""
    found: list[LearnerJob] = []
    baseline = set(situation.baseline_jobs)
    for job in center.journal.all():
        if job.id in baseline or job.customer_id != situation.customer_id:
            continue
        if job.state is not JobState.DONE or job.serial is None:
            continue
        record = center.mg_ca.record(job.serial)
        if record is None:
            continue
        completion = job.plan.get("completion", {})
        found.append(
            LearnerJob(
                job_id=job.id,
                kind=job.kind,
                mode=IssueMode(completion.get("mode", IssueMode.NEW.value)),
                fee_won=int(completion.get("fee_won", 0)),
                account_number=completion.get("account_number"),
                record=record,
            )
        )
    return found


def describe_job(job: LearnerJob) -> str:
    """ "범용 공동인증서를 발급했습니다 (유효기간 2027.11.24까지)." and the like."""
    template = {
        IssueMode.NEW: msg.SAW_ISSUED,
        IssueMode.REISSUE: msg.SAW_REISSUED,
        IssueMode.RENEWAL: msg.SAW_RENEWED,
    }[job.mode]
    return practice_text(template, kind=job.kind.label, not_after=day_text(job.record.not_after))


def describe_fee(center: CertificateCenter, job: LearnerJob) -> str:
    """The fee the job's debit took (from the ledger), or that none was taken."""
    charge = center.bank.job_charge(job.job_id)
    if charge is None or charge.refunded:
        return msg.SAW_NO_FEE
    return practice_text(msg.SAW_FEE, fee=f"{charge.amount_won:,}", account=charge.account_number)


def locked_what(center: CertificateCenter, customer_id: int) -> list[str]:
    """What is locked for the customer (e-banking, 보안카드, OTP, PIN)."""
    state = center.bank.lock_state(customer_id)
    locked: list[str] = []
    if state.ebanking_locked_accounts:
        locked.append(msg.LOCK_ACCOUNT)
    if state.security_card_locked:
        locked.append(msg.LOCK_CARD)
    if state.otp_locked:
        locked.append(msg.LOCK_OTP)
    if state.pin_locked:
        locked.append(msg.LOCK_PIN)
    return locked


def lock_verdict(center: CertificateCenter, situation: Situation) -> Verdict | None:
    """A failed verdict when the learner locked something, else None."""
    locked = locked_what(center, situation.customer_id)
    if not locked:
        return None
    what = ", ".join(locked)
    return Verdict(
        done=False,
        failed=practice_text(msg.FAILED_LOCKED, what=what),
        what_happened=(practice_text(msg.SAW_LOCKED, what=what),),
    )


def original_status(center: CertificateCenter, situation: Situation) -> CertificateStatus:
    """The CA's status of the story's certificate (UNKNOWN if the story has none)."""
    if situation.original_serial is None:
        return CertificateStatus.UNKNOWN
    for ca in (center.mg_ca, center.other_ca):
        if ca.profile.org == situation.original_issuer:
            return ca.status(situation.original_serial)
    return CertificateStatus.UNKNOWN


def on_medium(center: CertificateCenter, kind: MediumKind, serial: int) -> bool:
    """Whether the standard ``kind`` medium holds a certificate with ``serial``."""
    listing = center.list_certificates(center.medium(kind))
    return any(entry.serial == serial for entry in listing.entries)


def nothing_yet() -> Verdict:
    return Verdict(done=False, failed=None, what_happened=(msg.SAW_NOTHING,))
