"""Creating and reopening a CA: published files, key protection, CA certificates."""

from __future__ import annotations

import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import (
    MG_CA_PROFILE,
    OTHER_CA_PROFILE,
    CaProfile,
    CaStateDamaged,
    CertificateAuthority,
)
from mgcert.clock import Clock
from mgcert.home import DataHome


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_first_open_publishes_root_issuing_and_crl(mg_ca: CertificateAuthority) -> None:
    directory = mg_ca.directory
    assert mg_ca.root_path == directory / "root.der"
    assert mg_ca.issuing_path == directory / "issuing.der"
    assert mg_ca.crl_path == directory / "issuing.crl"
    root = x509.load_der_x509_certificate(mg_ca.root_path.read_bytes())
    issuing = x509.load_der_x509_certificate(mg_ca.issuing_path.read_bytes())
    assert root == mg_ca.root_certificate
    assert issuing == mg_ca.issuing_certificate
    x509.load_der_x509_crl(mg_ca.crl_path.read_bytes())


def test_ca_keys_are_private(mg_ca: CertificateAuthority) -> None:
    private = mg_ca.directory / "private"
    assert _mode(private) == 0o700
    keys = sorted(p.name for p in private.iterdir())
    assert keys == ["issuing.key", "root.key"]
    for key in private.iterdir():
        assert _mode(key) == 0o600


def test_names_say_test_and_simulation(mg_ca: CertificateAuthority) -> None:
    assert mg_ca.root_certificate.subject.rfc4514_string() == (
        "CN=MGSIM TEST Root CA,OU=RootCA,O=MGSIM,C=kr"
    )
    assert mg_ca.issuing_certificate.subject.rfc4514_string() == (
        "CN=MGSIM TEST Class 1,OU=AccreditedCA,O=MGSIM,C=kr"
    )
    for profile in (MG_CA_PROFILE, OTHER_CA_PROFILE):
        assert "TEST" in profile.root_cn
        assert "TEST" in profile.issuing_cn
        assert "SIM" in profile.org


def _ca_checks(certificate: x509.Certificate, path_length: int | None) -> None:
    constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    assert constraints.critical
    assert constraints.value.ca
    assert constraints.value.path_length == path_length
    usage = certificate.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical
    assert usage.value.key_cert_sign
    assert usage.value.crl_sign
    assert not usage.value.digital_signature
    key = certificate.public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    assert key.key_size >= 2048
    assert isinstance(certificate.signature_hash_algorithm, hashes.SHA256)


def test_root_is_a_self_signed_ca(mg_ca: CertificateAuthority) -> None:
    root = mg_ca.root_certificate
    assert root.issuer == root.subject
    root.verify_directly_issued_by(root)
    _ca_checks(root, None)


def test_issuing_ca_is_signed_by_the_root(mg_ca: CertificateAuthority) -> None:
    issuing = mg_ca.issuing_certificate
    issuing.verify_directly_issued_by(mg_ca.root_certificate)
    _ca_checks(issuing, 0)
    aki = issuing.extensions.get_extension_for_class(x509.AuthorityKeyIdentifier).value
    root_ski = mg_ca.root_certificate.extensions.get_extension_for_class(
        x509.SubjectKeyIdentifier
    ).value
    assert aki.key_identifier == root_ski.digest


def test_ca_is_valid_now_and_long_after(mg_ca: CertificateAuthority, ca_now: datetime) -> None:
    for certificate in (mg_ca.root_certificate, mg_ca.issuing_certificate):
        assert certificate.not_valid_before_utc < ca_now
        assert certificate.not_valid_after_utc.year >= ca_now.year + 20


def test_reopening_loads_the_same_ca(
    fresh_ca: CertificateAuthority, home: DataHome, fresh_clock: Clock
) -> None:
    root_before = fresh_ca.root_path.read_bytes()
    key_before = (fresh_ca.directory / "private" / "issuing.key").read_bytes()
    with CertificateAuthority.open(home.ca_dir, home.ca_db, fresh_clock, MG_CA_PROFILE) as again:
        assert again.root_certificate == fresh_ca.root_certificate
        assert again.issuing_certificate == fresh_ca.issuing_certificate
    assert fresh_ca.root_path.read_bytes() == root_before
    assert (fresh_ca.directory / "private" / "issuing.key").read_bytes() == key_before


def test_register_is_sqlite_in_wal_mode_with_a_unique_serial_index(
    mg_ca: CertificateAuthority, ca_home: DataHome
) -> None:
    with sqlite3.connect(ca_home.ca_db) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        assert {"certificates", "audit_log"} <= tables
        plan = " ".join(
            str(row[-1])
            for row in db.execute(
                "EXPLAIN QUERY PLAN SELECT * FROM certificates WHERE serial = ?", ("ab",)
            )
        )
        assert "USING INDEX" in plan  # a lookup never scans the table
        insert = (
            "INSERT INTO certificates (serial, cn, kind, not_before, not_after, der)"
            " VALUES ('dup', 'x', 'general', 'a', 'b', x'00')"
        )
        db.execute(insert)
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(insert)
        db.rollback()


def test_opening_another_cas_folder_is_refused(
    fresh_ca: CertificateAuthority, home: DataHome, fresh_clock: Clock
) -> None:
    with pytest.raises(CaStateDamaged):
        CertificateAuthority.open(home.ca_dir, home.other_ca_db, fresh_clock, OTHER_CA_PROFILE)


def test_damaged_key_file_is_reported(
    fresh_ca: CertificateAuthority, home: DataHome, fresh_clock: Clock
) -> None:
    (home.ca_dir / "private" / "issuing.key").write_bytes(b"not a key")
    with pytest.raises(CaStateDamaged) as error:
        CertificateAuthority.open(home.ca_dir, home.ca_db, fresh_clock, MG_CA_PROFILE)
    assert "issuing.key" in str(error.value)


def test_unfinished_creation_is_redone(home: DataHome, fresh_clock: Clock) -> None:
    # A crash before issuing.der was written leaves keys without a complete CA.
    private = home.ca_dir / "private"
    private.mkdir(parents=True)
    (private / "root.key").write_bytes(b"half-written")
    with CertificateAuthority.open(home.ca_dir, home.ca_db, fresh_clock, MG_CA_PROFILE) as ca:
        ca.issuing_certificate.verify_directly_issued_by(ca.root_certificate)
    assert (private / "root.key").read_bytes().startswith(b"-----BEGIN PRIVATE KEY-----")


def test_missing_crl_is_republished_on_open(
    fresh_ca: CertificateAuthority, home: DataHome, fresh_clock: Clock
) -> None:
    fresh_ca.crl_path.unlink()
    with CertificateAuthority.open(home.ca_dir, home.ca_db, fresh_clock, MG_CA_PROFILE):
        pass
    x509.load_der_x509_crl(fresh_ca.crl_path.read_bytes())


@pytest.mark.parametrize(
    "url", ["http://crl.example.com/a.crl", "ldap://mgsim.invalid.example.org/x", "nonsense"]
)
def test_profile_uris_must_be_unresolvable(url: str) -> None:
    with pytest.raises(ValueError, match="invalid"):
        CaProfile(
            org="MGSIM",
            root_cn="MGSIM TEST Root CA",
            issuing_cn="MGSIM TEST Class 1",
            crl_url=url,
            ocsp_url="http://ocsp.mgsim.invalid/",
            cps_url="http://www.mgsim.invalid/cps.html",
        )
