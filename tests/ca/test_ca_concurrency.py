"""Two processes opening a fresh data home and issuing at once, and serial collisions."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from ca_support import MakeRequest
from cryptography import x509

import mgcert.ca.authority
import mgcert.ca.hierarchy
from mgcert.ca import CertificateAuthority, CertificateStatus, SerialUnavailable
from mgcert.ca.hierarchy import SERIAL_MAX, SERIAL_MIN, new_serial
from mgcert.home import DataHome

PER_PROCESS = 20

# Each child signals "ready" after its imports, waits for the go file, then opens the
# (fresh) CA and issues PER_PROCESS certificates: creation and issuance both race.
CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime
    from pathlib import Path
    from cryptography.hazmat.primitives import hashes
    from cryptography import x509
    from mgcert.ca import MG_CA_PROFILE, CertificateAuthority, IssueRequest
    from mgcert.clock import KST, Clock
    from mgcert.home import DataHome
    from mgcert.npki.profile import CertificateKind

    home, csr, go = DataHome(Path(sys.argv[1])), Path(sys.argv[2]).read_bytes(), Path(sys.argv[3])
    count = int(sys.argv[4])
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.005)
    clock = Clock(pinned=datetime(2026, 11, 24, 10, tzinfo=KST))
    with CertificateAuthority.open(home.ca_dir, home.ca_db, clock, MG_CA_PROFILE) as ca:
        print("root", ca.root_certificate.fingerprint(hashes.SHA256()).hex(), flush=True)
        for i in range(count):
            request = IssueRequest(
                "동시()0045045", "동시", bytes(32), CertificateKind.GENERAL, cn_number_digits=9
            )
            certificate = ca.issue(csr, request)
            print("serial", format(certificate.serial_number, "x"), flush=True)
            [cn] = certificate.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
            print("cn", cn.value, flush=True)
    """
)


@pytest.mark.slow
def test_two_processes_issuing_at_once_on_a_fresh_home(
    home: DataHome, csr_der: bytes, tmp_path: Path
) -> None:
    csr_path = tmp_path / "request.der"
    csr_path.write_bytes(csr_der)
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(Path(mgcert.ca.authority.__file__).parents[2])}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(home.root), str(csr_path), str(go), str(PER_PROCESS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
        go.touch()
        outputs = [child.communicate(timeout=120) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err

    lines = [line.split() for out, _ in outputs for line in out.splitlines()]
    roots = {value for key, value in lines if key == "root"}
    serials = [value for key, value in lines if key == "serial"]
    assert len(roots) == 1  # the second process loaded the CA the first one created
    assert len(serials) == 2 * PER_PROCESS
    assert len(set(serials)) == 2 * PER_PROCESS
    cns = [value for key, value in lines if key == "cn"]
    assert len(set(cns)) == len(cns) == 2 * PER_PROCESS  # the register's counter, no wrap

    with sqlite3.connect(home.ca_db) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in db.execute("SELECT serial FROM certificates")}
        issues = db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'issue'").fetchone()
    assert stored == set(serials)
    assert issues == (2 * PER_PROCESS,)
    assert sorted(p.name for p in (home.ca_dir / "private").iterdir()) == [
        "issuing.key",
        "root.key",
    ]


def test_a_colliding_serial_is_drawn_again(
    fresh_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = fresh_ca.issue(csr_der, make_request())
    draws = iter([first.serial_number, first.serial_number, 0x5A0E2C9F])
    monkeypatch.setattr(mgcert.ca.authority, "new_serial", lambda: next(draws))
    second = fresh_ca.issue(csr_der, make_request())
    assert second.serial_number == 0x5A0E2C9F
    assert fresh_ca.status(first.serial_number) is CertificateStatus.GOOD
    record = fresh_ca.record(second.serial_number)
    assert record is not None
    assert x509.load_der_x509_certificate(record.der) == second
    assert [e.action for e in fresh_ca.audit_log() if e.action == "issue"] == ["issue"] * 2


def test_a_serial_space_that_keeps_colliding_is_a_korean_error_and_records_nothing(
    fresh_ca: CertificateAuthority,
    csr_der: bytes,
    make_request: MakeRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = fresh_ca.issue(csr_der, make_request())
    drawn: list[int] = []

    def always_taken() -> int:
        drawn.append(first.serial_number)
        return first.serial_number

    monkeypatch.setattr(mgcert.ca.authority, "new_serial", always_taken)
    with pytest.raises(SerialUnavailable) as error:
        fresh_ca.issue(csr_der, make_request())
    assert "일련번호" in str(error.value)
    assert len(drawn) == mgcert.ca.authority.SERIAL_ATTEMPTS
    # 64 draws: even with half of the 2**31 - 2**24 serials taken, failing is 2**-64 likely.
    assert (1 / 2) ** mgcert.ca.authority.SERIAL_ATTEMPTS <= 2**-64
    assert [e.action for e in fresh_ca.audit_log() if e.action == "issue"] == ["issue"]


def test_serials_fill_exactly_the_four_byte_positive_range(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (SERIAL_MIN, SERIAL_MAX) == (0x0100_0000, 0x7FFF_FFFF)
    for pick in (0, SERIAL_MAX - SERIAL_MIN):
        monkeypatch.setattr(mgcert.ca.hierarchy.secrets, "randbelow", lambda _n, p=pick: p)
        serial = new_serial()
        assert len(serial.to_bytes(4, "big").lstrip(b"\0")) == 4
        assert serial.to_bytes(4, "big")[0] < 0x80
    monkeypatch.undo()
    assert all(SERIAL_MIN <= new_serial() <= SERIAL_MAX for _ in range(10_000))


def test_concurrent_threads_share_one_ca(
    fresh_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    # The TUI calls the CA from worker threads.
    with ThreadPoolExecutor(max_workers=4) as pool:
        certificates = list(pool.map(lambda _: fresh_ca.issue(csr_der, make_request()), range(12)))
    serials = {c.serial_number for c in certificates}
    assert len(serials) == 12
    assert all(fresh_ca.status(s) is CertificateStatus.GOOD for s in serials)
