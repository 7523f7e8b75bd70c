"""After 재발급 the revoked certificate leaves the medium the new one is written to, as
갱신 does (issue 13): a consumer picking "the 김민준 certificate" finds the valid one."""

from __future__ import annotations

from center_support import KIM, entry, harddisk, issue, phone

from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, IssueMode
from mgcert.npki.profile import CertificateKind


def test_reissue_removes_the_revoked_certificate_from_the_same_medium(
    center: CertificateCenter,
) -> None:
    first = issue(center, KIM, CertificateKind.GENERAL)
    second = issue(center, KIM, CertificateKind.GENERAL)
    assert second.mode is IssueMode.REISSUE
    assert second.removed_folder == first.folder
    assert not first.folder.exists()
    assert center.mg_ca.status(int(first.serial_hex, 16)) is CertificateStatus.REVOKED
    names = [e.serial_hex for e in center.list_certificates(harddisk(center)).entries]
    assert first.serial_hex not in names
    assert entry(center, second.serial_hex).stored.folder == second.folder


def test_a_copy_on_another_medium_is_left_alone(center: CertificateCenter) -> None:
    first = issue(center, KIM, CertificateKind.GENERAL)
    copied = center.copy_certificate(entry(center, first.serial_hex), phone(center))
    second = issue(center, KIM, CertificateKind.GENERAL)  # to the 하드디스크
    assert second.removed_folder == first.folder
    assert copied.stored.folder.exists()  # not the medium written to: the user's own copy


def test_a_new_issuance_removes_nothing(center: CertificateCenter) -> None:
    result = issue(center, KIM, CertificateKind.UNIVERSAL)
    assert result.mode is IssueMode.NEW
    assert result.removed_folder is None
