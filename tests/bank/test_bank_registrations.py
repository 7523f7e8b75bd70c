"""Registered certificates: issuer + serial per customer, stored as hex text."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from bank_support import JOB, KIM, KIM_ACCOUNT, LEE, LEE_ACCOUNT, OTHER_JOB, query

from mgcert.bank import (
    AccountMismatch,
    Bank,
    CertificateAlreadyRegistered,
    CertificateNotRegistered,
    CertificateOrigin,
)
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki.profile import CertificateKind

BIG_SERIAL = 0x7F3A_0000_0000_0000_0000_0000_0000_0000_0000_1234  # 159 bits, NPKI-sized


def test_register_look_up_and_list(bank: Bank, clock: Clock) -> None:
    registration = bank.register_certificate(
        KIM.customer_id, "MGSIM", BIG_SERIAL, CertificateKind.UNIVERSAL, "mg", KIM_ACCOUNT
    )
    assert registration.serial == BIG_SERIAL
    assert registration.kind is CertificateKind.UNIVERSAL
    assert registration.origin is CertificateOrigin.MG
    assert registration.account_number == KIM_ACCOUNT
    assert registration.registered_at == clock.now()
    assert bank.registration("MGSIM", BIG_SERIAL) == registration
    assert bank.registration("OTHERSIM", BIG_SERIAL) is None
    other = bank.register_certificate(
        KIM.customer_id, "OTHERSIM", 7, CertificateKind.GENERAL, CertificateOrigin.OTHER
    )
    assert other.account_number is None
    assert bank.registrations(KIM.customer_id) == [registration, other]
    assert bank.registrations(LEE.customer_id) == []


def test_serial_is_stored_as_lowercase_hex_text(bank: Bank, home: DataHome) -> None:
    bank.register_certificate(KIM.customer_id, "MGSIM", 0xABC, CertificateKind.GENERAL)
    conn = sqlite3.connect(f"file:{home.bank_db}?mode=ro", uri=True)
    try:
        (stored,) = conn.execute("SELECT serial_hex FROM registrations").fetchone()
    finally:
        conn.close()
    assert stored == "abc"


def test_another_customers_certificate_cannot_be_registered(bank: Bank) -> None:
    bank.register_certificate(KIM.customer_id, "MGSIM", 42, CertificateKind.GENERAL)
    with pytest.raises(CertificateAlreadyRegistered):
        bank.register_certificate(LEE.customer_id, "MGSIM", 42, CertificateKind.GENERAL)
    with pytest.raises(CertificateAlreadyRegistered):
        bank.register_certificate(LEE.customer_id, "MGSIM", 42, CertificateKind.GENERAL, job_id=JOB)
    # The same serial from another issuer is another certificate.
    bank.register_certificate(LEE.customer_id, "OTHERSIM", 42, CertificateKind.GENERAL, "other")


def test_unregister(bank: Bank) -> None:
    bank.register_certificate(KIM.customer_id, "MGSIM", 42, CertificateKind.GENERAL)
    bank.unregister_certificate("MGSIM", 42)
    assert bank.registration("MGSIM", 42) is None
    with pytest.raises(CertificateNotRegistered):
        bank.unregister_certificate("MGSIM", 42)


def test_account_must_be_the_customers(bank: Bank) -> None:
    with pytest.raises(AccountMismatch):
        bank.register_certificate(
            KIM.customer_id, "MGSIM", 1, CertificateKind.GENERAL, "mg", LEE_ACCOUNT
        )
    assert bank.registrations(KIM.customer_id) == []


def test_negative_serial_is_a_programming_error(bank: Bank) -> None:
    with pytest.raises(ValueError, match="serial"):
        bank.register_certificate(KIM.customer_id, "MGSIM", -1, CertificateKind.GENERAL)


def test_registering_again_for_the_same_customer_returns_the_first(
    bank: Bank, clock: Clock, home: DataHome
) -> None:
    """A certificate job's retry: no error, no second row, nothing changed."""
    first = bank.register_certificate(
        KIM.customer_id,
        "MGSIM",
        BIG_SERIAL,
        CertificateKind.UNIVERSAL,
        "mg",
        KIM_ACCOUNT,
        job_id=JOB,
    )
    assert first.job_id == JOB
    clock.advance(timedelta(minutes=5))
    again = bank.register_certificate(
        KIM.customer_id,
        "MGSIM",
        BIG_SERIAL,
        CertificateKind.UNIVERSAL,
        "mg",
        KIM_ACCOUNT,
        job_id=JOB,
    )
    assert again == first
    # Even with other details the first registration stands as it was.
    other = bank.register_certificate(
        KIM.customer_id, "MGSIM", BIG_SERIAL, CertificateKind.GENERAL, job_id=OTHER_JOB
    )
    assert other == first
    assert bank.registrations(KIM.customer_id) == [first]
    assert query(home.bank_db, "SELECT job_id FROM registrations") == [(JOB,)]


def test_the_job_id_is_stored_and_optional(bank: Bank) -> None:
    with_job = bank.register_certificate(
        KIM.customer_id, "MGSIM", 1, CertificateKind.GENERAL, job_id=JOB
    )
    without = bank.register_certificate(KIM.customer_id, "MGSIM", 2, CertificateKind.GENERAL)
    assert (with_job.job_id, without.job_id) == (JOB, None)
    assert bank.registration("MGSIM", 1) == with_job
    with pytest.raises(ValueError, match="job id"):
        bank.register_certificate(KIM.customer_id, "MGSIM", 3, CertificateKind.GENERAL, job_id="x")
    assert bank.registration("MGSIM", 3) is None
