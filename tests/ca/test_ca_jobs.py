"""The CA's part in certificate jobs: one certificate per job id, unique numbered CNs,
registers that are never silently recreated, and the v1 → v2 migration."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from ca_support import CA_NOW, CN_PREFIX, MakeCsr, MakeRequest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from mgcert.ca import (
    MG_CA_PROFILE,
    CaRegisterMissing,
    CaRegisterTooNew,
    CertificateAuthority,
    InvalidIssueRequest,
    IssueRequest,
)
from mgcert.ca.store import CertificateStore
from mgcert.clock import Clock
from mgcert.home import DataHome


def cn_of(certificate: x509.Certificate) -> str:
    [cn] = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(cn.value)


def test_issuing_twice_for_one_job_returns_the_first_certificate(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    request = make_request()
    first = fresh_ca.issue(csr_der, _with_job(request, "a" * 32))
    second = fresh_ca.issue(csr_der, _with_job(request, "a" * 32))
    assert first == second
    record = fresh_ca.record_for_job("a" * 32)
    assert record is not None
    assert record.serial == first.serial_number
    assert fresh_ca.record_for_job("b" * 32) is None
    issues = [e for e in fresh_ca.audit_log() if e.action == "issue"]
    assert len(issues) == 1


def test_a_job_cannot_certify_a_second_key(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_csr: MakeCsr, make_request: MakeRequest
) -> None:
    fresh_ca.issue(csr_der, _with_job(make_request(), "c" * 32))
    other = make_csr(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    with pytest.raises(InvalidIssueRequest):
        fresh_ca.issue(other, _with_job(make_request(), "c" * 32))


def test_numbered_cns_never_repeat_or_wrap(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    # The old per-day counter wrapped at 100: the 101st certificate took the first's CN.
    cns = [cn_of(fresh_ca.issue(csr_der, make_request())) for _ in range(105)]
    assert len(set(cns)) == 105
    assert all(cn.startswith(CN_PREFIX) and len(cn) == len(CN_PREFIX) + 9 for cn in cns)
    assert cns[-1].endswith("000000105")


def test_an_explicit_cn_twice_is_refused(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    fresh_ca.issue(csr_der, make_request(cn="홍길동()0045045000000001"))
    with pytest.raises(InvalidIssueRequest) as error:
        fresh_ca.issue(csr_der, make_request(cn="홍길동()0045045000000001"))
    assert "CN" in str(error.value)


@pytest.mark.parametrize("damage", ["missing", "emptied"])
def test_a_register_the_home_expects_is_never_recreated(home: DataHome, damage: str) -> None:
    clock = Clock(pinned=CA_NOW)
    CertificateAuthority.open(home.ca_dir, home.ca_db, clock, MG_CA_PROFILE).close()
    for suffix in ("-wal", "-shm"):
        Path(f"{home.ca_db}{suffix}").unlink(missing_ok=True)
    if damage == "missing":
        home.ca_db.unlink()
    else:
        home.ca_db.write_bytes(b"")
    with pytest.raises(CaRegisterMissing) as error:
        CertificateAuthority.open(home.ca_dir, home.ca_db, clock, MG_CA_PROFILE, create=False)
    assert str(home.ca_db) in str(error.value)
    assert not home.ca_db.exists() or home.ca_db.stat().st_size == 0


def test_a_register_from_a_newer_mgcert_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "ca.db"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(CaRegisterTooNew):
        CertificateStore.open(path)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (99,)


def test_version_1_registers_are_migrated_keeping_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "ca.db"
    with sqlite3.connect(path) as db:
        db.executescript(
            """
            CREATE TABLE certificates (
                id INTEGER PRIMARY KEY, serial TEXT NOT NULL UNIQUE, cn TEXT NOT NULL,
                kind TEXT NOT NULL, not_before TEXT NOT NULL, not_after TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'good', revoked_at TEXT, reason TEXT,
                der BLOB NOT NULL);
            CREATE TABLE audit_log (id INTEGER PRIMARY KEY, time TEXT NOT NULL,
                action TEXT NOT NULL, serial TEXT, detail TEXT NOT NULL DEFAULT '');
            CREATE TABLE crl_state (id INTEGER PRIMARY KEY CHECK (id = 1), number INTEGER);
            INSERT INTO certificates (serial, cn, kind, not_before, not_after, der) VALUES
                ('a1', '김()1', 'general', '2026-01-01T00:00:00+00:00',
                 '2027-01-01T00:00:00+00:00', x'00'),
                ('a2', '김()1', 'general', '2026-01-01T00:00:00+00:00',
                 '2027-01-01T00:00:00+00:00', x'00');
            PRAGMA user_version = 1;
            """
        )
    store = CertificateStore.open(path)
    try:
        assert store.find(0xA1) is not None
        assert store.find(0xA2) is not None  # the old duplicate CN stays readable
        first_id = store.register_id()
        assert len(first_id) == 32
    finally:
        store.close()
    again = CertificateStore.open(path)
    try:
        assert again.register_id() == first_id
    finally:
        again.close()


def _with_job(request: IssueRequest, job_id: str) -> IssueRequest:
    return replace(request, job_id=job_id)
