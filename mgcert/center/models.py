"""Plain values the center hands to its clients (TUI, CLI): no behaviour, no I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from mgcert.messages import center as msg
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import MediumKind, StoredCertificate


@dataclass(frozen=True)
class MediumLocation:
    """One place certificates live: a medium kind and the folder that holds ``NPKI/``."""

    kind: MediumKind
    root: Path
    label: str
    # Media inside the data home are created on first use; a removable disk's mount
    # point is not (a missing USB stick must be reported, not faked on the local disk).
    create_root: bool = True


class EntryStatus(enum.Enum):
    """What the 인증서 관리 list shows for one certificate."""

    VALID = "valid"
    EXPIRING = "expiring"  # 30 days or fewer left
    EXPIRED = "expired"
    REVOKED = "revoked"
    UNREGISTERED = "unregistered"  # valid, but not registered at MG

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    EntryStatus.VALID: msg.STATUS_VALID,
    EntryStatus.EXPIRING: msg.STATUS_LABEL_EXPIRING,
    EntryStatus.EXPIRED: msg.STATUS_EXPIRED,
    EntryStatus.REVOKED: msg.STATUS_REVOKED,
    EntryStatus.UNREGISTERED: msg.STATUS_UNREGISTERED,
}


@dataclass(frozen=True)
class CertificateIdentity:
    """Which certificate, in which folder of which medium: equal across listings, so a
    screen can put its cursor back on the same certificate after the list changed."""

    medium: MediumKind
    medium_root: Path
    folder: Path
    serial: int


@dataclass(frozen=True)
class CertificateEntry:
    """A certificate found on a medium, with its status at the time of listing."""

    location: MediumLocation
    stored: StoredCertificate
    name: str
    issuer_org: str
    kind: CertificateKind | None
    serial: int
    not_before: datetime
    not_after: datetime
    status: EntryStatus
    days_left: int  # KST calendar days until the expiry day (negative once expired)
    registered: bool

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "x")

    @property
    def identity(self) -> CertificateIdentity:
        return CertificateIdentity(
            self.location.kind, self.location.root, self.stored.folder, self.serial
        )

    @property
    def status_text(self) -> str:
        """The status with the day count for 만료 임박, e.g. ``만료 임박 (20일 남음)``."""
        if self.status is EntryStatus.EXPIRING:
            return msg.STATUS_EXPIRING.format(days=self.days_left)
        return self.status.label


@dataclass(frozen=True)
class CertificateListing:
    entries: list[CertificateEntry]
    problems: list[str]

    def index_of(self, identity: CertificateIdentity) -> int | None:
        """Where the certificate ``identity`` names is in :attr:`entries` (None: not
        listed any more)."""
        for index, entry in enumerate(self.entries):
            if entry.identity == identity:
                return index
        return None


@dataclass(frozen=True)
class CertificateDetails:
    """Everything the 인증서 보기 screen shows."""

    name: str
    common_name: str
    subject: str
    issuer: str
    issuer_org: str
    kind: CertificateKind | None
    kind_label: str
    policy_oid: str | None
    serial: int
    serial_hex: str
    not_before: datetime
    not_after: datetime
    status: EntryStatus
    status_text: str
    days_left: int
    registered: bool
    medium_label: str
    folder: Path
    cert_path: Path
    key_path: Path
    sha256_fingerprint: str
    signature_algorithm: str
    public_key_bits: int
    vid_present: bool


@dataclass(frozen=True)
class RevocationResult:
    serial: int
    crl_lists_serial: bool

    @property
    def serial_hex(self) -> str:
        return format(self.serial, "x")


@dataclass(frozen=True)
class ExportTicket:
    """The one-time code the exporting side shows (12 digits, valid 3 minutes)."""

    code: str
    expires_at: datetime

    @property
    def code_grouped(self) -> str:
        """``1234-5678-9012`` for display."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))


@dataclass(frozen=True)
class LoginCheck:
    name: str
    passed: bool
    detail: str


