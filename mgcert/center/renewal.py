"""인증서 갱신: a currently valid MG 공동인증서, from 30 days before expiry to the expiry day.

Days are KST calendar days: a certificate expiring on D can be renewed from D − 30
(00:00 KST) until D 23:59:59 KST. 31 days before → :class:`RenewalTooEarly` (says
from which date); after expiry → :class:`RenewalExpired` (use 발급). The new
certificate has a new key pair, runs until the old expiry day + 1 year, costs the 범용
fee again, and replaces the old files on the same medium: the new folder is written
first (its CN carries today's date, so the folder usually differs), then the old folder
is removed, then the old certificate is revoked as superseded. A crash in between
leaves both folders, never neither.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509

from mgcert.center import recovery, rules
from mgcert.center.catalog import Catalog, open_key
from mgcert.center.certinfo import expiry_day, kind_of, renewed_not_after
from mgcert.center.completion import Completion, SavesParkedCertificate
from mgcert.center.context import CenterContext
from mgcert.center.errors import (
    CenterError,
    FlowFinished,
    IssuedButNotSaved,
    NotRenewable,
    RenewalExpired,
    RenewalTooEarly,
    StateChanged,
    StepsIncomplete,
    VidMismatch,
)
from mgcert.center.identity import IdentitySteps
from mgcert.center.issuing import Holder, Progress, issue_common, require_balance
from mgcert.center.jobs import refuse_if_parked
from mgcert.center.media import check_medium
from mgcert.center.models import (
    CertificateEntry,
    IssuanceResult,
    IssueMode,
    RenewalCheck,
    RenewalWindow,
)
from mgcert.center.previous import PreviousCertificate
from mgcert.messages import center as msg
from mgcert.npki.password_rule import validate_new_password
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import verify_vid

# The rule's number lives in mgcert.center.rules (read at call time).


def renewal_window(not_after: datetime) -> RenewalWindow:
    """The KST dates between which a certificate ending at ``not_after`` can be renewed."""
    last = expiry_day(not_after)
    return RenewalWindow(opens_on=last - timedelta(days=rules.RENEWAL_WINDOW_DAYS), closes_on=last)


class RenewalFlow(SavesParkedCertificate, IdentitySteps):
    """One customer's way through 갱신: select + password, identity steps, renew."""

    def __init__(self, ctx: CenterContext, catalog: Catalog) -> None:
        super().__init__(ctx.bank)
        self._ctx = ctx
        self._catalog = catalog
        self._entry: CertificateEntry | None = None
        self._password: str | None = None
        self._check: RenewalCheck | None = None
        self._kind = CertificateKind.GENERAL
        self._account: str | None = None
        self._rrn = ""
        self._pending: Path | None = None
        self._result: IssuanceResult | None = None

    def _first_step_name(self) -> str:
        return msg.STEP_CERTIFICATE

    def select(self, entry: CertificateEntry, password: str) -> RenewalCheck:
        """Prove the password and check the rules; returns the new expiry and the fee."""
        self._ensure_open()
        entry = self._catalog.refresh(entry)
        decrypted = open_key(entry, password)
        cert = entry.stored.certificate
        refusal = self._rules_refusal(cert)
        if refusal is not None:
            raise refusal
        kind = kind_of(cert)
        assert kind is not None  # _rules_refusal refuses a certificate of no kind
        not_after = cert.not_valid_after_utc
        org = self._ctx.mg_ca.profile.org
        registration = self._ctx.bank.registration(org, cert.serial_number)
        assert registration is not None  # refused above when unregistered
        customer = self._ctx.bank.customer(registration.customer_id)
        refuse_if_parked(self._ctx, customer.id, customer.name, kind)
        if decrypted.random_num is None or not verify_vid(cert, customer.rrn, decrypted.random_num):
            raise VidMismatch
        account = registration.account_number or _first_account(self._ctx, customer.id)
        fee = kind.fee_won
        if fee:
            require_balance(self._ctx.bank, account, fee)
        self._entry, self._password, self._kind = entry, password, kind
        self._account, self._rrn = account, customer.rrn
        self._set_identity_customer(customer.id)
        self._check = RenewalCheck(
            old_not_after=not_after,
            new_not_after=renewed_not_after(not_after),
            fee_won=fee,
            customer_id=customer.id,
            name=customer.name,
        )
        return self._check

    def refusal(self, entry: CertificateEntry) -> CenterError | None:
        """Why 갱신 of ``entry`` is impossible, known from the listing before any
        password (another CA's, 법인, revoked, too early, expired, unregistered); None
        when only the password and the customer checks remain."""
        entry = self._catalog.refresh(entry)
        return self._rules_refusal(entry.stored.certificate)

    def _rules_refusal(self, cert: x509.Certificate) -> CenterError | None:
        if not self._catalog.is_mg(cert):
            return NotRenewable(msg.NOT_RENEWABLE_OTHER_CA)
        kind = kind_of(cert)
        if kind is CertificateKind.CORPORATE:
            return NotRenewable(msg.NOT_RENEWABLE_CORPORATE)
        if kind is None or kind is CertificateKind.FINANCIAL:
            return NotRenewable(msg.NOT_RENEWABLE_FINANCIAL)
        if self._catalog.is_revoked(cert):
            return NotRenewable(msg.NOT_RENEWABLE_REVOKED)
        not_after = cert.not_valid_after_utc
        if self._ctx.clock.now() > not_after:
            return RenewalExpired(not_after)
        window = renewal_window(not_after)
        if self._ctx.clock.today_kst() < window.opens_on:
            return RenewalTooEarly(window.opens_on, window.closes_on)
        org = self._ctx.mg_ca.profile.org
        if self._ctx.bank.registration(org, cert.serial_number) is None:
            return NotRenewable(msg.NOT_RENEWABLE_UNREGISTERED)
        return None

    def missing_steps(self) -> list[str]:
        missing = [] if self._check is not None else [msg.STEP_CERTIFICATE]
        return missing + self._identity_missing()

    def renew(
        self,
        new_password: str | None = None,
        confirm: str | None = None,
        progress: Progress | None = None,
    ) -> IssuanceResult:
        """Issue the renewed certificate onto the same medium (``None``: keep the password)."""
        self._ensure_open()
        if self._pending is not None:
            # Already issued and parked: never issue a second certificate; use save_to.
            raise IssuedButNotSaved(self._pending, recovery.load(self._pending).serial)
        missing = self.missing_steps()
        if missing:
            raise StepsIncomplete(missing)
        entry, check = self._entry, self._check
        assert entry is not None
        assert check is not None
        assert self._password is not None
        now = self._ctx.clock.now()
        if now > check.old_not_after or self._catalog.is_revoked(entry.stored.certificate):
            raise StateChanged  # expired or revoked since select()
        if new_password is None:
            password = self._password
        else:
            password = validate_new_password(new_password, confirm or "")
        check_medium(entry.location)
        customer = self._ctx.bank.customer(check.customer_id)
        holder = Holder(customer.id, customer.name, self._rrn)
        catalog, old = self._catalog, entry.stored.certificate

        def recheck() -> None:
            if self._ctx.clock.now() > check.old_not_after or catalog.is_revoked(old):
                raise StateChanged

        try:
            self._result = issue_common(
                self._ctx,
                holder,
                self._plan(),
                entry.location,
                password,
                fee_reason=msg.FEE_REASON_RENEW,
                not_after=check.new_not_after,
                recheck=recheck,
                progress=progress,
            )
        except IssuedButNotSaved as exc:
            self._pending = exc.recovery_path
            raise
        return self._result

    @property
    def renewal_check(self) -> RenewalCheck | None:
        return self._check

    def _plan(self) -> Completion:
        entry, check = self._entry, self._check
        assert entry is not None
        assert check is not None
        return Completion(
            customer_id=check.customer_id,
            name=check.name,
            kind=self._kind,
            mode=IssueMode.RENEWAL,
            account_number=self._account,
            fee_won=check.fee_won,
            previous=PreviousCertificate(entry.serial, entry.not_after, still_valid=True),
            replaced_folder=entry.stored.folder,
        )

    def _ensure_open(self) -> None:
        if self._result is not None:
            raise FlowFinished

    @property
    def result(self) -> IssuanceResult | None:
        return self._result


def _first_account(ctx: CenterContext, customer_id: int) -> str:
    accounts = ctx.bank.accounts(customer_id)
    return accounts[0].number
