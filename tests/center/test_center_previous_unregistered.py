"""등록 해제 does not revoke: a new request of the same kind replaces the still-valid
certificate instead of leaving two valid ones (review of issue 12)."""

from __future__ import annotations

from center_support import KIM, issue

from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, IssueMode
from mgcert.npki.profile import CertificateKind


def test_an_unregistered_certificate_is_replaced_not_doubled(center: CertificateCenter) -> None:
    first = issue(center, KIM, CertificateKind.UNIVERSAL)
    # The center no longer unregisters MG certificates; an older data home may hold one.
    center.bank.unregister_certificate("MGSIM", int(first.serial_hex, 16))
    assert center.bank.registration("MGSIM", int(first.serial_hex, 16)) is None
    before = center.bank.balance(KIM.account)

    second = issue(center, KIM, CertificateKind.UNIVERSAL)
    assert second.mode is IssueMode.REISSUE  # free: it replaces the valid one
    assert center.bank.balance(KIM.account) == before
    assert center.mg_ca.status(int(first.serial_hex, 16)) is CertificateStatus.REVOKED
    assert center.mg_ca.status(int(second.serial_hex, 16)) is CertificateStatus.GOOD
