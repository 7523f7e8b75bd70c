"""The root's ARL, the issuing CA certificate of an accredited CA, and lists that are
always fresh and never go back in time."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from ca_support import CA_NOW, MakeRequest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from legacy_home import make_legacy_ca

from mgcert.ca import (
    MG_CA_PROFILE,
    OTHER_CA_PROFILE,
    CertificateAuthority,
    PublishedLists,
)
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.messages import ca as msg


def _number(crl: x509.CertificateRevocationList) -> int:
    return crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number


def _verifies(crl: x509.CertificateRevocationList, signer: x509.Certificate) -> bool:
    key = signer.public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    return crl.is_signature_valid(key)


# -- the ARL and the CA certificates ----------------------------------------------------


@pytest.mark.parametrize("which", ["mg", "other"])
def test_root_publishes_an_empty_arl_for_14_days(
    which: str, mg_ca: CertificateAuthority, other_ca: CertificateAuthority
) -> None:
    ca = mg_ca if which == "mg" else other_ca
    assert ca.arl_path == ca.directory / "root.arl"
    arl = x509.load_der_x509_crl(ca.arl_path.read_bytes())
    assert arl == ca.arl()
    assert len(arl) == 0
    assert arl.issuer == ca.root_certificate.subject
    assert _verifies(arl, ca.root_certificate)
    assert not _verifies(arl, ca.issuing_certificate)
    assert arl.next_update_utc is not None
    assert arl.next_update_utc - arl.last_update_utc == timedelta(days=14)
    assert _number(arl) >= 1
    aki = arl.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    root = ca.root_certificate
    root_ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == root_ski.digest
    assert aki.authority_cert_issuer == [x509.DirectoryName(root.issuer)]
    assert aki.authority_cert_serial_number == root.serial_number


@pytest.mark.parametrize("which", ["mg", "other"])
def test_issuing_ca_certificate_is_made_like_an_accredited_cas(
    which: str, mg_ca: CertificateAuthority, other_ca: CertificateAuthority
) -> None:
    ca = mg_ca if which == "mg" else other_ca
    issuing, root = ca.issuing_certificate, ca.root_certificate
    extensions = issuing.extensions

    policies = extensions.get_extension_for_class(x509.CertificatePolicies)
    assert policies.critical
    [information] = list(policies.value)
    assert information.policy_identifier.dotted_string == "2.5.29.32.0"  # anyPolicy
    assert information.policy_qualifiers == [
        x509.UserNotice(None, msg.CA_CERT_USER_NOTICE),
        ca.urls.cps,
    ]
    assert "테스트" in msg.CA_CERT_USER_NOTICE

    constraints = extensions.get_extension_for_class(x509.PolicyConstraints)
    assert constraints.critical
    assert constraints.value.require_explicit_policy == 0
    assert constraints.value.inhibit_policy_mapping is None

    points = extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    assert [n.value for p in points for n in p.full_name or []] == [ca.urls.arl]
    access = extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
    assert [(a.access_method.dotted_string, a.access_location.value) for a in access] == [
        ("1.3.6.1.5.5.7.48.2", ca.urls.root_certificate)  # caIssuers only: the root has no OCSP
    ]

    aki = extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    root_ski = root.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    assert aki.key_identifier == root_ski.digest
    assert aki.authority_cert_issuer == [x509.DirectoryName(root.subject)]
    assert aki.authority_cert_serial_number == root.serial_number
    issuing.verify_directly_issued_by(root)


# -- fresh and monotonic ------------------------------------------------------------------


def test_stale_arl_is_republished_when_the_clock_moves_on(
    fresh_ca: CertificateAuthority, fresh_clock: Clock
) -> None:
    first = fresh_ca.arl()
    fresh_clock.advance(timedelta(days=13, hours=23))
    assert fresh_ca.arl() == first  # still current
    fresh_clock.advance(timedelta(hours=1))
    second = fresh_ca.arl()
    assert second.last_update_utc == fresh_clock.now().replace(microsecond=0)
    assert _number(second) == _number(first) + 1
    assert x509.load_der_x509_crl(fresh_ca.arl_path.read_bytes()) == second


@pytest.mark.parametrize("which", ["crl", "arl"])
def test_missing_or_damaged_list_is_republished_on_use_and_on_open(
    which: str, fresh_ca: CertificateAuthority, home: DataHome, fresh_clock: Clock
) -> None:
    path = fresh_ca.crl_path if which == "crl" else fresh_ca.arl_path
    number = _number(x509.load_der_x509_crl(path.read_bytes()))
    path.unlink()
    listed = fresh_ca.crl() if which == "crl" else fresh_ca.arl()
    assert _number(listed) == number + 1
    path.write_bytes(b"damaged")
    with CertificateAuthority.open(home.ca_dir, home.ca_db, fresh_clock, MG_CA_PROFILE):
        pass
    assert _number(x509.load_der_x509_crl(path.read_bytes())) == number + 2


def test_open_republishes_lists_past_their_next_update(
    fresh_ca: CertificateAuthority, home: DataHome
) -> None:
    crl, arl = fresh_ca.crl(), fresh_ca.arl()
    later = Clock(pinned=CA_NOW + timedelta(days=20))
    with CertificateAuthority.open(home.ca_dir, home.ca_db, later, MG_CA_PROFILE):
        pass
    for path, before in ((fresh_ca.crl_path, crl), (fresh_ca.arl_path, arl)):
        after = x509.load_der_x509_crl(path.read_bytes())
        assert after.last_update_utc == CA_NOW + timedelta(days=20)
        assert _number(after) == _number(before) + 1


def test_this_update_never_goes_back_after_a_clock_reset(
    fresh_ca: CertificateAuthority, fresh_clock: Clock, csr_der: bytes, make_request: MakeRequest
) -> None:
    serial = fresh_ca.issue(csr_der, make_request()).serial_number
    fresh_clock.advance(timedelta(days=30))
    jumped = fresh_clock.now().replace(microsecond=0)
    ahead_crl, ahead_arl = fresh_ca.crl(), fresh_ca.arl()
    assert ahead_crl.last_update_utc == ahead_arl.last_update_utc == jumped

    fresh_clock.reset()  # `clock reset`: back 30 days
    assert fresh_clock.now() < jumped
    # Nothing newer can be made: the lists published ahead stay (no churn of numbers).
    assert fresh_ca.crl() == ahead_crl
    assert fresh_ca.arl() == ahead_arl

    fresh_ca.revoke(serial, x509.ReasonFlags.key_compromise)  # republishes the CRL
    after_revoke = fresh_ca.crl()
    assert after_revoke.last_update_utc == jumped  # max(now, last thisUpdate)
    assert after_revoke.next_update_utc is not None
    assert after_revoke.next_update_utc > after_revoke.last_update_utc
    assert _number(after_revoke) == _number(ahead_crl) + 1
    entry = after_revoke.get_revoked_certificate_by_serial_number(serial)
    assert entry is not None
    assert entry.revocation_date_utc == CA_NOW  # the revocation itself is dated now

    lists = fresh_ca.republish()
    for crl, ahead in ((lists.crl, ahead_crl), (lists.arl, ahead_arl)):
        assert crl.last_update_utc == jumped
        assert crl.next_update_utc is not None
        assert crl.next_update_utc > crl.last_update_utc
        assert _number(crl) > _number(ahead)

    # Once the clock passes the lists again, they follow it.
    fresh_clock.advance(timedelta(days=40))
    assert fresh_ca.crl().last_update_utc == fresh_clock.now().replace(microsecond=0)


def test_republish_publishes_both_lists_now(
    fresh_ca: CertificateAuthority, fresh_clock: Clock
) -> None:
    crl, arl = fresh_ca.crl(), fresh_ca.arl()
    fresh_clock.advance(timedelta(minutes=5))
    lists = fresh_ca.republish()
    assert isinstance(lists, PublishedLists)
    assert (_number(lists.crl), _number(lists.arl)) == (_number(crl) + 1, _number(arl) + 1)
    assert lists.crl.last_update_utc == lists.arl.last_update_utc == fresh_clock.now()
    assert x509.load_der_x509_crl(fresh_ca.crl_path.read_bytes()) == lists.crl
    assert x509.load_der_x509_crl(fresh_ca.arl_path.read_bytes()) == lists.arl
    actions = [e.action for e in fresh_ca.audit_log()][-2:]
    assert actions == ["publish_crl", "publish_arl"]


def test_two_handles_finding_the_same_stale_list_publish_it_once(
    fresh_ca: CertificateAuthority, home: DataHome, fresh_clock: Clock
) -> None:
    other = CertificateAuthority.open(home.ca_dir, home.ca_db, fresh_clock, MG_CA_PROFILE)
    try:
        fresh_clock.advance(timedelta(days=2))
        number = _number(fresh_ca.crl())
        assert _number(other.crl()) == number
    finally:
        other.close()


def test_a_file_ahead_of_the_register_is_not_overtaken_backwards(
    fresh_ca: CertificateAuthority, fresh_clock: Clock, home: DataHome
) -> None:
    # A list written whose commit then failed: its thisUpdate is not in the register.
    fresh_clock.advance(timedelta(days=3))
    ahead = fresh_ca.republish().crl
    with sqlite3.connect(home.ca_db) as db:
        db.execute("UPDATE list_state SET this_update = NULL WHERE name = 'crl'")
    fresh_clock.reset()
    assert fresh_ca.republish().crl.last_update_utc == ahead.last_update_utc


def test_version_2_register_starts_from_its_last_published_crl(home: DataHome) -> None:
    published = datetime(2026, 11, 24, 9, 0, 0, tzinfo=CA_NOW.tzinfo)
    make_legacy_ca(home.ca_dir, home.ca_db, MG_CA_PROFILE, published, version=2)
    (home.ca_dir / "issuing.crl").unlink()  # only the register remembers it now
    earlier = Clock(pinned=published - timedelta(hours=5))
    with CertificateAuthority.open(home.ca_dir, home.ca_db, earlier, MG_CA_PROFILE) as ca:
        crl = ca.crl()
        assert crl.last_update_utc == published
        assert _number(crl) == 2


def test_other_institution_lists_are_its_own(
    mg_ca: CertificateAuthority, other_ca: CertificateAuthority
) -> None:
    assert other_ca.profile is OTHER_CA_PROFILE
    assert other_ca.arl().issuer == other_ca.root_certificate.subject
    assert _verifies(other_ca.arl(), other_ca.root_certificate)
    assert not _verifies(other_ca.arl(), mg_ca.root_certificate)
