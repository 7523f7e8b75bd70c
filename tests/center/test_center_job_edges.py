"""Edge cases a review of the journal found (issue 12): an interrupted first open, a
parked job whose folder was damaged, two savers of one parked job, a killed save to
another medium, reset while the home is open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from center_support import FAST_ITERATIONS, KIM, PASSWORD, copy_template, harddisk, issue, phone

from mgcert.ca import CertificateAuthority, CertificateStatus
from mgcert.center import CertificateCenter, IssuedButNotSaved, NothingToSave
from mgcert.center import completion as completion_module
from mgcert.center.errors import JobAlreadyFinished, ResetRefused
from mgcert.center.journal import JobState
from mgcert.center.reset import reset_home
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.profile import CertificateKind


def _open(home: DataHome, clock: Clock) -> CertificateCenter:
    return CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)


def _full(*_: object, **__: object) -> Path:
    raise OSError(28, "No space left on device")


def _park_universal(center: CertificateCenter, monkeypatch: pytest.MonkeyPatch) -> Path:
    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", _full)
        with pytest.raises(IssuedButNotSaved) as parked:
            issue(center, KIM, CertificateKind.UNIVERSAL)
    return parked.value.recovery_path


def test_an_interrupted_first_open_is_started_over(
    home: DataHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = CertificateAuthority.open
    calls = 0

    def dies_on_the_second_ca(*args: object, **kwargs: object) -> CertificateAuthority:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt  # the window closed during the first open
        return real_open(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(CertificateAuthority, "open", dies_on_the_second_ca)
        with pytest.raises(KeyboardInterrupt):
            _open(home, clock)
    assert home.bank_db.exists()
    assert not home.manifest_file.exists()
    with _open(home, clock) as center:  # not "restore other-ca.db from a backup"
        assert center.list_certificates(harddisk(center)).entries  # the demo certificate
    assert home.manifest_file.is_file()


def test_a_parked_job_that_lost_its_note_is_listed_again(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    folder = _park_universal(center, monkeypatch)
    (folder / "meta.json").unlink()
    (folder / "signCert.der").unlink()
    center.close()
    with _open(center.home, clock) as later:
        assert later.pending_recoveries() == [folder]
        result = later.save_recovered(folder, harddisk(later))
        assert result.fee_won == 4_400
        assert result.balance_after_won == later.bank.balance(KIM.account)


def test_a_parked_job_that_lost_its_key_is_withdrawn_and_refunded(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    before = center.bank.balance(KIM.account)
    folder = _park_universal(center, monkeypatch)
    [job] = center.parked_jobs()
    shutil.rmtree(folder)
    center.close()
    with _open(center.home, clock) as later:
        assert later.parked_jobs() == []
        assert later.journal.get(job.id).state is JobState.CANCELLED  # type: ignore[union-attr]
        assert later.mg_ca.status(job.serial) is CertificateStatus.REVOKED  # type: ignore[arg-type]
        assert later.bank.balance(KIM.account) == before
        issue(later, KIM, CertificateKind.UNIVERSAL)  # the customer is not blocked


def test_a_job_saved_elsewhere_meanwhile_is_not_saved_twice(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _park_universal(center, monkeypatch)
    [job] = center.parked_jobs()
    center.save_recovered(folder, harddisk(center))
    with pytest.raises(NothingToSave):
        center.save_recovered(folder, phone(center))
    with pytest.raises(JobAlreadyFinished):
        center.journal.advance(job.id, JobState.ISSUED)
    assert center.journal.get(job.id).state is JobState.DONE  # type: ignore[union-attr]


def test_a_killed_save_to_another_medium_is_finished_there(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch, clock: Clock
) -> None:
    folder = _park_universal(center, monkeypatch)
    [job] = center.parked_jobs()

    def killed(*_: object, **__: object) -> object:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(completion_module, "finish_job", killed)
        with pytest.raises(KeyboardInterrupt):
            center.save_recovered(folder, phone(center))
    center.close()
    with _open(center.home, clock) as later:
        assert later.journal.get(job.id).state is JobState.DONE  # type: ignore[union-attr]
        on_phone = [e.serial for e in later.list_certificates(phone(later)).entries]
        on_disk = [e.serial for e in later.list_certificates(harddisk(later)).entries]
        assert job.serial in on_phone
        assert job.serial not in on_disk  # not written a second time to the first medium


def test_a_second_medium_that_fails_too_keeps_the_job_parked(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _park_universal(center, monkeypatch)
    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", _full)
        with pytest.raises(OSError, match="No space"):
            center.save_recovered(folder, phone(center))
    assert [j.state for j in center.parked_jobs()] == [JobState.PARKED]
    center.save_recovered(folder, harddisk(center))
    assert center.parked_jobs() == []


def test_reset_is_refused_while_the_home_is_open(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    with _open(home, clock), pytest.raises(ResetRefused):
        reset_home(home)
    assert reset_home(home) is not None  # closed: fine


def test_the_password_of_a_parked_key_is_the_holders(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mgcert.npki.keyfile import decrypt_private_key

    folder = _park_universal(center, monkeypatch)
    assert decrypt_private_key((folder / "signPri.key").read_bytes(), PASSWORD).random_num
