"""금융인증서 cloud: PIN rules, encryption with a secret outside the db, PIN lock."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from bank_support import KIM, LEE, OTHER_PIN, PIN, OpenBank

from mgcert.bank import (
    Bank,
    InvalidPinFormat,
    NoCloudCertificate,
    PinLocked,
    TrivialPin,
    WrongPin,
)
from mgcert.home import DataHome

PAYLOAD = b"certificate and key of the financial certificate"


def test_store_and_open(bank: Bank, home: DataHome) -> None:
    assert not bank.cloud_has(KIM.customer_id)
    not_after = datetime(2029, 11, 24, 14, 59, 59, tzinfo=UTC)
    bank.cloud_store(KIM.customer_id, PIN, PAYLOAD, serial=0xBEEF, not_after=not_after)
    assert bank.cloud_has(KIM.customer_id)
    assert not bank.cloud_has(LEE.customer_id)
    assert bank.cloud_open(KIM.customer_id, PIN) == PAYLOAD
    info = bank.cloud_info(KIM.customer_id)
    assert info is not None
    assert (info.serial, info.not_after, info.pin_locked) == (0xBEEF, not_after, False)
    assert bank.cloud_info(LEE.customer_id) is None


@pytest.mark.parametrize(
    "pin",
    [
        "000000",
        "111111",
        "999999",
        "123456",
        "234567",
        "456789",
        "012345",
        "654321",
        "987654",
        "543210",
    ],
)
def test_trivial_pins_are_refused(bank: Bank, pin: str) -> None:
    with pytest.raises(TrivialPin):
        bank.cloud_store(KIM.customer_id, pin, PAYLOAD)
    assert not bank.cloud_has(KIM.customer_id)


@pytest.mark.parametrize("pin", ["123457", "112233", "135790", "890123", "000001", PIN])
def test_ordinary_pins_are_accepted(bank: Bank, pin: str) -> None:
    bank.cloud_store(KIM.customer_id, pin, PAYLOAD)
    assert bank.cloud_open(KIM.customer_id, pin) == PAYLOAD


@pytest.mark.parametrize("pin", ["", "12345", "1234567", "12a456", "١٢٣٤٥٦", " 739184"])
def test_malformed_pins(bank: Bank, pin: str) -> None:
    with pytest.raises(InvalidPinFormat):
        bank.cloud_store(KIM.customer_id, pin, PAYLOAD)
    bank.cloud_store(KIM.customer_id, PIN, PAYLOAD)
    with pytest.raises(InvalidPinFormat):
        bank.cloud_open(KIM.customer_id, pin)
    # A typing mistake is not a wrong PIN.
    assert bank.lock_state(KIM.customer_id).pin_failures == 0


def test_five_wrong_pins_lock(bank: Bank) -> None:
    bank.cloud_store(KIM.customer_id, PIN, PAYLOAD)
    for remaining in (4, 3, 2, 1):
        with pytest.raises(WrongPin) as caught:
            bank.cloud_open(KIM.customer_id, OTHER_PIN)
        assert caught.value.remaining == remaining
        assert f"(남은 횟수 {remaining}회)" in str(caught.value)
    with pytest.raises(PinLocked):
        bank.cloud_open(KIM.customer_id, OTHER_PIN)
    with pytest.raises(PinLocked):
        bank.cloud_open(KIM.customer_id, PIN)
    assert bank.lock_state(KIM.customer_id).pin_locked


def test_success_resets_the_count(bank: Bank) -> None:
    bank.cloud_store(KIM.customer_id, PIN, PAYLOAD)
    for _ in range(4):
        with pytest.raises(WrongPin):
            bank.cloud_open(KIM.customer_id, OTHER_PIN)
    bank.cloud_open(KIM.customer_id, PIN)
    with pytest.raises(WrongPin) as caught:
        bank.cloud_open(KIM.customer_id, OTHER_PIN)
    assert caught.value.remaining == 4


def test_pin_lock_survives_a_fresh_open(reopen: OpenBank) -> None:
    first = reopen()
    first.cloud_store(KIM.customer_id, PIN, PAYLOAD)
    for _ in range(4):
        with pytest.raises(WrongPin):
            first.cloud_open(KIM.customer_id, OTHER_PIN)
    first.close()
    second = reopen()
    with pytest.raises(PinLocked):
        second.cloud_open(KIM.customer_id, OTHER_PIN)
    second.close()
    with pytest.raises(PinLocked):
        reopen().cloud_open(KIM.customer_id, PIN)


def test_reissue_replaces_the_certificate_and_clears_the_lock(bank: Bank) -> None:
    bank.cloud_store(KIM.customer_id, PIN, PAYLOAD)
    for _ in range(5):
        with pytest.raises((WrongPin, PinLocked)):
            bank.cloud_open(KIM.customer_id, OTHER_PIN)
    bank.cloud_store(KIM.customer_id, OTHER_PIN, b"reissued", serial=2)
    assert bank.cloud_open(KIM.customer_id, OTHER_PIN) == b"reissued"
    with pytest.raises(WrongPin):
        bank.cloud_open(KIM.customer_id, PIN)
    info = bank.cloud_info(KIM.customer_id)
    assert info is not None
    assert info.serial == 2


def test_no_certificate(bank: Bank) -> None:
    with pytest.raises(NoCloudCertificate):
        bank.cloud_open(KIM.customer_id, PIN)
    with pytest.raises(NoCloudCertificate):
        bank.cloud_remove(KIM.customer_id)


def test_remove(bank: Bank) -> None:
    bank.cloud_store(KIM.customer_id, PIN, PAYLOAD)
    bank.cloud_remove(KIM.customer_id)
    assert not bank.cloud_has(KIM.customer_id)


def test_rows_are_bound_to_their_customer(bank: Bank, home: DataHome) -> None:
    """Copying Kim's encrypted row onto Lee's must not open with Kim's PIN."""
    bank.cloud_store(KIM.customer_id, PIN, PAYLOAD)
    bank.cloud_store(LEE.customer_id, OTHER_PIN, b"lee")
    conn = sqlite3.connect(home.bank_db, isolation_level=None)
    try:
        conn.execute(
            "UPDATE cloud_certificates SET (kdf, salt, nonce, ciphertext) ="
            " (SELECT kdf, salt, nonce, ciphertext FROM cloud_certificates"
            "  WHERE customer_id = ?) WHERE customer_id = ?",
            (KIM.customer_id, LEE.customer_id),
        )
    finally:
        conn.close()
    with pytest.raises(WrongPin):
        bank.cloud_open(LEE.customer_id, PIN)
