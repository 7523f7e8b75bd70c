"""폐기 that cannot be done is said before the password (issue 14, point 5): a certificate
revoked already, or another institution's, never costs a password and a KDF wait."""

from __future__ import annotations

import pytest
from center_support import demo_entry, harddisk

from mgcert.center import CertificateCenter, EntryStatus, catalog
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.center.errors import AlreadyDiscarded, NotMgCertificate


def test_a_revoked_certificate_is_refused_before_the_password(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    center.revoke_certificate(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    revoked = demo_entry(center)
    assert revoked.status is EntryStatus.REVOKED
    assert isinstance(center.revocation_refusal(revoked), AlreadyDiscarded)

    def no_kdf(*args: object, **kwargs: object) -> object:
        raise AssertionError("the key file was opened")

    monkeypatch.setattr(catalog, "decrypt_private_key", no_kdf)
    with pytest.raises(AlreadyDiscarded, match="이미 폐기된"):
        center.revoke_certificate(revoked, "not even the right password")


def test_a_valid_mg_certificate_may_be_revoked(center: CertificateCenter) -> None:
    assert center.revocation_refusal(demo_entry(center)) is None


def test_another_institutions_certificate_is_refused_before_the_password(
    center: CertificateCenter,
) -> None:
    other = center.simulator.make_other_institution_certificate(
        1, harddisk(center), "Other-pass-2026!"
    )
    assert isinstance(center.revocation_refusal(other), NotMgCertificate)
    with pytest.raises(NotMgCertificate):
        center.revoke_certificate(other, "wrong password, never checked")
