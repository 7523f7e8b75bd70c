"""Every failure the bank reports, as typed exceptions with Korean messages.

The hierarchy lets the center catch a family at once (``InvalidInput`` for a typing
mistake that costs no attempt, ``WrongAnswer`` for a counted wrong entry that carries
``remaining``, ``IdentityCheckLocked`` for anything that needs a branch visit).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from pathlib import Path

from mgcert.bank import limits
from mgcert.clock import KST
from mgcert.errors import MgcertError
from mgcert.messages import bank as msg


class BankError(MgcertError):
    """Base of the bank layer's errors."""


# --- input format: never counted as an attempt ---------------------------------------


class InvalidInput(BankError):
    """The input has the wrong shape (non-digits, wrong length); no attempt was used."""


class InvalidResidentNumberFormat(InvalidInput):
    default_message = msg.RRN_FORMAT


class InvalidAccountNumberFormat(InvalidInput):
    default_message = msg.ACCOUNT_NUMBER_FORMAT


class InvalidAccountPasswordFormat(InvalidInput):
    default_message = msg.ACCOUNT_PASSWORD_FORMAT


class InvalidArsDigits(InvalidInput):
    default_message = msg.ARS_DIGITS_FORMAT


class InvalidSmsCodeFormat(InvalidInput):
    default_message = msg.SMS_CODE_FORMAT


class InvalidSecurityCardFormat(InvalidInput):
    default_message = msg.SECURITY_CARD_FORMAT


class InvalidOtpFormat(InvalidInput):
    default_message = msg.OTP_FORMAT


class InvalidPinFormat(InvalidInput):
    default_message = msg.PIN_FORMAT


class TrivialPin(InvalidInput):
    """All-same digits or a straight run (123456, 654321, 012345)."""

    default_message = msg.TRIVIAL_PIN


# --- customers and accounts -------------------------------------------------------------


class UnknownCustomer(BankError):
    default_message = msg.UNKNOWN_CUSTOMER


class UnknownAccount(BankError):
    default_message = msg.UNKNOWN_ACCOUNT


class AccountMismatch(BankError):
    """The account exists but belongs to another customer."""

    default_message = msg.ACCOUNT_MISMATCH


# --- counted wrong answers and locks ----------------------------------------------------


class WrongAnswer(BankError):
    """A counted wrong entry; ``remaining`` attempts are left before the lock."""

    template: str = msg.WRONG_ACCOUNT_PASSWORD

    def __init__(self, remaining: int) -> None:
        self.remaining = remaining
        super().__init__(self.template.format(remaining=remaining))


class IdentityCheckLocked(BankError):
    """Too many wrong entries; only a branch visit (``Bank.unlock``) lifts it."""

    template: str = msg.EBANKING_LOCKED
    limit: int = limits.ACCOUNT_PASSWORD_ATTEMPTS

    def __init__(self) -> None:
        super().__init__(self.template.format(limit=self.limit))


class WrongAccountPassword(WrongAnswer):
    template = msg.WRONG_ACCOUNT_PASSWORD


class EBankingLocked(IdentityCheckLocked):
    template = msg.EBANKING_LOCKED
    limit = limits.ACCOUNT_PASSWORD_ATTEMPTS


class WrongSecurityCard(WrongAnswer):
    template = msg.WRONG_SECURITY_CARD


class SecurityCardLocked(IdentityCheckLocked):
    template = msg.SECURITY_CARD_LOCKED
    limit = limits.SECURITY_CARD_ATTEMPTS


class WrongOtp(WrongAnswer):
    template = msg.WRONG_OTP


class OtpLocked(IdentityCheckLocked):
    template = msg.OTP_LOCKED
    limit = limits.OTP_ATTEMPTS


class OtpReplayed(BankError):
    """The code is right but its time step was already used (not counted as wrong)."""

    default_message = msg.OTP_REPLAYED


class WrongPin(WrongAnswer):
    template = msg.WRONG_PIN


class PinLocked(IdentityCheckLocked):
    template = msg.PIN_LOCKED
    limit = limits.PIN_ATTEMPTS


# --- ARS ----------------------------------------------------------------------------------


class ArsError(BankError):
    """Base of the ARS 전화인증 errors."""


class ArsNotConfirmed(ArsError):
    default_message = msg.ARS_NOT_CONFIRMED


class ArsExpired(ArsError):
    default_message = msg.ARS_EXPIRED


class ArsSuperseded(ArsExpired):
    """A newer call for the same customer replaced this one."""

    default_message = msg.ARS_SUPERSEDED


class ArsFailed(ArsError):
    """Too many wrong digits were keyed on the phone; the call ended."""

    default_message = msg.ARS_FAILED.format(limit=limits.ARS_KEY_ATTEMPTS)


class ArsAlreadyUsed(ArsError):
    default_message = msg.ARS_ALREADY_USED


class UnknownArsCall(ArsError):
    default_message = msg.UNKNOWN_ARS_CALL


# --- SMS ----------------------------------------------------------------------------------


