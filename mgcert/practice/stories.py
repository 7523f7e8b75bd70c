"""Each mission's preset situation (``prepare``) and its judge (``judge``).

A prepare function gets the center of a fresh practice home and returns the
:class:`Situation` (the engine adds the mission id and the baseline jobs). A judge gets
the center and the situation and returns a :class:`Verdict` from the center's state.
"""

from __future__ import annotations

import shutil
from datetime import timedelta

from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, IssueMode, MediumKind, MediumLocation
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD, DEMO_CUSTOMER_NAME
from mgcert.messages import practice as msg
from mgcert.npki.profile import CertificateKind
from mgcert.practice import scam_call
from mgcert.practice.judging import (
    LearnerJob,
    Verdict,
    describe_fee,
    describe_job,
    learner_jobs,
    nothing_yet,
    on_medium,
    original_status,
)
from mgcert.practice.preparing import (
    STORY_PASSWORD,
    customer_facts,
    forgotten_password,
    issue_for,
    sheet_of,
)
from mgcert.practice.situation import Fact, Situation
from mgcert.practice.wording import day_text, practice_text

GENERAL = CertificateKind.GENERAL
UNIVERSAL = CertificateKind.UNIVERSAL
ORDINARY_ID = 1  # 김민준 (bank/demo.py)
LOW_BALANCE_ID = 2  # 이서연
# A certificate that ran out: issued, then the clock moved this far (past one year).
EXPIRED_AFTER = timedelta(days=400)
# The certificates of missions 3 and 8 were issued this long before the story starts.
ISSUED_AGO = timedelta(days=60)


def _situation(
    center: CertificateCenter,
    customer_id: int,
    story: str,
    *,
    extra: tuple[Fact, ...] = (),
    password: str | None = None,
    serial: int | None = None,
    issuer: str | None = None,
    all_accounts: bool = False,
    balance: bool = False,
) -> Situation:
    sheet = sheet_of(center, customer_id)
    facts = customer_facts(sheet, all_accounts=all_accounts, balance=balance) + extra
    if password is not None:
        facts += (Fact(msg.FACT_CERTIFICATE_PASSWORD, password),)
    return Situation(
        mission_id="",
        customer_id=customer_id,
        customer_name=sheet.name,
        story=story,
        facts=facts,
        certificate_password=password,
        original_issuer=issuer or (center.mg_ca.profile.org if serial is not None else None),
        original_serial=serial,
    )


def _seen(center: CertificateCenter, jobs: list[LearnerJob]) -> tuple[str, ...]:
    lines: list[str] = []
    for job in jobs:
        lines.append(describe_job(job))
        if job.kind is UNIVERSAL:
            lines.append(describe_fee(center, job))
    return tuple(lines)


def _original_line(center: CertificateCenter, situation: Situation) -> str:
    if original_status(center, situation) is CertificateStatus.REVOKED:
        return msg.SAW_OLD_REVOKED
    return msg.SAW_OLD_STILL_VALID


# --- 1. first-issue ---------------------------------------------------------------------
def prepare_first_issue(center: CertificateCenter) -> Situation:
    return _situation(center, ORDINARY_ID, msg.FIRST_ISSUE_STORY)


def judge_first_issue(center: CertificateCenter, situation: Situation) -> Verdict:
    jobs = learner_jobs(center, situation)
    if not jobs:
        return nothing_yet()
    seen = _seen(center, jobs)
    if any(job.kind is UNIVERSAL for job in jobs):
        return Verdict(False, practice_text(msg.FAILED_UNIVERSAL_INSTEAD), seen)
    done = any(job.kind is GENERAL and job.mode is IssueMode.NEW and job.valid for job in jobs)
    return Verdict(done, None, seen)


# --- 2. universal-fee (and its low-balance variant) -----------------------------------
def prepare_universal(center: CertificateCenter) -> Situation:
    return _situation(center, ORDINARY_ID, msg.UNIVERSAL_STORY, balance=True)


def judge_universal(center: CertificateCenter, situation: Situation) -> Verdict:
    jobs = learner_jobs(center, situation)
    if not jobs:
        return nothing_yet()
    seen = _seen(center, jobs)
    paid = [
        job
        for job in jobs
        if job.kind is UNIVERSAL
        and job.valid
        and (charge := center.bank.job_charge(job.job_id)) is not None
        and not charge.refunded
    ]
    if paid:
        return Verdict(True, None, seen)
    if any(job.kind is GENERAL for job in jobs):
        return Verdict(False, msg.FAILED_GENERAL_INSTEAD, seen)
    return Verdict(False, None, seen)


def prepare_universal_low(center: CertificateCenter) -> Situation:
    return _situation(center, LOW_BALANCE_ID, msg.UNIVERSAL_LOW_STORY, balance=True)


