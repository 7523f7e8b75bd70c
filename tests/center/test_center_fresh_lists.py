"""Every open of the center republishes a revocation list past its nextUpdate (issue 13),
so a strict validator reading the published file never sees an expired CRL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from center_support import FAST_ITERATIONS, copy_template
from cryptography import x509

from mgcert.center import CertificateCenter
from mgcert.clock import Clock
from mgcert.home import DataHome


def test_opening_after_time_travel_republishes_stale_lists(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    clock.advance(timedelta(days=3))  # past the one-day nextUpdate
    CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS).close()
    for path in (home.ca_dir / "issuing.crl", home.other_ca_dir / "issuing.crl"):
        crl = x509.load_der_x509_crl(path.read_bytes())
        assert crl.next_update_utc is not None
        assert crl.last_update_utc <= clock.now() < crl.next_update_utc, path
