"""A data home that knows itself (issue 12, findings 4, 5 and 10): registers are never
silently recreated, a parked certificate is never issued (or charged) twice, and stale
staging folders are cleaned when the center opens."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from center_support import FAST_ITERATIONS, KIM, PASSWORD, copy_template, harddisk, issue

from mgcert.bank.errors import BankRegisterMissing
from mgcert.ca import CaRegisterMissing, CaStateDamaged
from mgcert.center import CertificateCenter, IssuedButNotSaved
from mgcert.center.errors import HomeManifestDamaged, HomeRegisterForeign, JobParked, JournalMissing
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.profile import CertificateKind


def _open(home: DataHome, clock: Clock) -> CertificateCenter:
    return CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_a_new_home_gets_a_manifest_naming_its_registers(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    manifest = json.loads(home.manifest_file.read_text(encoding="utf-8"))
    with _open(home, clock) as center:
        assert manifest["bank_id"] == center.bank.register_id
        assert manifest["ca_id"] == center.mg_ca.register_id
        assert manifest["journal_id"] == center.journal.register_id


def test_a_deleted_ca_register_is_refused_not_recreated(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    # Finding 5: `rm ca.db*` gave a fresh CA register, so a revoked certificate passed.
    copy_template(center_template, home)
    _remove_db(home.ca_db)
    with pytest.raises(CaRegisterMissing) as error:
        _open(home, clock)
    assert "ca.db" in str(error.value)
    assert "mgcert reset" in str(error.value)
    assert not home.ca_db.exists()


def test_an_emptied_bank_is_refused_not_recreated(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    # Finding 5: `: > bank.db` recreated the demo bank without a word.
    copy_template(center_template, home)
    _remove_db(home.bank_db)
    home.bank_db.write_bytes(b"")
    with pytest.raises(BankRegisterMissing) as error:
        _open(home, clock)
    assert "bank.db" in str(error.value)
    assert home.bank_db.stat().st_size == 0


def test_a_lost_journal_is_refused(center_template: Path, home: DataHome, clock: Clock) -> None:
    copy_template(center_template, home)
    _remove_db(home.journal_db)
    with pytest.raises(JournalMissing):
        _open(home, clock)


def test_a_register_from_another_home_is_refused(
    center_template: Path, home: DataHome, clock: Clock, tmp_path: Path
) -> None:
    copy_template(center_template, home)
    other = DataHome(tmp_path / "other").ensure()
    _open(other, clock).close()
    _remove_db(home.bank_db)
    shutil.copy(other.bank_db, home.bank_db)
    shutil.copy(other.root / "bank-secret.key", home.root / "bank-secret.key")
    with pytest.raises(HomeRegisterForeign) as error:
        _open(home, clock)
    assert "bank.db" in str(error.value)


def test_a_damaged_manifest_is_reported(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    home.manifest_file.write_text("{not json", encoding="utf-8")
    with pytest.raises(HomeManifestDamaged) as error:
        _open(home, clock)
    assert "manifest.json" in str(error.value)


def test_a_home_from_before_the_manifest_gets_one(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    home.manifest_file.unlink()
    _remove_db(home.journal_db)  # such homes had no journal either
    with _open(home, clock) as center:
        assert center.list_certificates(harddisk(center)).entries
    assert home.manifest_file.is_file()
    assert home.journal_db.is_file()


def test_a_parked_certificate_is_never_issued_or_charged_twice(
    center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Finding 4: retrying after "발급되었지만 저장하지 못했습니다" issued and charged again.
    before = center.bank.balance(KIM.account)

    def full(*_: object, **__: object) -> Path:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(storage, "write_certificate", full)
        with pytest.raises(IssuedButNotSaved) as parked:
            issue(center, KIM, CertificateKind.UNIVERSAL)
    assert "mgcert recover" in str(parked.value)
    flow = center.start_issuance(CertificateKind.UNIVERSAL)
    with pytest.raises(JobParked) as refused:
        flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    assert "mgcert recover" in str(refused.value)
    assert center.bank.balance(KIM.account) == before - 4_400  # charged once
    [folder] = center.pending_recoveries()
    result = center.save_recovered(folder, harddisk(center))
    assert result.fee_won == 4_400
    assert center.bank.balance(KIM.account) == before - 4_400
    assert center.pending_recoveries() == []
    issue(center, KIM, CertificateKind.UNIVERSAL, password=PASSWORD)  # now a free 재발급
    assert center.bank.balance(KIM.account) == before - 4_400


def test_stale_staging_folders_are_cleaned_on_open(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    # Finding 10: hidden USER/.mgcert-* folders left after a kill were never cleaned.
    copy_template(center_template, home)
    user = home.harddisk_root / "NPKI" / "MGSIM" / "USER"
    stale, fresh = user / ".mgcert-killed", user / ".mgcert-live"
    for folder in (stale, fresh):
        folder.mkdir(parents=True)
        (folder / "signPri.key").write_bytes(b"partial")
    an_hour_ago = time.time() - 3600
    os.utime(stale, (an_hour_ago, an_hour_ago))
    _open(home, clock).close()
    assert not stale.exists()
    assert fresh.exists()  # a writer may be using it right now


def test_a_lost_issuing_ca_certificate_never_makes_a_new_ca(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    # Review of issue 12: a missing ca/issuing.der made a new root and issuing CA over
    # the old keys, so every existing MG certificate became "not MG".
    copy_template(center_template, home)
    keys = {p.name: p.read_bytes() for p in (home.ca_dir / "private").iterdir()}
    (home.ca_dir / "issuing.der").unlink()
    with pytest.raises(CaStateDamaged) as error:
        _open(home, clock)
    assert "issuing.der" in str(error.value)
    assert {p.name: p.read_bytes() for p in (home.ca_dir / "private").iterdir()} == keys
