"""금융인증서 in two phases: park the new key, then commit it with the issued certificate."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

import pytest
from bank_support import JOB, KIM, LEE, OTHER_JOB, OTHER_PIN, PIN, OpenBank, query

from mgcert.bank import (
    Bank,
    CloudJobNotParked,
    InvalidPinFormat,
    JobIdConflict,
    NoCloudCertificate,
    PinLocked,
    TrivialPin,
    UnknownCustomer,
    WrongPin,
)
from mgcert.clock import Clock
from mgcert.home import DataHome

OLD = b"old financial certificate and key"
NEW_KEY = b"new private key of the financial certificate"
NEW_CERT = b"0\x82\x01\x00 new certificate DER (public)"
NOT_AFTER = datetime(2029, 11, 24, 14, 59, 59, tzinfo=UTC)


def _with_old_certificate(bank: Bank) -> None:
    bank.cloud_store(KIM.customer_id, PIN, OLD, serial=1, not_after=NOT_AFTER - timedelta(days=9))


def test_park_leaves_the_current_certificate_alone(bank: Bank) -> None:
    _with_old_certificate(bank)
    before = bank.cloud_info(KIM.customer_id)
    bank.cloud_park(KIM.customer_id, OTHER_PIN, NEW_KEY, JOB)
    assert bank.cloud_pending(JOB)
    assert bank.cloud_info(KIM.customer_id) == before
    assert bank.cloud_open(KIM.customer_id, PIN) == OLD
    with pytest.raises(WrongPin):
        bank.cloud_open(KIM.customer_id, OTHER_PIN)
    assert bank.cloud_certificate_der(KIM.customer_id) is None


def test_park_without_a_current_certificate(bank: Bank) -> None:
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    assert not bank.cloud_has(KIM.customer_id)
    with pytest.raises(NoCloudCertificate):
        bank.cloud_open(KIM.customer_id, PIN)


def test_commit_replaces_the_certificate(bank: Bank, clock: Clock) -> None:
    _with_old_certificate(bank)
    bank.cloud_park(KIM.customer_id, OTHER_PIN, NEW_KEY, JOB)
    clock.advance(timedelta(seconds=30))
    bank.cloud_commit(JOB, NEW_CERT, serial=0xABCDEF, not_after=NOT_AFTER)
    assert not bank.cloud_pending(JOB)
    assert bank.cloud_open(KIM.customer_id, OTHER_PIN) == NEW_KEY
    with pytest.raises(WrongPin):
        bank.cloud_open(KIM.customer_id, PIN)
    assert bank.cloud_certificate_der(KIM.customer_id) == NEW_CERT
    info = bank.cloud_info(KIM.customer_id)
    assert info is not None
    assert (info.serial, info.not_after, info.stored_at) == (0xABCDEF, NOT_AFTER, clock.now())


def test_commit_clears_the_pin_lock(bank: Bank) -> None:
    _with_old_certificate(bank)
    for _ in range(5):
        with pytest.raises((WrongPin, PinLocked)):
            bank.cloud_open(KIM.customer_id, OTHER_PIN)
    bank.cloud_park(KIM.customer_id, OTHER_PIN, NEW_KEY, JOB)
    assert bank.lock_state(KIM.customer_id).pin_locked  # parking changed nothing
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    state = bank.lock_state(KIM.customer_id)
    assert (state.pin_locked, state.pin_failures) == (False, 0)
    assert bank.cloud_open(KIM.customer_id, OTHER_PIN) == NEW_KEY


def test_commit_twice_is_once(bank: Bank, clock: Clock) -> None:
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    with pytest.raises(WrongPin):
        bank.cloud_open(KIM.customer_id, OTHER_PIN)
    before = bank.cloud_info(KIM.customer_id)
    clock.advance(timedelta(minutes=1))
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    # Nothing happened: same stored_at, and the wrong PIN is still counted.
    assert bank.cloud_info(KIM.customer_id) == before
    assert bank.lock_state(KIM.customer_id).pin_failures == 1
    assert bank.cloud_open(KIM.customer_id, PIN) == NEW_KEY


def test_a_committed_job_stays_committed_after_a_later_reissue(bank: Bank) -> None:
    """Recovery may repeat an old job's commit after a newer job replaced it."""
    bank.cloud_park(KIM.customer_id, PIN, b"first", JOB)
    bank.cloud_commit(JOB, b"first cert", serial=2, not_after=NOT_AFTER)
    bank.cloud_park(KIM.customer_id, OTHER_PIN, b"second", OTHER_JOB)
    bank.cloud_commit(OTHER_JOB, b"second cert", serial=3, not_after=NOT_AFTER)
    bank.cloud_commit(JOB, b"first cert", serial=2, not_after=NOT_AFTER)
    assert bank.cloud_open(KIM.customer_id, OTHER_PIN) == b"second"
    assert bank.cloud_certificate_der(KIM.customer_id) == b"second cert"


def test_commit_of_a_job_never_parked(bank: Bank) -> None:
    _with_old_certificate(bank)
    with pytest.raises(CloudJobNotParked) as caught:
        bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    assert "금융인증서" in str(caught.value)
    assert bank.cloud_open(KIM.customer_id, PIN) == OLD


def test_commit_with_another_serial_after_commit_is_refused(bank: Bank) -> None:
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    with pytest.raises(JobIdConflict):
        bank.cloud_commit(JOB, b"other", serial=3, not_after=NOT_AFTER)
    assert bank.cloud_certificate_der(KIM.customer_id) == NEW_CERT


