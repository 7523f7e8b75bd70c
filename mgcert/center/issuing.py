"""The client side of issuing, shared by 발급, 재발급, 갱신, 금융인증서 and the simulator.

Order (DESIGN.md "Certificate jobs"): the key pair, randomNum and CSR are made here;
the CA only sees the CSR and the VID. Each issuance is a journaled job
(:mod:`mgcert.center.jobs`): the fee is debited for the job, the key is encrypted with
the holder's password and parked *before* the CA issues, then the pair is written to
the medium, or left parked when the medium fails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.bank import Bank
from mgcert.bank.errors import InsufficientBalance
from mgcert.ca import CertificateAuthority, IssueRequest
from mgcert.center.completion import Completion, finish_financial, finish_job
from mgcert.center.context import CenterContext
from mgcert.center.crash_points import crash_point
from mgcert.center.jobs import CertificateJob, Progress, medium_to_json, new_key, report
from mgcert.center.models import IssuanceResult, IssueStage, MediumLocation
from mgcert.center.recovery import ParkedCertificate
from mgcert.npki.keyfile import encrypt_with, private_key_info
from mgcert.npki.keyform import KeyProtection
from mgcert.npki.names import folder_name, make_cn
from mgcert.npki.profile import BANK_CODE_MG, CertificateKind

__all__ = ["Progress", "issue_common", "issue_financial", "report", "require_balance"]

# MG's CN tail (NPKI.md "CN tail"): 0 + bank code 045 + 045 + YYYYMMDD, then a
# 9-digit number the CA takes from its register (unique, never wrapping).
MG_CN_HEAD = f"0{BANK_CODE_MG}045"
CN_NUMBER_DIGITS = 9


def mg_cn_request_name(name: str, issued_on: date) -> str:
    """The CN up to the CA's number: ``<name>()0045045YYYYMMDD``."""
    return make_cn(name, f"{MG_CN_HEAD}{issued_on:%Y%m%d}")


@dataclass(frozen=True)
class Holder:
    """Who the new certificate is for."""

    customer_id: int
    name: str
    rrn_digits: str


def issue_common(
    ctx: CenterContext,
    holder: Holder,
    completion: Completion,
    location: MediumLocation,
    password: str,
    *,
    fee_reason: str,
    not_after: datetime | None,
    recheck: Callable[[], None],
    progress: Progress | None,
) -> IssuanceResult:
    """One 공동인증서 job: fee, parked key, CA, medium, registration, retirement.

    ``recheck`` runs once the job holds its customer and kind (no other job can change
    them now) and raises if step 1's decisions no longer hold.
    """
    plan = {"completion": completion.to_json(), "medium": medium_to_json(location)}
    held = CertificateJob.begin(
        ctx, customer_id=holder.customer_id, name=holder.name, kind=completion.kind, plan=plan
    )
    with held:
        recheck()
        held.charge_fee(completion.account_number, completion.fee_won, fee_reason)
        key = new_key(holder.rrn_digits, progress)
        report(progress, IssueStage.ENCRYPTING)
        key_der = encrypt_with(key.private_key, password, key.random_num, ctx.key_protection)
        held.park_key(key_der)
        report(progress, IssueStage.CA_SIGNING)
        certificate = held.issue(key, _request(ctx, holder, key.vid, completion.kind, not_after))
        files = held.files(_der(certificate), completion.to_json())
        report(progress, IssueStage.WRITING)
        folder = held.store(location, files)
        return finish_job(
            ctx, held, files, folder, location, recovered_from=None, progress=progress
        )


def issue_financial(
    ctx: CenterContext,
    holder: Holder,
    completion: Completion,
    pin: str,
    *,
    recheck: Callable[[], None],
    progress: Progress | None,
) -> x509.Certificate:
    """One 금융인증서 job: the key waits in the cloud's pending slot before the CA issues."""
    held = CertificateJob.begin(
        ctx,
        customer_id=holder.customer_id,
        name=holder.name,
        kind=CertificateKind.FINANCIAL,
        plan={"completion": completion.to_json()},
    )
    with held:
        recheck()
        key = new_key(holder.rrn_digits, progress)
        report(progress, IssueStage.ENCRYPTING)
        payload = cloud_key_payload(private_key_info(key.private_key, key.random_num))
        ctx.bank.cloud_park(holder.customer_id, pin, payload, held.id)
        crash_point("key_parked")
        report(progress, IssueStage.CA_SIGNING)
        certificate = held.issue(
            key, _request(ctx, holder, key.vid, CertificateKind.FINANCIAL, None)
        )
        report(progress, IssueStage.WRITING)
        finish_financial(ctx, held, _der(certificate))
        report(progress, IssueStage.DONE)
        return certificate


# 금융인증서 cloud payloads: MGFIN1 held the certificate and the key (before the
# journal); MGFIN2 holds only the key, the bank keeps the certificate beside it.
FINANCIAL_KEY_MAGIC = b"MGFIN2"


def cloud_key_payload(key_info_der: bytes) -> bytes:
    """``MGFIN2`` ‖ PKCS #8 key DER (with its randomNum)."""
    return FINANCIAL_KEY_MAGIC + key_info_der


def _request(
    ctx: CenterContext,
    holder: Holder,
    vid: bytes,
    kind: CertificateKind,
    not_after: datetime | None,
) -> IssueRequest:
    return IssueRequest(
        cn=mg_cn_request_name(holder.name, ctx.clock.today_kst()),
        real_name=holder.name,
        vid=vid,
        kind=kind,
        not_after=not_after,
        cn_number_digits=CN_NUMBER_DIGITS,
    )


def _der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)


# --- certificates made without a bank customer's request (demo, other institution) ---
@dataclass(frozen=True)
class IssuedCertificate:
    """A certificate fresh from a CA with its (still unencrypted, in-memory) key."""

    certificate: x509.Certificate
    private_key: rsa.RSAPrivateKey
    random_num: bytes
    ca_org: str

    @property
    def serial(self) -> int:
        return self.certificate.serial_number


def issue_direct(
    ca: CertificateAuthority,
    *,
    real_name: str,
    rrn_digits: str,
    cn_head: str,
    kind: CertificateKind,
    not_after: datetime | None,
) -> IssuedCertificate:
    """Issue with a numbered CN (``cn_head`` + the CA's number), no job (simulator use)."""
    key = new_key(rrn_digits)
    request = IssueRequest(
        cn=make_cn(real_name, cn_head),
        real_name=real_name,
        vid=key.vid,
        kind=kind,
        not_after=not_after,
        cn_number_digits=CN_NUMBER_DIGITS,
    )
    certificate = ca.issue(key.csr_der, request)
    return IssuedCertificate(certificate, key.private_key, key.random_num, ca.profile.org)


def encrypt_for_medium(
    issued: IssuedCertificate, password: str, protection: KeyProtection
) -> ParkedCertificate:
    """The two NPKI files' contents: the certificate and the encrypted signPri.key."""
    return ParkedCertificate(
        serial=issued.serial,
        ca_org=issued.ca_org,
        folder_name=folder_name(issued.certificate.subject),
        cert_der=_der(issued.certificate),
        key_der=encrypt_with(issued.private_key, password, issued.random_num, protection),
    )


def require_balance(bank: Bank, account_number: str, fee_won: int) -> int:
    """The balance, or :class:`InsufficientBalance` when the fee cannot be paid."""
    balance = bank.balance(account_number)
    if fee_won > balance:
        raise InsufficientBalance(fee_won, balance)
    return balance
