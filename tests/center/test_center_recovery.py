"""A medium that fails after the CA issued: the certificate is parked, never lost."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from center_support import KIM, PARK, PASSWORD, demo_entry, harddisk, pass_identity, phone

from mgcert.ca import CertificateStatus
from mgcert.center import (
    CertificateCenter,
    IssuanceFlow,
    IssuedButNotSaved,
    IssueMode,
    NothingToSave,
    recovery,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.clock import Clock
from mgcert.npki import storage
from mgcert.npki.keyfile import decrypt_private_key
from mgcert.npki.profile import CertificateKind


def _ready(center: CertificateCenter, kind: CertificateKind) -> IssuanceFlow:
    flow = center.start_issuance(kind)
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, KIM.customer_id)
    return flow


def _break_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object, **__: object) -> Path:
        raise OSError("USB pulled out")

    monkeypatch.setattr(storage, "write_certificate", fail)


def test_failed_write_parks_files_and_save_to_recovers(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    flow = _ready(center, CertificateKind.UNIVERSAL)
    balance_after_fee = center.bank.balance(KIM.account) - 4_400
    with monkeypatch.context() as patch:
        _break_writes(patch)
        with pytest.raises(IssuedButNotSaved) as raised:
            flow.issue(harddisk(center), PASSWORD, PASSWORD)
    parked = raised.value.recovery_path
    assert str(parked) in str(raised.value)
    assert parked.parent == center.home.recovery_dir
    assert stat.S_IMODE(parked.stat().st_mode) == 0o700
    assert stat.S_IMODE((parked / "signPri.key").stat().st_mode) == 0o600
    # The parked key is the encrypted signPri.key, not a plaintext key.
    decrypt_private_key((parked / "signPri.key").read_bytes(), PASSWORD)
    assert center.pending_recoveries() == [parked]
    serial = raised.value.serial
    assert center.mg_ca.status(serial) is CertificateStatus.GOOD
    assert center.bank.balance(KIM.account) == balance_after_fee  # the certificate exists

    with pytest.raises(IssuedButNotSaved):  # issuing again would make a second certificate
        flow.issue(harddisk(center), PASSWORD, PASSWORD)
    result = flow.save_to(phone(center))
    assert result.recovered_to == parked
    assert result.serial_hex == format(serial, "x")
    stored = storage.load_certificate(result.folder)
    assert stored.certificate.serial_number == serial
    assert center.bank.registration("MGSIM", serial) is not None
    assert center.pending_recoveries() == []
    with pytest.raises(NothingToSave):
        flow.save_to(phone(center))


def test_if_the_key_cannot_be_parked_nothing_is_issued_and_the_fee_is_refunded(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    flow = _ready(center, CertificateKind.UNIVERSAL)
    before = center.bank.balance(KIM.account)
    issued_before = [line for line in center.mg_ca.audit_log() if line.action == "issue"]

    def no_space(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(recovery, "write_private_file", no_space)
    with pytest.raises(OSError, match="No space"):
        flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert center.bank.balance(KIM.account) == before
    issued_after = [line for line in center.mg_ca.audit_log() if line.action == "issue"]
    assert issued_after == issued_before  # the CA never signed: the key had nowhere to go
    assert [job.state.value for job in center.journal.all()][-1] == "cancelled"


def test_save_to_without_a_failure_has_nothing_to_save(center: CertificateCenter) -> None:
    flow = _ready(center, CertificateKind.GENERAL)
    with pytest.raises(NothingToSave):
        flow.save_to(phone(center))


def test_a_crash_between_ca_and_medium_is_finished_by_the_next_open(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    flow = _ready(center, CertificateKind.UNIVERSAL)
    before = center.bank.balance(KIM.account)

    def broken(*_: object, **__: object) -> object:
        raise MemoryError  # not a medium failure: the job is left for the next open

    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", broken)
        with pytest.raises(MemoryError):
            flow.issue(harddisk(center), PASSWORD, PASSWORD)
    [job] = [job for job in center.journal.all() if job.kind is CertificateKind.UNIVERSAL]
    assert job.state.value == "issued"
    assert job.serial is not None
    center.close()

    with CertificateCenter.open(center.home, clock, iterations=2048) as later:
        assert later.journal.get(job.id).state.value == "done"  # type: ignore[union-attr]
        assert later.mg_ca.status(job.serial) is CertificateStatus.GOOD
        assert later.bank.registration("MGSIM", job.serial) is not None
        assert later.bank.balance(KIM.account) == before - 4_400  # charged once
        [entry] = [
            e for e in later.list_certificates(harddisk(later)).entries if e.serial == job.serial
        ]
        decrypt_private_key(entry.stored.key_path.read_bytes(), PASSWORD)
        assert later.pending_recoveries() == []


def test_a_later_process_can_finish_a_parked_renewal(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    old = demo_entry(center)
    flow = center.start_renewal()
    flow.select(old, DEMO_CERTIFICATE_PASSWORD)
    pass_identity(center, flow, PARK.customer_id)
    with monkeypatch.context() as patch:
        _break_writes(patch)
        with pytest.raises(IssuedButNotSaved):
            flow.renew()
    assert center.mg_ca.status(old.serial) is CertificateStatus.GOOD  # not yet superseded
    center.close()

    with CertificateCenter.open(center.home, clock, iterations=2048) as later:
        [parked] = later.pending_recoveries()
        result = later.save_recovered(parked, phone(later))
        assert result.mode is IssueMode.RENEWAL
        assert result.replaced_serial_hex == old.serial_hex
        assert later.mg_ca.status(old.serial) is CertificateStatus.REVOKED
        assert not old.stored.folder.exists()
        assert later.pending_recoveries() == []
        with pytest.raises(NothingToSave):
            later.save_recovered(parked, phone(later))