def judge_universal_low(center: CertificateCenter, situation: Situation) -> Verdict:
    jobs = learner_jobs(center, situation)
    if not jobs:
        return nothing_yet()
    seen = _seen(center, jobs)
    done = any(job.kind is GENERAL and job.valid for job in jobs)
    return Verdict(done, None, (*seen, msg.SAW_NO_FEE) if done else seen)


# --- 3. forgot-password and 8. lost-usb: 재발급 of a valid certificate ----------------
def prepare_forgot(center: CertificateCenter) -> Situation:
    issued = issue_for(center, ORDINARY_ID, GENERAL, _harddisk(center), forgotten_password())
    center.simulator.advance_clock(ISSUED_AGO)
    return _situation(
        center,
        ORDINARY_ID,
        msg.FORGOT_STORY,
        extra=(Fact(msg.FACT_CERTIFICATE_PASSWORD, msg.FACT_PASSWORD_FORGOTTEN),),
        serial=int(issued.serial_hex, 16),
    )


def prepare_lost(center: CertificateCenter) -> Situation:
    usb = center.home.removable_default_root
    usb.mkdir(parents=True, exist_ok=True, mode=0o700)
    issued = issue_for(center, ORDINARY_ID, GENERAL, center.removable(usb), STORY_PASSWORD)
    shutil.rmtree(issued.folder)  # the USB stick is gone, and the files with it
    center.simulator.advance_clock(ISSUED_AGO)
    return _situation(
        center,
        ORDINARY_ID,
        msg.LOST_STORY,
        serial=int(issued.serial_hex, 16),
    )


def judge_reissue_of_valid(center: CertificateCenter, situation: Situation) -> Verdict:
    """Missions 3 and 8: a 재발급 of the same kind, the story's certificate revoked."""
    jobs = learner_jobs(center, situation)
    if not jobs:
        return nothing_yet()
    revoked = original_status(center, situation) is CertificateStatus.REVOKED
    seen = (*_seen(center, jobs), _original_line(center, situation))
    reissued = any(
        job.kind is GENERAL and job.mode is IssueMode.REISSUE and job.valid for job in jobs
    )
    if reissued and revoked:
        return Verdict(True, None, seen)
    if any(job.kind is UNIVERSAL for job in jobs):
        failure = (
            msg.FAILED_LOST_STILL_VALID
            if situation.mission_id == "lost-usb" and not revoked
            else practice_text(msg.FAILED_UNIVERSAL_INSTEAD)
        )
        return Verdict(False, failure, seen)
    return Verdict(False, None, seen)


# --- 4. expired ---------------------------------------------------------------------------
def prepare_expired(center: CertificateCenter) -> Situation:
    issued = issue_for(center, ORDINARY_ID, GENERAL, _harddisk(center), STORY_PASSWORD)
    center.simulator.advance_clock(EXPIRED_AFTER)
    return _situation(
        center,
        ORDINARY_ID,
        msg.EXPIRED_STORY,
        password=STORY_PASSWORD,
        serial=int(issued.serial_hex, 16),
    )


def judge_expired(center: CertificateCenter, situation: Situation) -> Verdict:
    jobs = learner_jobs(center, situation)
    if not jobs:
        return nothing_yet()
    seen = _seen(center, jobs)
    if any(job.kind is UNIVERSAL for job in jobs):
        return Verdict(False, practice_text(msg.FAILED_UNIVERSAL_INSTEAD), seen)
    # A fresh year from the day of the 재발급 (not the expired one's end).
    fresh = center.clock.now() + timedelta(days=300)
    done = any(
        job.kind is GENERAL
        and job.mode is IssueMode.REISSUE
        and job.valid
        and job.record.not_after > fresh
        for job in jobs
    )
    return Verdict(done, None, seen)


# --- 5. renew -----------------------------------------------------------------------------
def prepare_renew(center: CertificateCenter) -> Situation:
    demo = next(
        entry
        for entry in center.list_certificates(_harddisk(center)).entries
        if entry.name == DEMO_CUSTOMER_NAME
    )
    customer_id = next(s.customer_id for s in center.simulator.sheets() if s.name == demo.name)
    return _situation(
        center,
        customer_id,
        msg.RENEW_STORY,
        extra=(Fact(msg.FACT_WHERE, f"{demo.location.label} ({day_text(demo.not_after)})"),),
        password=DEMO_CERTIFICATE_PASSWORD,
        serial=demo.serial,
    )


def judge_renew(center: CertificateCenter, situation: Situation) -> Verdict:
    jobs = learner_jobs(center, situation)
    if not jobs:
        return nothing_yet()
    seen = (*_seen(center, jobs), _original_line(center, situation))
    if any(job.mode is IssueMode.RENEWAL and job.valid for job in jobs):
        return Verdict(True, None, seen)
    if any(job.mode is IssueMode.REISSUE for job in jobs):
        return Verdict(False, msg.FAILED_REISSUED_NOT_RENEWED, seen)
    return Verdict(False, None, seen)


