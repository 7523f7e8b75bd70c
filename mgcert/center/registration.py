"""타기관 인증서 등록: make another institution's certificate usable at MG (DOMAIN.md).

Steps: :meth:`RegistrationFlow.select` (certificate + its password: proves possession;
refuses unknown-CA, revoked, expired or already registered certificates with the
reason) → :meth:`verify_owner` (주민등록번호: the VID in the certificate must match
the typed number and the key file's randomNum, and a customer must have that number)
→ :meth:`enter_account` (출금계좌 + 계좌비밀번호) → ARS or SMS → 보안카드 or OTP →
:meth:`register`. An MG certificate that was unregistered can be registered again here.
"""

from __future__ import annotations

from mgcert.bank import Customer
from mgcert.center.catalog import Catalog, open_key
from mgcert.center.certinfo import kind_of
from mgcert.center.context import CenterContext
from mgcert.center.errors import (
    AlreadyRegistered,
    CertificateExpired,
    CertificateNotYetValid,
    CertificateRevoked,
    CorporateCertificateRefused,
    FlowFinished,
    KeyWithoutRandomNum,
    NoCustomerForResidentNumber,
    StepsIncomplete,
    UnknownIssuer,
    VidMismatch,
)
from mgcert.center.identity import IdentitySteps
from mgcert.center.models import CertificateEntry, OwnerCheck, RegistrationResult
from mgcert.messages import center as msg
from mgcert.npki.profile import CertificateKind
from mgcert.npki.rrn import ResidentNumber
from mgcert.npki.vid import verify_vid


class RegistrationFlow(IdentitySteps):
    """One customer's way through 타기관 인증서 등록."""

    def __init__(self, ctx: CenterContext, catalog: Catalog) -> None:
        super().__init__(ctx.bank)
        self._ctx = ctx
        self._catalog = catalog
        self._entry: CertificateEntry | None = None
        self._random_num: bytes | None = None
        self._customer: Customer | None = None
        self._account: str | None = None
        self._result: RegistrationResult | None = None

    def _first_step_name(self) -> str:
        return msg.STEP_OWNER

    def select(self, entry: CertificateEntry, password: str) -> CertificateEntry:
        """Prove the password and check the certificate can be registered at all."""
        self._ensure_open()
        entry = self._catalog.refresh(entry)
        decrypted = open_key(entry, password)
        check_registrable(self._ctx, self._catalog, entry)
        if decrypted.random_num is None:
            raise KeyWithoutRandomNum
        self._entry, self._random_num = entry, decrypted.random_num
        self._customer = None
        self._account = None
        return entry

    def verify_owner(self, rrn: str) -> OwnerCheck:
        """The typed 주민등록번호 must match the certificate's VID and a customer."""
        self._ensure_open()
        if self._entry is None or self._random_num is None:
            raise StepsIncomplete([msg.STEP_CERTIFICATE])
        resident = ResidentNumber.parse(rrn)
        if not verify_vid(self._entry.stored.certificate, resident.digits, self._random_num):
            raise VidMismatch
        customer = next((c for c in self._ctx.bank.customers() if c.rrn == resident.digits), None)
        if customer is None:
            raise NoCustomerForResidentNumber
        self._customer = customer
        self._account = None
        self._set_identity_customer(customer.id)
        return OwnerCheck(customer_id=customer.id, name=customer.name, masked_rrn=resident.masked)

    def enter_account(self, account_number: str, account_password: str) -> None:
        """출금계좌 + 계좌비밀번호 of the customer found by :meth:`verify_owner`."""
        self._ensure_open()
        if self._customer is None:
            raise StepsIncomplete([msg.STEP_OWNER])
        account = account_number.strip()
        self._ctx.bank.find_customer(self._customer.rrn, account)
        self._ctx.bank.verify_account_password(account, account_password)
        self._account = account

    def missing_steps(self) -> list[str]:
        missing: list[str] = []
        if self._entry is None:
            missing.append(msg.STEP_CERTIFICATE)
        if self._customer is None:
            missing.append(msg.STEP_OWNER)
        if self._account is None:
            missing.append(msg.STEP_ACCOUNT)
        return missing + self._identity_missing()

    def register(self) -> RegistrationResult:
        """Register the certificate for the customer (all steps done)."""
        self._ensure_open()
        missing = self.missing_steps()
        if missing:
            raise StepsIncomplete(missing)
        entry, customer = self._entry, self._customer
        assert entry is not None
        assert customer is not None
        entry = self._catalog.refresh(entry)
        check_registrable(self._ctx, self._catalog, entry)
        cert = entry.stored.certificate
        kind = kind_of(cert) or CertificateKind.GENERAL
        origin = "mg" if self._catalog.is_mg(cert) else "other"
        self._ctx.bank.register_certificate(
            customer.id,
            entry.issuer_org,
            entry.serial,
            kind,
            origin=origin,
            account_number=self._account,
        )
        self._result = RegistrationResult(
            name=customer.name,
            issuer_org=entry.issuer_org,
            serial_hex=entry.serial_hex,
            kind=kind,
            not_after=entry.not_after,
        )
        return self._result

    @property
    def result(self) -> RegistrationResult | None:
        return self._result

    def _ensure_open(self) -> None:
        if self._result is not None:
            raise FlowFinished


def check_registrable(ctx: CenterContext, catalog: Catalog, entry: CertificateEntry) -> None:
    """Refuse with the reason: unknown CA, 법인, revoked, expired, not yet valid, registered."""
    cert = entry.stored.certificate
    if catalog.ca_for(cert) is None:
        raise UnknownIssuer
    if kind_of(cert) is CertificateKind.CORPORATE:
        raise CorporateCertificateRefused
    if catalog.is_revoked(cert):
        raise CertificateRevoked
    now = ctx.clock.now()
    if now > cert.not_valid_after_utc:
        raise CertificateExpired(cert.not_valid_after_utc)
    if now < cert.not_valid_before_utc:
        raise CertificateNotYetValid
    if catalog.is_registered(cert):
        raise AlreadyRegistered