class SmsError(BankError):
    """Base of the SMS 인증번호 errors."""


class WrongSmsCode(WrongAnswer):
    template = msg.WRONG_SMS_CODE


class SmsExpired(SmsError):
    default_message = msg.SMS_EXPIRED


class SmsSuperseded(SmsExpired):
    """A newer code was sent to the same customer."""

    default_message = msg.SMS_SUPERSEDED


class SmsVoided(SmsError):
    """Too many wrong entries of one code; a new code is needed."""

    default_message = msg.SMS_VOIDED.format(limit=limits.SMS_ATTEMPTS)


class SmsSendLimited(SmsError):
    """Too many codes sent to the customer lately; ``retry_at`` is when the next one
    may be sent (``wait`` from now). Nothing was sent."""

    def __init__(self, retry_at: datetime, now: datetime) -> None:
        self.retry_at = retry_at
        self.wait = max(retry_at - now, timedelta(0))
        kst = retry_at.astimezone(KST)
        at = msg.SMS_RETRY_TIME.format(hour=kst.hour, minute=kst.minute, second=kst.second)
        super().__init__(
            msg.SMS_SEND_LIMITED.format(
                window=int(limits.SMS_SEND_WINDOW.total_seconds() // 60),
                limit=limits.SMS_SENDS_PER_WINDOW,
                at=at,
                wait=max(1, math.ceil(self.wait.total_seconds() / 60)),
            )
        )


class SmsAlreadyUsed(SmsError):
    default_message = msg.SMS_ALREADY_USED


class UnknownSmsChallenge(SmsError):
    default_message = msg.UNKNOWN_SMS_CHALLENGE


# --- 보안카드 ------------------------------------------------------------------------------


class SecurityCardChallengeUsed(BankError):
    default_message = msg.SECURITY_CARD_CHALLENGE_USED


class UnknownSecurityCardChallenge(BankError):
    default_message = msg.UNKNOWN_SECURITY_CARD_CHALLENGE


# --- fees ---------------------------------------------------------------------------------


class InsufficientBalance(BankError):
    """Raised before anything changes; carries both amounts for the screen."""

    def __init__(self, needed: int, available: int) -> None:
        self.needed = needed
        self.available = available
        super().__init__(msg.INSUFFICIENT_BALANCE.format(needed=needed, available=available))


class UnknownLedgerEntry(BankError):
    default_message = msg.UNKNOWN_LEDGER_ENTRY


class FeeAlreadyRefunded(BankError):
    default_message = msg.FEE_ALREADY_REFUNDED


class NotRefundable(BankError):
    default_message = msg.NOT_REFUNDABLE


# --- registered certificates ------------------------------------------------------------


class CertificateAlreadyRegistered(BankError):
    default_message = msg.CERTIFICATE_ALREADY_REGISTERED


class CertificateNotRegistered(BankError):
    default_message = msg.CERTIFICATE_NOT_REGISTERED


# --- 금융인증서 cloud -----------------------------------------------------------------------


class NoCloudCertificate(BankError):
    default_message = msg.NO_CLOUD_CERTIFICATE


class CloudKeyUnavailable(BankError):
    """The server-side secret file is missing or is not the one the db was used with."""

    default_message = msg.CLOUD_KEY_UNAVAILABLE


class CloudJobNotParked(BankError):
    """``cloud_commit`` for a job with no parked 금융인증서 that was never committed."""

    default_message = msg.CLOUD_JOB_NOT_PARKED


# --- certificate jobs ---------------------------------------------------------------------


class JobIdConflict(BankError):
    """A job id already used for a different request (another account, amount or
    customer, or another certificate serial): a bug in the caller, refused so that
    one job can never stand for two different things."""

    default_message = msg.JOB_ID_CONFLICT


# --- database -----------------------------------------------------------------------------


class BankDatabaseError(BankError):
    """The database file cannot be used."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.DATABASE_UNREADABLE.format(path=path))


class BankDatabaseTooNew(BankError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__(msg.DATABASE_TOO_NEW.format(found=found, supported=supported))


class BankRegisterMissing(BankError):
    """``Bank.open(..., create=False)`` found no bank file, an empty one, or one
    without a schema; nothing was created."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(msg.REGISTER_MISSING.format(path=path))


class BankSecretUnavailable(BankError):
    """The server secret file does not fit the bank file's encrypted values."""

    template: str = msg.BANK_SECRET_MISSING

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(self.template.format(path=path))


class BankSecretMissing(BankSecretUnavailable):
    """The secret file is missing, damaged or unreadable while encrypted values exist
    (a damaged file is never replaced)."""

    template = msg.BANK_SECRET_MISSING


class BankSecretMismatch(BankSecretUnavailable):
    """The secret file is another secret than the one the bank file was sealed with."""

    template = msg.BANK_SECRET_MISMATCH


class BankDataUnreadable(BankError):
    """An encrypted value does not open with the right secret: the row was damaged
    or moved to another row."""

    default_message = msg.BANK_DATA_UNREADABLE
