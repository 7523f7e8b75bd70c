"""인증서 로그인 확인: each bank-side check can fail on its own."""

from __future__ import annotations

from datetime import timedelta

import pytest
from center_support import KIM, PASSWORD, demo_entry, harddisk

from mgcert.center import CertificateCenter, LoginReport
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.clock import Clock
from mgcert.messages import center as msg
from mgcert.npki.keyfile import WrongKeyPassword


def _failed(report: LoginReport) -> list[str]:
    return [check.name for check in report.checks if not check.passed]


def test_valid_registered_certificate_logs_in(center: CertificateCenter) -> None:
    report = center.login_check(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    assert report.ok
    assert [c.name for c in report.checks] == [
        msg.CHECK_SIGNATURE,
        msg.CHECK_CHAIN,
        msg.CHECK_VALIDITY,
        msg.CHECK_REVOCATION,
        msg.CHECK_REGISTRATION,
    ]
    assert report.summary == msg.LOGIN_OK


def test_wrong_password_cannot_sign(center: CertificateCenter) -> None:
    with pytest.raises(WrongKeyPassword):
        center.login_check(demo_entry(center), "Wrong-pass1")


def test_revoked(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    center.revoke_certificate(demo, DEMO_CERTIFICATE_PASSWORD)
    report = center.login_check(demo, DEMO_CERTIFICATE_PASSWORD)
    assert _failed(report) == [msg.CHECK_REVOCATION]
    assert msg.CHECK_REVOCATION in report.summary


def test_expired(center: CertificateCenter, clock: Clock) -> None:
    clock.advance(timedelta(days=21))
    report = center.login_check(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    assert _failed(report) == [msg.CHECK_VALIDITY]


def test_unregistered_mg_certificate_is_never_sent_to_other_institution_registration(
    center: CertificateCenter,
) -> None:
    demo = demo_entry(center)
    # The center refuses to unregister MG's own certificates; the bank's register may
    # still lack one (e.g. an older data home), so take it out there.
    center.bank.unregister_certificate(demo.issuer_org, demo.serial)
    report = center.login_check(center.refresh(demo), DEMO_CERTIFICATE_PASSWORD)
    assert _failed(report) == [msg.CHECK_REGISTRATION]
    (registration,) = [c for c in report.checks if c.name == msg.CHECK_REGISTRATION]
    assert "타기관" not in registration.detail
    assert registration.detail == msg.DETAIL_MG_UNREGISTERED


def test_other_institution_certificate_unregistered(center: CertificateCenter) -> None:
    other = center.simulator.make_other_institution_certificate(
        KIM.customer_id, harddisk(center), PASSWORD
    )
    report = center.login_check(other, PASSWORD)
    assert _failed(report) == [msg.CHECK_REGISTRATION]
    (registration,) = [c for c in report.checks if c.name == msg.CHECK_REGISTRATION]
    assert registration.detail == msg.DETAIL_UNREGISTERED


def test_bad_signature_is_reported(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    report = center.verify_login(demo.stored.certificate, b"challenge", b"\x00" * 256)
    assert _failed(report) == [msg.CHECK_SIGNATURE]
