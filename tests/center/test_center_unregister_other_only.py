"""타기관 인증서 해제 unregisters only other institutions' certificates (issue 14, point 4)."""

from __future__ import annotations

import pytest
from center_support import KIM, PASSWORD, entry, issue

from mgcert.center import CertificateCenter, NotOtherInstitutionCertificate
from mgcert.messages import center as msg


def test_an_mg_certificate_is_not_unregistered(center: CertificateCenter) -> None:
    first = issue(center, KIM)
    mine = entry(center, first.serial_hex)
    with pytest.raises(NotOtherInstitutionCertificate):
        center.unregister(mine, PASSWORD)
    assert center.bank.registration("MGSIM", int(first.serial_hex, 16)) is not None
    report = center.login_check(center.refresh(mine), PASSWORD)
    assert report.ok
    assert all("타기관" not in check.detail for check in report.checks)


def test_the_refusal_names_what_to_do_instead(center: CertificateCenter) -> None:
    first = issue(center, KIM)
    with pytest.raises(NotOtherInstitutionCertificate) as refused:
        center.unregister(entry(center, first.serial_hex), "wrong password ignored")
    assert str(refused.value) == msg.NOT_OTHER_INSTITUTION
    assert "폐기" in str(refused.value)
