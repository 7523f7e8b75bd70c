"""Always fresh: lists past their nextUpdate at the simulated time are republished
before they are served; revocations show at once; the CLI's clock follows clock.json."""

from __future__ import annotations

import io
from datetime import timedelta

from cryptography import x509
from cryptography.x509 import ocsp
from pki_support import PkiHome, http, ocsp_request, post_ocsp, verify_response

from mgcert.ca import MG_CA_PROFILE, CertificateAuthority
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.pki import PkiServer
from mgcert.pki.live_clock import FollowingClock


def _crl(port: int, name: str) -> x509.CertificateRevocationList:
    reply = http(port, "GET", f"/mgsim/{name}")
    assert reply.status == 200
    return x509.load_der_x509_crl(reply.body)


def test_a_stale_crl_and_arl_are_republished_before_they_are_served(
    home_copy: DataHome,
) -> None:
    clock = Clock(state_file=home_copy.clock_file)
    with PkiServer(home_copy, clock, log=None) as server:
        before = _crl(server.port, "issuing.crl")
        arl_before = _crl(server.port, "root.arl")
        clock.advance(timedelta(days=20))  # past the CRL's 1 day and the ARL's 14
        now = clock.now()
        for name, old in (("issuing.crl", before), ("root.arl", arl_before)):
            fresh = _crl(server.port, name)
            assert fresh.next_update_utc is not None
            assert fresh.last_update_utc <= now < fresh.next_update_utc
            assert fresh.last_update_utc > old.last_update_utc
            number = fresh.extensions.get_extension_for_class(x509.CRLNumber).value
            old_number = old.extensions.get_extension_for_class(x509.CRLNumber).value
            assert number.crl_number > old_number.crl_number
        # A fresh list is served as it is (no new number per request).
        again = _crl(server.port, "issuing.crl")
        assert again.last_update_utc == fresh.last_update_utc or name != "issuing.crl"


def test_a_revocation_shows_at_once_in_ocsp_and_crl(home_copy: DataHome, pki_home: PkiHome) -> None:
    clock = Clock(state_file=home_copy.clock_file)
    request = ocsp_request(pki_home.good, pki_home.issuing_ca)
    with PkiServer(home_copy, clock, log=None) as server:
        first = ocsp.load_der_ocsp_response(post_ocsp(server.port, "/mgsim/ocsp", request).body)
        assert first.certificate_status is ocsp.OCSPCertStatus.GOOD
        with CertificateAuthority.open(
            home_copy.ca_dir, home_copy.ca_db, clock, MG_CA_PROFILE, create=False
        ) as ca:  # another handle, as another process would revoke
            ca.revoke(pki_home.good.serial_number, x509.ReasonFlags.key_compromise)
        after = ocsp.load_der_ocsp_response(post_ocsp(server.port, "/mgsim/ocsp", request).body)
        verify_response(after, pki_home.issuing_ca)
        assert after.certificate_status is ocsp.OCSPCertStatus.REVOKED
        assert after.revocation_reason is x509.ReasonFlags.key_compromise
        crl = _crl(server.port, "issuing.crl")
        assert crl.get_revoked_certificate_by_serial_number(pki_home.good.serial_number)


def test_ocsp_times_follow_the_simulated_clock(home_copy: DataHome, pki_home: PkiHome) -> None:
    clock = Clock(state_file=home_copy.clock_file)
    request = ocsp_request(pki_home.good, pki_home.issuing_ca)
    with PkiServer(home_copy, clock, log=io.StringIO()) as server:
        clock.advance(timedelta(days=100))  # past the responder's 30 days: renewed
        response = ocsp.load_der_ocsp_response(post_ocsp(server.port, "/mgsim/ocsp", request).body)
        responder = verify_response(response, pki_home.issuing_ca)
        now = clock.now()
        assert response.this_update_utc <= now
        assert now - response.this_update_utc < timedelta(minutes=1)
        assert responder.not_valid_before_utc <= now < responder.not_valid_after_utc


def test_following_clock_sees_another_process_move_the_clock(home_copy: DataHome) -> None:
    following = FollowingClock(state_file=home_copy.clock_file)
    other = Clock(state_file=home_copy.clock_file)  # e.g. `mgcert clock advance`
    start = following.now()
    other.advance(timedelta(days=3))
    assert following.now() - start >= timedelta(days=3)
    other.reset()
    assert following.now() - start < timedelta(days=1)
    assert following.offset == timedelta(0)
