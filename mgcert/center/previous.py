"""Finding the customer's previous MG certificate of a kind: decides 발급 vs 재발급.

Rule (DOMAIN.md "Rules"), as mgcert reads it:

* a registered MG certificate of the **same kind** that is still valid (CA status GOOD)
  → 재발급: same expiry, free, the old one is revoked (superseded) after the new one is
  written;
* a registered MG certificate of the same kind that the customer **revoked** (폐기) and
  whose validity period has not ended → also 재발급 ("After revocation, issuing again
  at the same bank counts as 재발급"): same expiry, free, nothing left to revoke;
* a certificate of the same kind whose validity period has **ended** → 재발급 too (the
  seed's own case, :func:`find_expired`): a fresh year of validity, 범용 charges the fee
  (a new year of use), nothing left to revoke;
* otherwise (the customer never held one) → 발급 (신규).

The kinds are separate product lines: holding a valid 은행/신용카드/보험용 certificate
does not make a 범용 request a 재발급 (it would dodge the 범용 fee).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509

from mgcert.bank.errors import CertificateNotRegistered
from mgcert.ca import AlreadyRevoked, CertificateStatus
from mgcert.center.context import CenterContext
from mgcert.center.jobs import LOST_REASON
from mgcert.npki.profile import CertificateKind

# Revocations that are not the holder's 폐기: replaced by 재발급/갱신, or withdrawn by the
# center because the key never reached a medium (mgcert.center.jobs.LOST_REASON).
_NOT_BY_THE_HOLDER = (x509.ReasonFlags.superseded, LOST_REASON)


@dataclass(frozen=True)
class PreviousCertificate:
    serial: int
    not_after: datetime
    still_valid: bool  # True: must be revoked (superseded) once the new one is saved


def find_previous(
    ctx: CenterContext, customer_id: int, kind: CertificateKind
) -> PreviousCertificate | None:
    """The certificate a new one of ``kind`` would replace, or ``None`` (→ 발급)."""
    org = ctx.mg_ca.profile.org
    now = ctx.clock.now()
    best: PreviousCertificate | None = None
    registered = {
        r.serial
        for r in ctx.bank.registrations(customer_id)
        if r.issuer_org == org and r.kind is kind
    }
    # A certificate the customer unregistered (등록 해제) is still valid at the CA: it
    # is replaced like a registered one, never left valid beside a new one.
    for serial in sorted(registered | set(ctx.journal.issued_serials(customer_id, kind))):
        record = ctx.mg_ca.record(serial)
        if record is None or record.not_after < now:
            continue
        if record.status is CertificateStatus.GOOD:
            candidate = PreviousCertificate(record.serial, record.not_after, still_valid=True)
        elif (
            record.status is CertificateStatus.REVOKED
            and record.reason not in _NOT_BY_THE_HOLDER
            and kind is not CertificateKind.FINANCIAL
        ):
            candidate = PreviousCertificate(record.serial, record.not_after, still_valid=False)
        else:
            continue
        if best is None or (candidate.still_valid, candidate.not_after) > (
            best.still_valid,
            best.not_after,
        ):
            best = candidate
    return best


def find_expired(
    ctx: CenterContext, customer_id: int, kind: CertificateKind
) -> PreviousCertificate | None:
    """The customer's latest MG certificate of ``kind`` whose validity has ended, if any.

    Called when :func:`find_previous` found none: the seed's table sends such a customer
    to 재발급 ("인증서의 유효기간이 만료된 경우") with a fresh year of validity, never to a
    new 발급. A certificate withdrawn because its key never reached a medium does not
    count (the customer never held it).
    """
    org = ctx.mg_ca.profile.org
    now = ctx.clock.now()
    registered = {
        r.serial
        for r in ctx.bank.registrations(customer_id)
        if r.issuer_org == org and r.kind is kind
    }
    best: PreviousCertificate | None = None
    for serial in sorted(registered | set(ctx.journal.issued_serials(customer_id, kind))):
        record = ctx.mg_ca.record(serial)
        if record is None or record.not_after >= now:
            continue
        if record.status is CertificateStatus.REVOKED and record.reason is LOST_REASON:
            continue
        if best is None or record.not_after > best.not_after:
            best = PreviousCertificate(record.serial, record.not_after, still_valid=False)
    return best


def retire(ctx: CenterContext, previous: PreviousCertificate | None) -> None:
    """After the new certificate is saved: revoke the old one (superseded) and unregister it."""
    if previous is None:
        return
    if previous.still_valid:
        # Already revoked (by the holder meanwhile, or by a killed run of this job): done.
        with contextlib.suppress(AlreadyRevoked):
            ctx.mg_ca.revoke(previous.serial, x509.ReasonFlags.superseded)
    org = ctx.mg_ca.profile.org
    # Already unregistered (by the holder meanwhile, or by a killed run of this job): done.
    with contextlib.suppress(CertificateNotRegistered):
        ctx.bank.unregister_certificate(org, previous.serial)
