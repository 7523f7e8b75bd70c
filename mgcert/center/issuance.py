"""공동인증서 발급 / 재발급: one entry, the center decides which applies (DOMAIN.md).

Steps: :meth:`IssuanceFlow.enter_customer` (주민등록번호, 출금계좌, 계좌비밀번호; decides
발급 or 재발급 and checks the 범용 fee) → :meth:`agree_terms` → ARS or SMS → 보안카드 or
OTP → :meth:`issue` (medium + password). :meth:`issue` refuses with
:class:`StepsIncomplete` until every step is done, so no client can skip one.

발급 vs 재발급 is decided in :mod:`mgcert.center.previous` (same kind line; a valid or
user-revoked, not yet expired MG certificate → 재발급 with the old expiry, free; an
expired one → 재발급 with a fresh year, 범용 fee charged; none ever → 발급).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mgcert.bank import Bank, Customer
from mgcert.center import recovery
from mgcert.center.certinfo import kst_day_text
from mgcert.center.completion import Completion, SavesParkedCertificate
from mgcert.center.context import CenterContext
from mgcert.center.errors import (
    FlowFinished,
    IssuedButNotSaved,
    JobParked,
    StateChanged,
    StepsIncomplete,
    TermsNotAgreed,
)
from mgcert.center.identity import IdentitySteps
from mgcert.center.issuing import Holder, Progress, issue_common, require_balance
from mgcert.center.jobs import refuse_if_parked
from mgcert.center.media import check_medium
from mgcert.center.models import (
    CustomerCheck,
    IssuanceResult,
    IssueMode,
    MediumLocation,
)
from mgcert.center.previous import PreviousCertificate, find_expired, find_previous
from mgcert.clock import Clock
from mgcert.messages import center as msg
from mgcert.npki.password_rule import validate_new_password
from mgcert.npki.profile import CertificateKind
from mgcert.npki.rrn import ResidentNumber


@dataclass(frozen=True)
class VerifiedCustomer:
    """Step 1 passed: the customer, the typed 주민등록번호 and the withdrawal account."""

    customer: Customer
    rrn: ResidentNumber
    account_number: str


def verify_customer(
    bank: Bank, clock: Clock, rrn: str, account_number: str, account_password: str
) -> VerifiedCustomer:
    """고객정보 입력: the number parses, the account is theirs, the password is right."""
    resident = ResidentNumber.parse(rrn, today=clock.today_kst())
    account = account_number.strip()
    customer = bank.find_customer(resident.digits, account)
    bank.verify_account_password(account, account_password)
    return VerifiedCustomer(customer=customer, rrn=resident, account_number=account)


class IssuanceFlow(SavesParkedCertificate, IdentitySteps):
    """One customer's way through 공동인증서 발급/재발급."""

    def __init__(self, ctx: CenterContext, kind: CertificateKind) -> None:
        if kind is CertificateKind.FINANCIAL:
            raise ValueError("금융인증서 uses FinancialFlow")
        if not kind.is_personal:
            raise ValueError("the bank app issues no 법인 certificates (mgcert.testing does)")
        super().__init__(ctx.bank)
        self._ctx = ctx
        self.kind = kind
        self._verified: VerifiedCustomer | None = None
        self._check: CustomerCheck | None = None
        self._previous: PreviousCertificate | None = None
        self._terms = False
        self._pending: Path | None = None  # parked after a failed write
        self._result: IssuanceResult | None = None

    # --- step 1 and 2 ------------------------------------------------------------------
    def enter_customer(self, rrn: str, account_number: str, account_password: str) -> CustomerCheck:
        """Check the customer and decide 발급 or 재발급 (and the fee)."""
        self._ensure_open()
        verified = verify_customer(
            self._ctx.bank, self._ctx.clock, rrn, account_number, account_password
        )
        customer = verified.customer
        try:
            refuse_if_parked(self._ctx, customer.id, customer.name, self.kind)
        except JobParked as parked:
            # The customer proved the account: offer the parked copy (save_to) instead.
            self._pending = parked.recovery_path
            raise
        previous = find_previous(self._ctx, customer.id, self.kind)
        expired = find_expired(self._ctx, customer.id, self.kind) if previous is None else None
        # 발급 only when the customer never held one; an expired one → 재발급 (DOMAIN.md).
        mode = IssueMode.NEW if previous is None and expired is None else IssueMode.REISSUE
        # A fresh year of use (신규, or after expiry) pays the 범용 fee; 재발급 of a valid or
        # revoked one keeps the old expiry and is free.
        fee = self.kind.fee_won if previous is None else 0
        balance = require_balance(self._ctx.bank, verified.account_number, fee)
        self._verified, self._previous = verified, previous
        self._set_identity_customer(customer.id)
        self._check = CustomerCheck(
            customer_id=customer.id,
            name=customer.name,
            masked_rrn=verified.rrn.masked,
            mode=mode,
            mode_reason=self._mode_reason(previous, expired),
            fee_won=fee,
            balance_won=balance,
        )
        return self._check

    def agree_terms(self, agreed: bool) -> None:
        """약관동의: all terms must be agreed."""
        self._ensure_open()
        if not agreed:
            self._terms = False
            raise TermsNotAgreed
        self._terms = True

    @property
    def customer_check(self) -> CustomerCheck | None:
        return self._check

    # --- step 4 ------------------------------------------------------------------------
    def check_medium(self, location: MediumLocation) -> None:
        """Raise ``MediumUnavailable`` / ``MediumNotWritable`` before anything is issued."""
        check_medium(location)

    def missing_steps(self) -> list[str]:
        """The steps still to do before :meth:`issue` is allowed."""
        missing: list[str] = []
        if self._check is None:
            missing.append(msg.STEP_CUSTOMER)
        if not self._terms:
            missing.append(msg.STEP_TERMS)
        return missing + self._identity_missing()

    def issue(
        self,
        location: MediumLocation,
        password: str,
        confirm: str,
        progress: Progress | None = None,
    ) -> IssuanceResult:
        """Issue, write to ``location``, then (재발급) revoke the previous certificate.

        범용 발급 debits the fee first and refunds it if issuing fails. If the CA issued
        but the medium write failed, :class:`IssuedButNotSaved` says where the encrypted
        copy is; call :meth:`save_to` with another medium (the fee stays charged: the
        certificate exists).
        """
        self._ensure_open()
        if self._pending is not None:
            # Already issued and parked: never issue a second certificate; use save_to.
            raise IssuedButNotSaved(self._pending, recovery.load(self._pending).serial)
        missing = self.missing_steps()
        if missing:
            raise StepsIncomplete(missing)
        assert self._verified is not None
        assert self._check is not None
        if find_previous(self._ctx, self._verified.customer.id, self.kind) != self._previous:
            raise StateChanged  # e.g. the old certificate expired since step 1
        refuse_if_parked(
            self._ctx, self._verified.customer.id, self._verified.customer.name, self.kind
        )
        validate_new_password(password, confirm)
        check_medium(location)
        verified = self._verified
        holder = Holder(verified.customer.id, verified.customer.name, verified.rrn.digits)
        previous = self._previous

        def recheck() -> None:
            # Now that this job holds the customer's kind, nothing else can change it.
            if find_previous(self._ctx, holder.customer_id, self.kind) != previous:
                raise StateChanged

        try:
            self._result = issue_common(
                self._ctx,
                holder,
                self._plan(),
                location,
                password,
                fee_reason=(
                    msg.FEE_REASON_ISSUE
                    if self._check.mode is IssueMode.NEW
                    else msg.FEE_REASON_REISSUE
                ),
                not_after=previous.not_after if previous is not None else None,
                recheck=recheck,
                progress=progress,
            )
        except IssuedButNotSaved as exc:
            self._pending = exc.recovery_path
            raise
        return self._result

    # --- internals ---------------------------------------------------------------------
    def _plan(self) -> Completion:
        assert self._verified is not None
        assert self._check is not None
        return Completion(
            customer_id=self._verified.customer.id,
            name=self._verified.customer.name,
            kind=self.kind,
            mode=self._check.mode,
            account_number=self._verified.account_number,
            fee_won=self._check.fee_won,
            previous=self._previous,
        )

    def _mode_reason(
        self, previous: PreviousCertificate | None, expired: PreviousCertificate | None
    ) -> str:
        kind = self.kind.label
        if previous is None:
            if expired is not None:
                return msg.MODE_REISSUE_EXPIRED.format(
                    kind=kind, not_after=kst_day_text(expired.not_after)
                )
            return msg.MODE_NEW_REASON.format(kind=kind)
        day = kst_day_text(previous.not_after)
        if previous.still_valid:
            return msg.MODE_REISSUE_VALID.format(kind=kind, not_after=day)
        return msg.MODE_REISSUE_REVOKED.format(kind=kind, not_after=day)

    def _ensure_open(self) -> None:
        if self._result is not None:
            raise FlowFinished

    @property
    def result(self) -> IssuanceResult | None:
        return self._result
