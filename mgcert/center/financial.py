"""금융인증서 발급/재발급: a 3-year MG certificate kept in the bank's cloud, opened by PIN.

Steps: :meth:`FinancialFlow.enter_customer` → :meth:`agree_terms` → ARS or SMS →
보안카드 or OTP → :meth:`issue` with the 6-digit PIN typed twice. The key pair is made
here like for a 공동인증서; the cloud payload is the certificate plus the PKCS #8 key
(with its randomNum), which the bank stores encrypted under the PIN. A valid earlier
금융인증서 makes this a 재발급: the new one replaces it in the cloud and the old one is
revoked (superseded).
"""

from __future__ import annotations

import struct

from cryptography import x509
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_der_private_key,
)

from mgcert.bank import Bank
from mgcert.bank.cloud import check_new_pin
from mgcert.center.catalog import Catalog
from mgcert.center.certinfo import holder, kst_day_text
from mgcert.center.completion import Completion
from mgcert.center.context import CenterContext
from mgcert.center.errors import (
    FinancialCertificateDamaged,
    FlowFinished,
    PinMismatch,
    StateChanged,
    StepsIncomplete,
    TermsNotAgreed,
)
from mgcert.center.identity import IdentitySteps
from mgcert.center.issuance import VerifiedCustomer, verify_customer
from mgcert.center.issuing import FINANCIAL_KEY_MAGIC, Holder, Progress, issue_financial
from mgcert.center.jobs import refuse_if_parked
from mgcert.center.models import (
    CustomerCheck,
    FinancialCertificate,
    FinancialResult,
    IssueMode,
)
from mgcert.center.previous import PreviousCertificate, find_previous
from mgcert.messages import center as msg
from mgcert.npki.profile import CertificateKind

_PAYLOAD_MAGIC = b"MGFIN1"


def cloud_payload(cert_der: bytes, key_info_der: bytes) -> bytes:
    """``MGFIN1`` ‖ len(cert) (4 bytes, big-endian) ‖ cert DER ‖ PKCS #8 key DER."""
    return _PAYLOAD_MAGIC + struct.pack(">I", len(cert_der)) + cert_der + key_info_der


def open_cloud_pair(bank: Bank, customer_id: int, pin: str) -> tuple[bytes, bytes]:
    """(certificate DER, PKCS #8 key DER) of the customer's cloud 금융인증서.

    Rows stored since the journal hold only the key (``MGFIN2``; the bank keeps the
    certificate beside it); older rows hold both (``MGFIN1``). The bank's PIN errors
    pass through; a payload of neither form is ``ValueError``.
    """
    payload = bank.cloud_open(customer_id, pin.strip())
    if payload.startswith(FINANCIAL_KEY_MAGIC):
        cert_der = bank.cloud_certificate_der(customer_id)
        if cert_der is None:
            raise ValueError("금융인증서 without its certificate")
        return cert_der, payload[len(FINANCIAL_KEY_MAGIC) :]
    return split_cloud_payload(payload)


def split_cloud_payload(payload: bytes) -> tuple[bytes, bytes]:
    """(certificate DER, PKCS #8 key DER) from :func:`cloud_payload`'s bytes."""
    if not payload.startswith(_PAYLOAD_MAGIC) or len(payload) < len(_PAYLOAD_MAGIC) + 4:
        raise ValueError("not a 금융인증서 payload")
    offset = len(_PAYLOAD_MAGIC)
    (length,) = struct.unpack(">I", payload[offset : offset + 4])
    start = offset + 4
    return payload[start : start + length], payload[start + length :]