# --- 6. move-to-phone -------------------------------------------------------------------
def prepare_move(center: CertificateCenter) -> Situation:
    issued = issue_for(center, ORDINARY_ID, GENERAL, _harddisk(center), STORY_PASSWORD)
    return _situation(
        center,
        ORDINARY_ID,
        msg.MOVE_STORY,
        password=STORY_PASSWORD,
        serial=int(issued.serial_hex, 16),
    )


def judge_move(center: CertificateCenter, situation: Situation) -> Verdict:
    serial = situation.original_serial
    assert serial is not None
    if original_status(center, situation) is CertificateStatus.REVOKED:
        revoked = (*_seen(center, learner_jobs(center, situation)), msg.SAW_OLD_REVOKED)
        return Verdict(False, msg.FAILED_PC_CERTIFICATE_REVOKED, revoked)
    if not on_medium(center, MediumKind.PHONE, serial):
        return nothing_yet()
    seen = [msg.SAW_ON_PHONE]
    if on_medium(center, MediumKind.HARDDISK, serial):
        seen.append(msg.SAW_STILL_ON_PC)
    return Verdict(True, None, tuple(seen))


# --- 7. other-bank ----------------------------------------------------------------------
def prepare_other_bank(center: CertificateCenter) -> Situation:
    entry = center.simulator.make_other_institution_certificate(
        ORDINARY_ID, _harddisk(center), STORY_PASSWORD
    )
    return _situation(
        center,
        ORDINARY_ID,
        msg.OTHER_BANK_STORY,
        password=STORY_PASSWORD,
        serial=entry.serial,
        issuer=entry.issuer_org,
    )


def judge_other_bank(center: CertificateCenter, situation: Situation) -> Verdict:
    assert situation.original_issuer is not None
    assert situation.original_serial is not None
    jobs = learner_jobs(center, situation)
    seen = list(_seen(center, jobs))
    registration = center.bank.registration(situation.original_issuer, situation.original_serial)
    if registration is not None and registration.customer_id == situation.customer_id:
        seen.append(practice_text(msg.SAW_REGISTERED, issuer=situation.original_issuer))
        return Verdict(True, None, tuple(seen))
    if any(job.mode is IssueMode.NEW for job in jobs):
        return Verdict(False, msg.FAILED_NEW_MG_INSTEAD, tuple(seen))
    return Verdict(False, None, tuple(seen)) if seen else nothing_yet()


# --- 9. financial -----------------------------------------------------------------------
def prepare_financial(center: CertificateCenter) -> Situation:
    return _situation(center, ORDINARY_ID, msg.FINANCIAL_STORY)


def judge_financial(center: CertificateCenter, situation: Situation) -> Verdict:
    info = center.financial_certificate(situation.customer_id)
    if info is None or info.serial is None or info.not_after is None:
        return nothing_yet()
    if center.mg_ca.status(info.serial) is not CertificateStatus.GOOD:
        return nothing_yet()
    if info.pin_locked:  # issued, but it cannot be opened any more
        return Verdict(
            False,
            practice_text(msg.FAILED_LOCKED, what=msg.LOCK_PIN),
            (practice_text(msg.SAW_LOCKED, what=msg.LOCK_PIN),),
        )
    return Verdict(
        True, None, (practice_text(msg.SAW_FINANCIAL, not_after=day_text(info.not_after)),)
    )


# --- 10. scam-call ------------------------------------------------------------------------
def prepare_scam(center: CertificateCenter) -> Situation:
    issue_for(center, ORDINARY_ID, GENERAL, _harddisk(center), STORY_PASSWORD)
    scam_call.ring(center.home.root)
    return _situation(center, ORDINARY_ID, msg.SCAM_STORY, password=STORY_PASSWORD)


def judge_scam(center: CertificateCenter, situation: Situation) -> Verdict:
    call = scam_call.current_call(center.home.root)
    if call is None:
        return nothing_yet()
    seen: list[str] = []
    for ask, response in call.answers:
        if response is scam_call.ScamResponse.DISCLOSE:
            seen.append(practice_text(msg.SAW_DISCLOSED, what=ask.label))
        elif response is scam_call.ScamResponse.REPORT:
            seen.append(msg.SAW_REPORTED)
        else:
            seen.append(msg.SAW_HUNG_UP)
    disclosed = [ask for ask, response in call.answers if not response.refused]
    if disclosed:
        return Verdict(
            False, practice_text(msg.FAILED_DISCLOSED, what=disclosed[0].label), tuple(seen)
        )
    if call.ringing:
        return Verdict(False, None, (*seen, msg.SAW_CALL_RINGING))
    return Verdict(True, None, tuple(seen))


def _harddisk(center: CertificateCenter) -> MediumLocation:
    return center.medium(MediumKind.HARDDISK)