@dataclass(frozen=True)
class LoginReport:
    checks: list[LoginCheck]

    @property
    def ok(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def summary(self) -> str:
        failed = [check.name for check in self.checks if not check.passed]
        if not failed:
            return msg.LOGIN_OK
        return msg.LOGIN_FAILED.format(checks=", ".join(failed))


class IssueMode(enum.Enum):
    """Which of 발급 / 재발급 the center decided applies."""

    NEW = "new"
    REISSUE = "reissue"
    RENEWAL = "renewal"  # only in IssuanceResult of 갱신

    @property
    def label(self) -> str:
        return _MODE_LABELS[self]


_MODE_LABELS = {
    IssueMode.NEW: msg.MODE_NEW,
    IssueMode.REISSUE: msg.MODE_REISSUE,
    IssueMode.RENEWAL: msg.MODE_RENEWAL,
}


class IssueStage(enum.Enum):
    """Progress of issuing, for a progress bar."""

    KEY_PAIR = "key_pair"
    CSR = "csr"
    # The key is encrypted and parked before the CA signs: an issued certificate
    # always has its key somewhere (mgcert.center.jobs).
    ENCRYPTING = "encrypting"
    CA_SIGNING = "ca_signing"
    WRITING = "writing"
    DONE = "done"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]


_STAGE_LABELS = {
    IssueStage.KEY_PAIR: msg.STAGE_KEY_PAIR,
    IssueStage.CSR: msg.STAGE_CSR,
    IssueStage.CA_SIGNING: msg.STAGE_CA_SIGNING,
    IssueStage.ENCRYPTING: msg.STAGE_ENCRYPTING,
    IssueStage.WRITING: msg.STAGE_WRITING,
    IssueStage.DONE: msg.STAGE_DONE,
}


@dataclass(frozen=True)
class CustomerCheck:
    """Result of step 1: who the customer is and what the center will do."""

    customer_id: int
    name: str
    masked_rrn: str
    mode: IssueMode
    mode_reason: str
    fee_won: int
    balance_won: int


@dataclass(frozen=True)
class IssuanceResult:
    """The final screen of 발급/재발급/갱신."""

    name: str
    issuer: str
    kind: CertificateKind
    purpose: str
    not_before: datetime
    not_after: datetime
    serial_hex: str
    medium_label: str
    folder: Path
    mode: IssueMode
    recovered_to: Path | None  # the recovery folder the files came from (``save_to``)
    # The fee debited for this certificate and the account's balance after it (the
    # completion screen confirms both); None when the certificate was free.
    fee_won: int | None = None
    balance_after_won: int | None = None
    replaced_serial_hex: str | None = None  # the certificate revoked as superseded
    # 재발급/갱신: the old certificate's folder, removed from the medium written to.
    removed_folder: Path | None = None


@dataclass(frozen=True)
class RenewalCheck:
    old_not_after: datetime
    new_not_after: datetime
    fee_won: int
    customer_id: int
    name: str


@dataclass(frozen=True)
class FinancialResult:
    name: str
    not_after: datetime
    serial_hex: str
    mode: IssueMode = IssueMode.NEW
    replaced_serial_hex: str | None = None


@dataclass(frozen=True)
class FinancialCertificate:
    """The 금융인증서 opened from the cloud with its PIN (the key is checked, not returned)."""

    name: str
    issuer: str
    serial_hex: str
    not_before: datetime
    not_after: datetime
    status: EntryStatus
    days_left: int
    registered: bool

    @property
    def status_text(self) -> str:
        if self.status is EntryStatus.EXPIRING:
            return msg.STATUS_EXPIRING.format(days=self.days_left)
        return self.status.label


@dataclass(frozen=True)
class OwnerCheck:
    """The VID matched: the certificate belongs to this customer."""

    customer_id: int
    name: str
    masked_rrn: str


@dataclass(frozen=True)
class RegistrationResult:
    name: str
    issuer_org: str
    serial_hex: str
    kind: CertificateKind
    not_after: datetime


@dataclass(frozen=True)
class ArsPrompt:
    """What the screen shows while the phone rings: the 2-digit 승인번호."""

    code: str
    phone_masked: str
    expires_at: datetime


@dataclass(frozen=True)
class SmsPrompt:
    phone_masked: str
    expires_at: datetime


@dataclass(frozen=True)
class SecurityCardPrompt:
    """Enter the first two digits of ``first_cell`` and the last two of ``second_cell``."""

    first_cell: int
    second_cell: int


@dataclass(frozen=True)
class RenewalWindow:
    """From which KST date until which KST date a certificate can be renewed."""

    opens_on: date
    closes_on: date