def test_discard_drops_the_parked_key(bank: Bank) -> None:
    _with_old_certificate(bank)
    bank.cloud_park(KIM.customer_id, OTHER_PIN, NEW_KEY, JOB)
    bank.cloud_discard(JOB)
    assert not bank.cloud_pending(JOB)
    bank.cloud_discard(JOB)  # idempotent
    bank.cloud_discard(OTHER_JOB)  # never parked: nothing to do
    with pytest.raises(CloudJobNotParked):
        bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    assert bank.cloud_open(KIM.customer_id, PIN) == OLD


def test_discard_after_commit_keeps_the_certificate(bank: Bank) -> None:
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    bank.cloud_discard(JOB)
    assert bank.cloud_open(KIM.customer_id, PIN) == NEW_KEY
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)  # still committed


def test_park_twice_keeps_the_first(bank: Bank) -> None:
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    bank.cloud_park(KIM.customer_id, OTHER_PIN, b"a different key", JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    assert bank.cloud_open(KIM.customer_id, PIN) == NEW_KEY
    # Parking a committed job again does not re-open it either.
    bank.cloud_park(KIM.customer_id, OTHER_PIN, b"a different key", JOB)
    assert not bank.cloud_pending(JOB)
    assert bank.cloud_open(KIM.customer_id, PIN) == NEW_KEY


def test_a_job_belongs_to_one_customer(bank: Bank) -> None:
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    with pytest.raises(JobIdConflict):
        bank.cloud_park(LEE.customer_id, PIN, NEW_KEY, JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    assert not bank.cloud_has(LEE.customer_id)


def test_park_checks_the_pin_rules(bank: Bank) -> None:
    with pytest.raises(TrivialPin):
        bank.cloud_park(KIM.customer_id, "123456", NEW_KEY, JOB)
    with pytest.raises(InvalidPinFormat):
        bank.cloud_park(KIM.customer_id, "12345", NEW_KEY, JOB)
    with pytest.raises(UnknownCustomer):
        bank.cloud_park(999, PIN, NEW_KEY, JOB)
    with pytest.raises(ValueError, match="job id"):
        bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, "not-a-job")
    assert not bank.cloud_pending(JOB)


def test_the_parked_key_is_encrypted(bank: Bank, home: DataHome) -> None:
    marker = b"PARKED-KEY-MARKER-" + b"7" * 20
    bank.cloud_park(KIM.customer_id, PIN, marker, JOB)
    (row,) = query(home.bank_db, "SELECT status, ciphertext FROM cloud_jobs")
    assert row[0] == "parked"
    assert len(row[1]) == len(marker) + 16  # AES-GCM: same length plus the tag
    data = home.bank_db.read_bytes() + home.bank_db.with_name("bank.db-wal").read_bytes()
    assert marker not in data


def test_cloud_store_rows_have_no_separate_certificate(bank: Bank) -> None:
    assert bank.cloud_certificate_der(KIM.customer_id) is None
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    bank.cloud_store(KIM.customer_id, OTHER_PIN, OLD)  # the old one-step way
    assert bank.cloud_certificate_der(KIM.customer_id) is None
    assert bank.cloud_open(KIM.customer_id, OTHER_PIN) == OLD
    with pytest.raises(UnknownCustomer):
        bank.cloud_certificate_der(999)


def test_the_certificate_is_stored_in_clear(bank: Bank, home: DataHome) -> None:
    bank.cloud_park(KIM.customer_id, PIN, NEW_KEY, JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    assert query(home.bank_db, "SELECT cert_der, job_id FROM cloud_certificates") == [
        (NEW_CERT, JOB)
    ]
    # The committed job keeps no second copy of the encrypted key.
    assert query(home.bank_db, "SELECT status, ciphertext FROM cloud_jobs") == [("committed", None)]


_PARK_AND_CRASH = textwrap.dedent(
    """
    import os, sys
    from datetime import datetime
    from pathlib import Path

    from mgcert.bank import Bank, ScryptCost
    from mgcert.clock import KST, Clock

    clock = Clock(pinned=datetime(2026, 11, 24, 10, tzinfo=KST))
    bank = Bank.open(Path(sys.argv[1]), clock, kdf_cost=ScryptCost(16, 1, 1))
    bank.cloud_park(1, sys.argv[2], b"the new key", sys.argv[3])
    os._exit(9)  # killed before the CA answered: no commit, no close
    """
)


@pytest.mark.slow
def test_a_crash_after_park_leaves_the_old_certificate_openable(
    reopen: OpenBank, home: DataHome
) -> None:
    first = reopen()
    _with_old_certificate(first)
    first.close()
    child = subprocess.run(
        [sys.executable, "-c", _PARK_AND_CRASH, str(home.bank_db), OTHER_PIN, JOB],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert child.returncode == 9, child.stderr
    bank = reopen()
    assert bank.cloud_open(KIM.customer_id, PIN) == OLD
    # The parked key survived the crash, for recovery to commit or discard.
    assert bank.cloud_pending(JOB)
    bank.cloud_commit(JOB, NEW_CERT, serial=2, not_after=NOT_AFTER)
    assert bank.cloud_open(KIM.customer_id, OTHER_PIN) == b"the new key"
