"""Typed failures of the certificate center's use cases (all :class:`CenterError`).

Errors raised by the bank, the CA and the NPKI layer are already :class:`MgcertError`
with Korean text; the center lets them propagate unchanged and only adds the failures
that belong to its own rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mgcert.bank.errors import IdentityCheckLocked
from mgcert.center import rules
from mgcert.clock import KST
from mgcert.errors import MgcertError
from mgcert.messages import center as msg
from mgcert.npki.storage import MediumNotWritable

if TYPE_CHECKING:
    from mgcert.center.models import CertificateEntry


def _day(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone(KST).date()
    return value.strftime("%Y-%m-%d")


class CenterError(MgcertError):
    """Base class of the center's own failures."""


class StepsIncomplete(CenterError):
    """A flow was asked to finish before every required step was done."""

    def __init__(self, missing: Sequence[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(msg.STEPS_INCOMPLETE.format(steps=", ".join(self.missing)))


class TermsNotAgreed(CenterError):
    default_message = msg.TERMS_NOT_AGREED


class NoPendingChallenge(CenterError):
    """Confirming an ARS call, SMS code or 보안카드 answer that was never requested."""


class FlowFinished(CenterError):
    """The flow already produced its certificate; a new flow must be started."""

    default_message = msg.FLOW_FINISHED


class StateChanged(CenterError):
    """The decision taken at an earlier step no longer holds (e.g. the clock moved)."""

    default_message = msg.STATE_CHANGED


class MediumError(CenterError):
    """Base of the center's failures that are about the chosen storage medium."""


class MediumUnavailable(MediumError):
    """보안토큰: listed, but not available in the simulator."""

    def __init__(self, medium_label: str) -> None:
        super().__init__(msg.MEDIUM_UNAVAILABLE.format(medium=medium_label))


class IssuedButNotSaved(CenterError):
    """The CA issued the certificate but the medium write failed.

    The encrypted files were parked in ``recovery_path``; the flow's ``save_to`` writes
    them to another medium.
    """

    def __init__(self, recovery_path: Path, serial: int) -> None:
        self.recovery_path = recovery_path
        self.serial = serial
        super().__init__(msg.ISSUED_BUT_NOT_SAVED.format(path=recovery_path))


class NothingToSave(CenterError):
    default_message = msg.NOTHING_TO_SAVE


class SameMedium(CenterError):
    default_message = msg.SAME_MEDIUM


class CertificateAlreadyOnMedium(MediumError):
    """복사 of a certificate the target medium already holds: nothing to do."""

    def __init__(self, medium_label: str, folder: Path) -> None:
        self.folder = folder
        super().__init__(msg.ALREADY_ON_MEDIUM.format(medium=medium_label, folder=folder))


class CopyTargetOccupied(MediumError):
    """The folder a 복사 needs on the target holds another certificate (the same CN under
    the same CA: an older one of the same person, say). ``occupant`` says which, so a
    screen can ask whether to replace it (``copy_certificate(..., overwrite=True)``)."""

    def __init__(self, medium_label: str, occupant: CertificateEntry) -> None:
        self.occupant = occupant
        super().__init__(
            msg.COPY_TARGET_OCCUPIED.format(
                medium=medium_label,
                serial=occupant.serial_hex,
                not_after=_day(occupant.not_after),
                status=occupant.status_text,
            )
        )


class CertificateGone(CenterError):
    """The selected certificate's files are no longer on the medium."""

    default_message = msg.CERTIFICATE_GONE


class KeyWithoutRandomNum(CenterError):
    default_message = msg.KEY_WITHOUT_RANDOM_NUM


class RenewalTooEarly(CenterError):
    """Before the renewal window opens; says from which date renewal opens."""

    def __init__(self, from_date: date, until_date: date) -> None:
        self.from_date = from_date
        self.until_date = until_date
        super().__init__(
            rules.rule_text(
                msg.RENEWAL_TOO_EARLY, from_date=_day(from_date), until_date=_day(until_date)
            )
        )


class RenewalExpired(CenterError):
    """Past the expiry day: the answer is a new 발급."""

    def __init__(self, not_after: datetime) -> None:
        self.not_after = not_after
        super().__init__(msg.RENEWAL_EXPIRED.format(not_after=_day(not_after)))


class NotRenewable(CenterError):
    """Not an MG 공동인증서 in good standing (other CA, revoked, 금융인증서, unregistered)."""


class FinancialCertificateDamaged(CenterError):
    """The cloud payload does not hold a usable certificate and matching key."""

    default_message = msg.FINANCIAL_DAMAGED


class PinMismatch(CenterError):
    default_message = msg.PIN_MISMATCH


class CertificateRefused(CenterError):
    """Base of the reasons a certificate is refused for registration or use."""


class UnknownIssuer(CertificateRefused):
    default_message = msg.UNKNOWN_ISSUER


class CertificateRevoked(CertificateRefused):
    default_message = msg.CERT_REVOKED


class CertificateExpired(CertificateRefused):
    def __init__(self, not_after: datetime) -> None:
        self.not_after = not_after
        super().__init__(msg.CERT_EXPIRED.format(not_after=_day(not_after)))


class CertificateNotYetValid(CertificateRefused):
    default_message = msg.CERT_NOT_YET_VALID


class AlreadyRegistered(CertificateRefused):
    default_message = msg.ALREADY_REGISTERED


class CorporateCertificateRefused(CertificateRefused):
    """A 법인 certificate: the personal certificate center neither registers nor renews it."""

    default_message = msg.CORPORATE_NOT_REGISTRABLE


class NotRegistered(CenterError):
    default_message = msg.NOT_REGISTERED


class VidMismatch(CertificateRefused):
    default_message = msg.VID_MISMATCH


class NoCustomerForResidentNumber(CenterError):
    default_message = msg.NO_CUSTOMER_FOR_RRN


class NotMgCertificate(CenterError):
    default_message = msg.NOT_MG_CERTIFICATE


class NotOtherInstitutionCertificate(CenterError):
    """타기관 인증서 해제 of an MG-issued certificate: only other institutions' are unregistered."""

    default_message = msg.NOT_OTHER_INSTITUTION


class WrongExportCode(CenterError):
    default_message = msg.WRONG_EXPORT_CODE


class ExportExpired(CenterError):
    def __init__(self) -> None:
        super().__init__(rules.rule_text(msg.EXPORT_EXPIRED))


class ExportUsed(CenterError):
    default_message = msg.EXPORT_USED


class NoArsCall(CenterError):
    default_message = msg.NO_ARS_CALL


class JournalMissing(CenterError):
    """The data home has a journal of certificate jobs, but the file is gone or emptied."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.JOURNAL_MISSING.format(path=path))


class JournalUnavailable(CenterError):
    """SQLite failed on the journal (locked too long, damaged, newer version)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.JOURNAL_UNAVAILABLE.format(path=path))


class JobInProgress(CenterError):
    """Another process is issuing the same kind for the same customer right now."""

    def __init__(self, name: str, kind_label: str) -> None:
        super().__init__(msg.JOB_IN_PROGRESS.format(name=name, kind=kind_label))


class JobParked(CenterError):
    """An issued certificate of this kind waits for a medium: finish it, never re-issue."""

    def __init__(self, name: str, kind_label: str, recovery_path: Path) -> None:
        self.recovery_path = recovery_path
        super().__init__(msg.JOB_PARKED.format(name=name, kind=kind_label))


class JobUnfinished(CenterError):
    """Issued and saved, but a later step failed; the next open finishes the job."""

    default_message = msg.JOB_UNFINISHED


class HomeManifestDamaged(CenterError):
    """``manifest.json`` cannot be read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.HOME_MANIFEST_DAMAGED.format(path=path))


class HomeRegisterForeign(CenterError):
    """A register file carries another data home's id."""

    def __init__(self, what: str, path: Path) -> None:
        self.path = path
        super().__init__(msg.HOME_REGISTER_FOREIGN.format(what=what, path=path))


class ResetRefused(CenterError):
    """``mgcert reset`` cannot move the data home (busy, or the move failed)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


class JobAlreadyFinished(CenterError):
    """Another process finished (or cancelled) this job meanwhile."""

    default_message = msg.JOB_ALREADY_FINISHED


class KmKeyPasswordDiffers(CenterError):
    """The folder's kmPri.key does not open with the password that opens signPri.key."""

    default_message = msg.KM_KEY_PASSWORD_DIFFERS


# Classify by type, never by name (STYLE.md): a screen asks ``isinstance(error, ...)``.
# Every failure that means "choose another medium" (the center's own and the storage
# layer's unwritable folder, which the center lets through unchanged).
MEDIUM_FAILURES: tuple[type[MgcertError], ...] = (MediumError, MediumNotWritable)
# Every failure that needs a branch visit (the simulator's 지점 방문) to go on.
LOCKED_FAILURES: tuple[type[MgcertError], ...] = (IdentityCheckLocked,)


class AlreadyDiscarded(CenterError):
    """폐기 of a certificate that is revoked already."""

    default_message = msg.ALREADY_DISCARDED
