"""Status lookup, revocation, the CRL and the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from ca_support import MakeRequest, OpenCa
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import (
    AlreadyRevoked,
    CertificateAuthority,
    CertificateStatus,
    CrlPublishFailed,
    InvalidRevocationReason,
    UnknownSerial,
)
from mgcert.clock import KST, Clock
from mgcert.npki.profile import CertificateKind


def test_status_of_a_fresh_certificate_is_good(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request())
    assert mg_ca.status(certificate.serial_number) is CertificateStatus.GOOD


def test_status_of_a_serial_never_issued_is_unknown(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request())
    assert mg_ca.status(certificate.serial_number + 1) is CertificateStatus.UNKNOWN
    assert mg_ca.record(certificate.serial_number + 1) is None


def test_status_turns_expired_one_second_after_the_end(
    mg_ca: CertificateAuthority, mg_ca_at: OpenCa, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request())
    clock = Clock(pinned=datetime(2027, 11, 24, 23, 59, 59, tzinfo=KST))
    later = mg_ca_at(clock)
    assert later.status(certificate.serial_number) is CertificateStatus.GOOD
    clock.advance(timedelta(seconds=1))
    assert later.status(certificate.serial_number) is CertificateStatus.EXPIRED
    record = later.record(certificate.serial_number)
    assert record is not None
    assert record.status is CertificateStatus.EXPIRED
    # The shared CA, still at issue time, sees it as good.
    assert mg_ca.status(certificate.serial_number) is CertificateStatus.GOOD


def test_revoked_and_expired_reports_revoked(
    mg_ca: CertificateAuthority, mg_ca_at: OpenCa, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request())
    mg_ca.revoke(certificate.serial_number, x509.ReasonFlags.superseded)
    later = mg_ca_at(Clock(pinned=datetime(2030, 1, 1, tzinfo=KST)))
    assert later.status(certificate.serial_number) is CertificateStatus.REVOKED


def test_revoke_records_status_time_and_reason(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest, ca_now: datetime
) -> None:
    certificate = mg_ca.issue(csr_der, make_request(CertificateKind.UNIVERSAL))
    mg_ca.revoke(certificate.serial_number, x509.ReasonFlags.key_compromise)
    assert mg_ca.status(certificate.serial_number) is CertificateStatus.REVOKED
    record = mg_ca.record(certificate.serial_number)
    assert record is not None
    assert record.status is CertificateStatus.REVOKED
    assert record.revoked_at == ca_now
    assert record.reason is x509.ReasonFlags.key_compromise
    assert record.kind is CertificateKind.UNIVERSAL


def test_revoking_twice_is_refused(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request())
    mg_ca.revoke(certificate.serial_number, x509.ReasonFlags.cessation_of_operation)
    with pytest.raises(AlreadyRevoked):
        mg_ca.revoke(certificate.serial_number, x509.ReasonFlags.key_compromise)
    record = mg_ca.record(certificate.serial_number)
    assert record is not None
    assert record.reason is x509.ReasonFlags.cessation_of_operation


def test_revoking_an_unknown_serial_is_refused(mg_ca: CertificateAuthority) -> None:
    before = mg_ca.crl_path.read_bytes()
    with pytest.raises(UnknownSerial):
        mg_ca.revoke(12345, x509.ReasonFlags.key_compromise)
    assert mg_ca.crl_path.read_bytes() == before


def test_remove_from_crl_is_not_a_revocation_reason(
    mg_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    certificate = mg_ca.issue(csr_der, make_request())
    with pytest.raises(InvalidRevocationReason):
        mg_ca.revoke(certificate.serial_number, x509.ReasonFlags.remove_from_crl)
    assert mg_ca.status(certificate.serial_number) is CertificateStatus.GOOD


def _crl_number(crl: x509.CertificateRevocationList) -> int:
    return crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number


def test_revocation_republishes_a_signed_crl_listing_the_serial(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest, ca_now: datetime
) -> None:
    # A CA of its own: other tests open the shared CA at later times, and a CRL's
    # thisUpdate never goes back.
    certificate = fresh_ca.issue(csr_der, make_request())
    number_before = _crl_number(fresh_ca.crl())
    fresh_ca.revoke(certificate.serial_number, x509.ReasonFlags.affiliation_changed)

    crl = x509.load_der_x509_crl(fresh_ca.crl_path.read_bytes())
    issuing_key = fresh_ca.issuing_certificate.public_key()
    assert isinstance(issuing_key, rsa.RSAPublicKey)
    assert crl.is_signature_valid(issuing_key)
    assert crl.issuer == fresh_ca.issuing_certificate.subject
    assert crl.last_update_utc == ca_now
    assert crl.next_update_utc == ca_now + timedelta(days=1)
    assert _crl_number(crl) == number_before + 1
    aki = crl.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    issuer_ski = fresh_ca.issuing_certificate.extensions.get_extension_for_class(
        x509.SubjectKeyIdentifier
    ).value
    assert aki.key_identifier == issuer_ski.digest
    assert aki.authority_cert_issuer == [x509.DirectoryName(fresh_ca.root_certificate.subject)]
    assert aki.authority_cert_serial_number == fresh_ca.issuing_certificate.serial_number

    entry = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
    assert entry is not None
    assert entry.revocation_date_utc == ca_now
    reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
    assert reason is x509.ReasonFlags.affiliation_changed
    assert fresh_ca.crl() == crl  # crl() returns the published file while it is current
    assert not [p for p in fresh_ca.directory.iterdir() if p.name.endswith(".tmp")]


def test_crl_keeps_every_revocation_and_omits_unspecified_reason(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    serials = [fresh_ca.issue(csr_der, make_request()).serial_number for _ in range(3)]
    kept = fresh_ca.issue(csr_der, make_request()).serial_number
    fresh_ca.revoke(serials[0], x509.ReasonFlags.unspecified)
    fresh_ca.revoke(serials[1], x509.ReasonFlags.key_compromise)
    fresh_ca.revoke(serials[2], x509.ReasonFlags.superseded)
    crl = fresh_ca.crl()
    assert [entry.serial_number for entry in crl] == serials
    assert crl.get_revoked_certificate_by_serial_number(kept) is None
    first = crl.get_revoked_certificate_by_serial_number(serials[0])
    assert first is not None
    with pytest.raises(x509.ExtensionNotFound):
        first.extensions.get_extension_for_class(x509.CRLReason)


def test_fresh_ca_publishes_an_empty_crl(fresh_ca: CertificateAuthority) -> None:
    crl = x509.load_der_x509_crl(fresh_ca.crl_path.read_bytes())
    assert len(crl) == 0
    assert _crl_number(crl) == 1


def test_stale_crl_is_republished_when_the_clock_moves_on(
    fresh_ca: CertificateAuthority,
    fresh_clock: Clock,
    csr_der: bytes,
    make_request: MakeRequest,
) -> None:
    serial = fresh_ca.issue(csr_der, make_request()).serial_number
    fresh_ca.revoke(serial, x509.ReasonFlags.key_compromise)
    published = fresh_ca.crl()
    fresh_clock.advance(timedelta(days=1, seconds=1))
    current = fresh_ca.crl()
    assert current.last_update_utc == fresh_clock.now().replace(microsecond=0)
    assert _crl_number(current) == _crl_number(published) + 1
    assert current.get_revoked_certificate_by_serial_number(serial) is not None
    assert x509.load_der_x509_crl(fresh_ca.crl_path.read_bytes()) == current


def test_failed_crl_publication_records_nothing(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    serial = fresh_ca.issue(csr_der, make_request()).serial_number
    # A folder where the CRL file should go makes the atomic rename fail.
    fresh_ca.crl_path.unlink()
    fresh_ca.crl_path.mkdir()
    with pytest.raises(CrlPublishFailed):
        fresh_ca.revoke(serial, x509.ReasonFlags.key_compromise)
    assert fresh_ca.status(serial) is CertificateStatus.GOOD
    assert [e.action for e in fresh_ca.audit_log(serial)] == ["issue"]
    fresh_ca.crl_path.rmdir()
    fresh_ca.revoke(serial, x509.ReasonFlags.key_compromise)
    assert fresh_ca.crl().get_revoked_certificate_by_serial_number(serial) is not None


def test_audit_log_has_issue_revoke_and_crl_rows(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest, ca_now: datetime
) -> None:
    serial = fresh_ca.issue(csr_der, make_request()).serial_number
    fresh_ca.revoke(serial, x509.ReasonFlags.key_compromise)
    entries = fresh_ca.audit_log()
    assert [(e.action, e.serial) for e in entries] == [
        ("publish_crl", None),  # the initial empty CRL
        ("publish_arl", None),  # and the root's empty ARL
        ("issue", serial),
        ("revoke", serial),
        ("publish_crl", None),
    ]
    assert all(e.time == ca_now for e in entries)
    assert "kind=general" in entries[2].detail
    assert "reason=keyCompromise" in entries[3].detail
    assert "entries=1" in entries[4].detail
    assert [e.action for e in fresh_ca.audit_log(serial)] == ["issue", "revoke"]
