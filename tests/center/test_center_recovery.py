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
from mgcert.center import issuing as issuing_module
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


def test_if_even_parking_fails_the_certificate_is_withdrawn_and_refunded(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    flow = _ready(center, CertificateKind.UNIVERSAL)
    before = center.bank.balance(KIM.account)
    _break_writes(monkeypatch)

    def no_park(*_: object) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(recovery, "park", no_park)
    with pytest.raises(OSError, match="USB pulled out"):
        flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert center.bank.balance(KIM.account) == before
    revoked = [line for line in center.mg_ca.audit_log() if line.action == "revoke"]
    assert len(revoked) == 1


def test_save_to_without_a_failure_has_nothing_to_save(center: CertificateCenter) -> None:
    flow = _ready(center, CertificateKind.GENERAL)
    with pytest.raises(NothingToSave):
        flow.save_to(phone(center))


def test_failure_between_ca_and_medium_withdraws_the_certificate(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    flow = _ready(center, CertificateKind.UNIVERSAL)
    before = center.bank.balance(KIM.account)

    def broken(*_: object) -> object:
        raise MemoryError

    monkeypatch.setattr(issuing_module, "encrypt_for_medium", broken)
    with pytest.raises(MemoryError):
        flow.issue(harddisk(center), PASSWORD, PASSWORD)
    assert center.bank.balance(KIM.account) == before
    assert [line.action for line in center.mg_ca.audit_log()].count("revoke") == 1


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
