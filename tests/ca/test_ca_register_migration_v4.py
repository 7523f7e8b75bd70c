"""A version-3 register (before key-management certificates) migrates to version 4: its
certificates are signing certificates, the CN stays unique among signing certificates
over the same rows as before, and a KM certificate can be issued for an old one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from ca_support import CA_NOW, MakeCsr, MakeRequest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import (
    MG_CA_PROFILE,
    CertificateAuthority,
    CertificatePurpose,
    CertificateStatus,
    InvalidIssueRequest,
)
from mgcert.ca.schema import _V1, SCHEMA_VERSION, _to_v2, _to_v3
from mgcert.clock import Clock
from mgcert.messages import ca as msg

V3_COLUMNS = "serial, cn, kind, not_before, not_after, status, revoked_at, reason, der, job_id"


def _rows(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as db:
        return db.execute(f"SELECT {V3_COLUMNS} FROM certificates ORDER BY id").fetchall()  # noqa: S608


def _as_version_3(db_path: Path) -> None:
    """Rebuild ``db_path`` as mgcert's version 3 made it: two rows from before version 2
    sharing a CN (allowed then), then the CA's certificates, all with v3's columns."""
    rows = _rows(db_path)
    with sqlite3.connect(db_path) as db:
        meta = db.execute("SELECT key, value FROM meta").fetchall()
        counter = db.execute("SELECT id, last FROM cn_sequence").fetchall()
    db_path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(db_path) as db:
        for statement in _V1:
            db.execute(statement)
        der = rows[0][8]
        for serial in ("1001", "1002"):  # the old per-day counter wrapped: one CN twice
            db.execute(
                "INSERT INTO certificates (serial, cn, kind, not_before, not_after, der)"
                " VALUES (?, '옛사람()0045', 'general', ?, ?, ?)",
                (serial, rows[0][3], rows[0][4], der),
            )
        db.execute("INSERT INTO crl_state (id, number) VALUES (1, 1)")
        _to_v2(db)
        db.execute("DELETE FROM meta")
        db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta)
        db.executemany("INSERT INTO cn_sequence (id, last) VALUES (?, ?)", counter)
        db.executemany(
            f"INSERT INTO certificates ({V3_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",  # noqa: S608
            rows,
        )
        _to_v3(db)
        db.execute("PRAGMA user_version = 3")


@pytest.fixture
def migrated(
    tmp_path: Path, csr_der: bytes, make_request: MakeRequest
) -> tuple[Path, list[x509.Certificate]]:
    ca_dir, db_path = tmp_path / "ca", tmp_path / "ca.db"
    with CertificateAuthority.open(ca_dir, db_path, Clock(pinned=CA_NOW), MG_CA_PROFILE) as ca:
        issued = [ca.issue(csr_der, make_request()) for _ in range(2)]
        ca.revoke(issued[1].serial_number, x509.ReasonFlags.superseded)
    _as_version_3(db_path)
    with sqlite3.connect(db_path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (3,)
    return tmp_path, issued


def _open(home: Path) -> CertificateAuthority:
    return CertificateAuthority.open(
        home / "ca", home / "ca.db", Clock(pinned=CA_NOW), MG_CA_PROFILE, create=False
    )


def test_old_certificates_become_signing_certificates(
    migrated: tuple[Path, list[x509.Certificate]],
) -> None:
    home, (good, revoked) = migrated

    with _open(home) as ca:
        for certificate in (good, revoked):
            record = ca.record(certificate.serial_number)
            assert record is not None
            assert record.purpose is CertificatePurpose.SIGNING
            assert record.sign_serial is None
            assert record.der == certificate.public_bytes(serialization.Encoding.DER)
        assert ca.status(revoked.serial_number) is CertificateStatus.REVOKED
        assert ca.record(0x1001) is not None  # the rows from before version 2 stay
    with sqlite3.connect(home / "ca.db") as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,) == (4,)
        assert db.execute("SELECT DISTINCT purpose FROM certificates").fetchall() == [("signing",)]
        (index,) = db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'certificates_cn'"
        ).fetchone()
        # Unique per purpose, over the rows version 2 covered (the two old ones are not).
        assert "(cn, purpose)" in index
        assert index.endswith("WHERE id > 2")


def test_the_cn_stays_unique_among_signing_certificates(
    migrated: tuple[Path, list[x509.Certificate]], csr_der: bytes, make_request: MakeRequest
) -> None:
    home, (good, _) = migrated

    with _open(home) as ca:
        record = ca.record(good.serial_number)
        assert record is not None
        with pytest.raises(InvalidIssueRequest) as caught:
            ca.issue(csr_der, make_request(cn=record.cn))
        assert caught.value.detail == msg.DETAIL_CN_TAKEN
        # Numbered CNs go on from the register's counter.
        fresh = ca.record(ca.issue(csr_der, make_request()).serial_number)
        assert fresh is not None
        assert fresh.cn != record.cn


def test_an_old_certificate_gets_a_key_management_certificate(
    migrated: tuple[Path, list[x509.Certificate]], make_csr: MakeCsr
) -> None:
    home, (good, revoked) = migrated
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    with _open(home) as ca:
        km = ca.issue_key_management(make_csr(key), good.serial_number)
        assert km.subject == good.subject
        with pytest.raises(InvalidIssueRequest, match="폐지된 인증서"):
            ca.issue_key_management(make_csr(key), revoked.serial_number)
        ca.revoke(good.serial_number, x509.ReasonFlags.key_compromise)
        assert ca.status(km.serial_number) is CertificateStatus.REVOKED


def test_opening_again_changes_nothing(migrated: tuple[Path, list[x509.Certificate]]) -> None:
    home, _ = migrated
    with _open(home):
        pass
    with sqlite3.connect(home / "ca.db") as db:
        before = db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()

    with _open(home):
        pass

    with sqlite3.connect(home / "ca.db") as db:
        assert db.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before
        assert db.execute("PRAGMA user_version").fetchone() == (4,)