class FinancialFlow(IdentitySteps):
    """One customer's way through 금융인증서 발급/재발급."""

    def __init__(self, ctx: CenterContext) -> None:
        super().__init__(ctx.bank)
        self._ctx = ctx
        self._verified: VerifiedCustomer | None = None
        self._check: CustomerCheck | None = None
        self._previous: PreviousCertificate | None = None
        self._terms = False
        self._result: FinancialResult | None = None

    def enter_customer(self, rrn: str, account_number: str, account_password: str) -> CustomerCheck:
        """고객정보 입력; decides 발급 or 재발급 (free either way)."""
        self._ensure_open()
        verified = verify_customer(
            self._ctx.bank, self._ctx.clock, rrn, account_number, account_password
        )
        customer = verified.customer
        refuse_if_parked(self._ctx, customer.id, customer.name, CertificateKind.FINANCIAL)
        previous = find_previous(self._ctx, customer.id, CertificateKind.FINANCIAL)
        if previous is None:
            mode, reason = IssueMode.NEW, msg.FINANCIAL_NEW_REASON
        else:
            mode = IssueMode.REISSUE
            reason = msg.FINANCIAL_REISSUE_REASON.format(not_after=kst_day_text(previous.not_after))
        self._verified, self._previous = verified, previous
        self._set_identity_customer(customer.id)
        self._check = CustomerCheck(
            customer_id=customer.id,
            name=customer.name,
            masked_rrn=verified.rrn.masked,
            mode=mode,
            mode_reason=reason,
            fee_won=0,
            balance_won=self._ctx.bank.balance(verified.account_number),
        )
        return self._check

    def agree_terms(self, agreed: bool) -> None:
        self._ensure_open()
        self._terms = agreed
        if not agreed:
            raise TermsNotAgreed

    @property
    def customer_check(self) -> CustomerCheck | None:
        return self._check

    def missing_steps(self) -> list[str]:
        missing: list[str] = []
        if self._check is None:
            missing.append(msg.STEP_CUSTOMER)
        if not self._terms:
            missing.append(msg.STEP_TERMS)
        return missing + self._identity_missing()

    def issue(
        self, pin: str, pin_confirm: str, progress: Progress | None = None
    ) -> FinancialResult:
        """Issue the 금융인증서 and store it in the cloud under ``pin``."""
        self._ensure_open()
        missing = self.missing_steps()
        if missing:
            raise StepsIncomplete(missing)
        verified = self._verified
        assert verified is not None
        pin, pin_confirm = pin.strip(), pin_confirm.strip()
        if pin != pin_confirm:
            raise PinMismatch
        check_new_pin(pin)  # InvalidPinFormat / TrivialPin, before anything starts
        customer = verified.customer
        previous = self._previous

        def recheck() -> None:
            if find_previous(self._ctx, customer.id, CertificateKind.FINANCIAL) != previous:
                raise StateChanged

        cert = issue_financial(
            self._ctx,
            Holder(customer.id, customer.name, verified.rrn.digits),
            self._plan(),
            pin,
            recheck=recheck,
            progress=progress,
        )
        self._result = FinancialResult(
            name=customer.name,
            not_after=cert.not_valid_after_utc,
            serial_hex=format(cert.serial_number, "x"),
            mode=self._check.mode if self._check else IssueMode.NEW,
            replaced_serial_hex=(
                format(self._previous.serial, "x") if self._previous is not None else None
            ),
        )
        return self._result

    def _plan(self) -> Completion:
        verified, check = self._verified, self._check
        assert verified is not None
        assert check is not None
        return Completion(
            customer_id=verified.customer.id,
            name=verified.customer.name,
            kind=CertificateKind.FINANCIAL,
            mode=check.mode,
            account_number=verified.account_number,
            fee_won=0,
            previous=self._previous,
        )

    @property
    def result(self) -> FinancialResult | None:
        return self._result

    def _ensure_open(self) -> None:
        if self._result is not None:
            raise FlowFinished


def open_financial(
    ctx: CenterContext, catalog: Catalog, customer_id: int, pin: str
) -> FinancialCertificate:
    """Open the cloud 금융인증서 with its PIN (the bank counts wrong PINs and locks).

    Raises the bank's WrongPin(remaining) / PinLocked / NoCloudCertificate /
    InvalidPinFormat. The key is checked against the certificate, then dropped.
    """
    try:
        cert_der, key_der = open_cloud_pair(ctx.bank, customer_id, pin)
        cert = x509.load_der_x509_certificate(cert_der)
        key = load_der_private_key(key_der, None)
    except ValueError as exc:
        raise FinancialCertificateDamaged from exc
    spki = (Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    if key.public_key().public_bytes(*spki) != cert.public_key().public_bytes(*spki):
        raise FinancialCertificateDamaged
    status, left, registered = catalog.status_of(cert)
    return FinancialCertificate(
        name=holder(cert),
        issuer=ctx.mg_ca.profile.issuing_cn,
        serial_hex=format(cert.serial_number, "x"),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        status=status,
        days_left=left,
        registered=registered,
    )
