"""``mgcert reset``: a new data home, the old one moved aside and never deleted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from center_support import FAST_ITERATIONS, copy_template

from mgcert.ca import CaRegisterMissing
from mgcert.center import CertificateCenter
from mgcert.center.errors import ResetRefused
from mgcert.center.job_lock import JobLock
from mgcert.center.reset import home_to_reset, reset_home
from mgcert.clock import Clock
from mgcert.home import DataHome


def test_a_home_with_a_lost_register_is_moved_aside_and_starts_anew(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    home.ca_db.unlink()
    with pytest.raises(CaRegisterMissing) as error:
        CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)
    target = home_to_reset(error.value)
    assert target == home
    moved = reset_home(home, now=datetime(2026, 12, 1, 1, 2, 3, tzinfo=UTC))
    assert moved == home.root.with_name(f"{home.root.name}.old-20261201-010203")
    assert (moved / "bank.db").is_file()  # nothing deleted
    assert (moved / "media" / "harddisk" / "NPKI").is_dir()
    with CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS) as fresh:
        assert fresh.mg_ca.register_id != ""
    again = reset_home(home, now=datetime(2026, 12, 1, 1, 2, 3, tzinfo=UTC))
    assert again is not None
    assert again.name.endswith("-2")  # a second reset in the same second keeps both


def test_a_home_with_a_running_job_is_not_moved(center_template: Path, home: DataHome) -> None:
    copy_template(center_template, home)
    running = JobLock.try_acquire(home.job_locks_dir / f"{'a' * 32}.lock")
    assert running is not None
    try:
        with pytest.raises(ResetRefused):
            reset_home(home)
        assert home.root.is_dir()
    finally:
        running.release()


def test_errors_that_a_new_home_does_not_fix_offer_no_reset() -> None:
    assert home_to_reset(ValueError("x")) is None


def test_a_damaged_ca_file_deep_in_the_home_offers_the_home(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    from mgcert.ca import CaStateDamaged

    copy_template(center_template, home)
    (home.ca_dir / "issuing.der").unlink()
    with pytest.raises(CaStateDamaged) as error:
        CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)
    assert home_to_reset(error.value) == home
