"""인증서 관리: statuses, details, password change, copy, delete, 폐기."""

from __future__ import annotations

import stat
from datetime import timedelta

import pytest
from center_support import (
    FAST_ITERATIONS,
    KIM,
    NEW_PASSWORD,
    PASSWORD,
    demo_entry,
    entry,
    harddisk,
    issue,
    phone,
)

from mgcert.center import (
    CertificateCenter,
    CertificateGone,
    EntryStatus,
    NotMgCertificate,
    SameMedium,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key
from mgcert.npki.password_rule import PasswordMismatch, WeakPassword
from mgcert.npki.vid import verify_vid


def test_media_include_an_unavailable_token(center: CertificateCenter) -> None:
    kinds = {m.kind.value: m.kind.available for m in center.media()}
    assert kinds == {"harddisk": True, "removable": True, "phone": True, "token": False}
    assert center.list_certificates(center.media()[-1]).entries == []


def test_statuses(center: CertificateCenter, clock: Clock) -> None:
    assert demo_entry(center).status is EntryStatus.EXPIRING
    assert demo_entry(center).status_text == "만료 임박 (20일 남음)"
    valid = entry(center, issue(center, KIM).serial_hex)
    assert (valid.status, valid.days_left, valid.registered) == (EntryStatus.VALID, 365, True)
    other = center.simulator.make_other_institution_certificate(
        KIM.customer_id, harddisk(center), PASSWORD
    )
    assert other.status is EntryStatus.UNREGISTERED
    center.revoke_certificate(valid, PASSWORD)
    assert center.refresh(valid).status is EntryStatus.REVOKED
    clock.advance(timedelta(days=21))
    expired = demo_entry(center)
    assert (expired.status, expired.days_left) == (EntryStatus.EXPIRED, -1)


def test_details(center: CertificateCenter) -> None:
    details = center.details(demo_entry(center))
    assert details.name == "박지훈"
    assert details.issuer_org == "MGSIM"
    assert details.policy_oid == "1.2.410.200005.1.1.4"
    assert details.kind_label == "은행/신용카드/보험용"
    assert details.vid_present
    assert details.public_key_bits == 2048
    assert details.signature_algorithm == "sha256WithRSAEncryption"
    assert len(details.sha256_fingerprint) == 32 * 3 - 1
    assert details.folder.name.startswith("cn=박지훈()")
    assert details.serial_hex == format(details.serial, "x")


def test_change_password_keeps_random_num(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    with pytest.raises(WrongKeyPassword):
        center.change_password(demo, "Not-the-pw1", NEW_PASSWORD, NEW_PASSWORD)
    with pytest.raises(WeakPassword):
        center.change_password(demo, DEMO_CERTIFICATE_PASSWORD, "abc", "abc")
    with pytest.raises(PasswordMismatch):
        center.change_password(demo, DEMO_CERTIFICATE_PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x")
    before = decrypt_private_key(storage.read_key_file(demo.stored), DEMO_CERTIFICATE_PASSWORD)
    center.change_password(demo, DEMO_CERTIFICATE_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    with pytest.raises(WrongKeyPassword):
        decrypt_private_key(storage.read_key_file(demo.stored), DEMO_CERTIFICATE_PASSWORD)
    after = decrypt_private_key(storage.read_key_file(demo.stored), NEW_PASSWORD)
    assert after.random_num == before.random_num
    assert after.random_num is not None
    assert verify_vid(demo.stored.certificate, "7805121000008", after.random_num)
    assert stat.S_IMODE(demo.stored.key_path.stat().st_mode) == 0o600


def test_copy_and_delete(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    with pytest.raises(SameMedium):
        center.copy_certificate(demo, harddisk(center))
    copied = center.copy_certificate(demo, phone(center))
    assert copied.location.kind.value == "phone"
    assert copied.serial == demo.serial
    decrypt_private_key(storage.read_key_file(copied.stored), DEMO_CERTIFICATE_PASSWORD)
    center.delete_certificate(copied)
    assert center.list_certificates(phone(center)).entries == []
    with pytest.raises(CertificateGone):
        center.delete_certificate(copied)


def test_revoke_lists_serial_in_crl_and_needs_password(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    with pytest.raises(WrongKeyPassword):
        center.revoke_certificate(demo, "Wrong-pass1")
    result = center.revoke_certificate(demo, DEMO_CERTIFICATE_PASSWORD)
    assert result.crl_lists_serial
    assert result.serial == demo.serial


def test_only_mg_certificates_are_revoked_here(center: CertificateCenter) -> None:
    other = center.simulator.make_other_institution_certificate(
        KIM.customer_id, harddisk(center), PASSWORD
    )
    with pytest.raises(NotMgCertificate):
        center.revoke_certificate(other, PASSWORD)


def test_demo_certificate_is_created_once(
    center: CertificateCenter, home: DataHome, clock: Clock
) -> None:
    assert demo_entry(center).days_left == 20
    with CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS) as again:
        assert len(again.list_certificates(harddisk(again)).entries) == 1
        assert len(again.bank.registrations(3)) == 1
