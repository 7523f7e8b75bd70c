"""What the bank hands to the layer above: small immutable records, no behaviour."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from mgcert.messages import bank as msg
from mgcert.npki.profile import CertificateKind


def mask_rrn(rrn13: str) -> str:
    """``900101-1******``: how a 주민등록번호 is shown outside the simulator panel."""
    return f"{rrn13[:6]}-{rrn13[6]}******"


def format_rrn(rrn13: str) -> str:
    """``900101-1234567`` (unmasked; the simulator panel only)."""
    return f"{rrn13[:6]}-{rrn13[6:]}"


@dataclass(frozen=True)
class Customer:
    """A bank customer. ``rrn`` is the 13-digit 주민등록번호 without hyphen (kept out of
    ``repr``, so a logged record or a traceback does not show it)."""

    id: int
    name: str
    rrn: str = field(repr=False)
    phone: str
    number: int  # 고객번호; goes into the MG CN digits

    @property
    def masked_rrn(self) -> str:
        """``900101-1******``."""
        return mask_rrn(self.rrn)


@dataclass(frozen=True)
class Account:
    """A deposit account; ``number`` is formatted ``9002-1234-5678-9``."""

    number: str
    customer_id: int
    balance_won: int
    ebanking_locked: bool


@dataclass(frozen=True)
class ArsCall:
    """An ARS 전화인증 call: the screen shows ``code``, the phone at ``phone`` rings."""

    id: str
    customer_id: int
    code: str
    phone: str
    expires_at: datetime


@dataclass(frozen=True)
class SmsChallenge:
    """A sent SMS 인증번호 (the code itself is only in the phone's inbox)."""

    id: str
    customer_id: int
    phone: str
    expires_at: datetime


@dataclass(frozen=True)
class SmsMessage:
    """One message in the simulated phone's inbox."""

    sent_at: datetime
    text: str
    code: str


@dataclass(frozen=True)
class SecurityCard:
    """A 보안카드: ``cells`` maps 1..35 to a 4-digit string."""

    serial: str
    cells: dict[int, str]


@dataclass(frozen=True)
class SecurityCardChallenge:
    """Enter the first two digits of ``first_cell`` and the last two of ``second_cell``."""

    id: str
    customer_id: int
    first_cell: int
    second_cell: int


@dataclass(frozen=True)
class OtpReading:
    """What the OTP device shows now, and for how many more seconds."""

    code: str
    seconds_left: int


@dataclass(frozen=True)
class LockState:
    """Every lock and counter of one customer (simulator panel, 지점 방문)."""

    customer_id: int
    ebanking_locked_accounts: tuple[str, ...]
    account_password_failures: dict[str, int]
    security_card_locked: bool
    security_card_failures: int
    otp_locked: bool
    otp_failures: int
    pin_locked: bool
    pin_failures: int

    @property
    def any_locked(self) -> bool:
        """Whether anything needs a branch visit."""
        return bool(
            self.ebanking_locked_accounts
            or self.security_card_locked
            or self.otp_locked
            or self.pin_locked
        )

    @property
    def labels(self) -> tuple[str, ...]:
        """Korean names of what is locked, for "현재 잠금 상태: ..." (empty = nothing)."""
        labels = [msg.LOCK_LABEL_EBANKING.format(account=a) for a in self.ebanking_locked_accounts]
        if self.security_card_locked:
            labels.append(msg.LOCK_LABEL_SECURITY_CARD)
        if self.otp_locked:
            labels.append(msg.LOCK_LABEL_OTP)
        if self.pin_locked:
            labels.append(msg.LOCK_LABEL_PIN)
        return tuple(labels)


class LedgerKind(enum.Enum):
    """Direction of a ledger line."""

    DEBIT = "debit"
    REFUND = "refund"


@dataclass(frozen=True)
class LedgerEntry:
    """One line of an account's fee ledger; ``amount_won`` is always positive.

    ``job_id`` is the certificate job a debit was charged for (None for a charge
    without a job and for refunds, which point at their debit by ``refund_of``).
    ``refunded_by`` is the id of the refund of a debit, once it was refunded.
    """

    id: int
    account_number: str
    at: datetime
    kind: LedgerKind
    amount_won: int
    reason: str
    balance_after: int
    refund_of: int | None
    job_id: str | None = None
    refunded_by: int | None = None

    @property
    def refunded(self) -> bool:
        """Whether this debit has been credited back (always False for a refund)."""
        return self.refunded_by is not None


class CertificateOrigin(enum.StrEnum):
    """Where a registered certificate comes from."""

    MG = "mg"  # issued by MG's CA
    OTHER = "other"  # registered from another institution (타기관 인증서 등록)


@dataclass(frozen=True)
class Registration:
    """A certificate the customer may use at this bank; ``serial`` is the x509 serial."""

    customer_id: int
    issuer_org: str
    serial: int
    kind: CertificateKind
    origin: CertificateOrigin
    account_number: str | None
    registered_at: datetime
    job_id: str | None = None  # the certificate job that registered it, if any


@dataclass(frozen=True)
class CloudCertificateInfo:
    """Listing data of a stored 금융인증서 (no secret in here)."""

    customer_id: int
    serial: int | None
    not_after: datetime | None
    stored_at: datetime
    pin_locked: bool
    pin_failures: int
