"""갱신: from 30 days before expiry until the expiry day (KST), MG certificates only."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from center_support import (
    KIM,
    NEW_PASSWORD,
    PARK,
    PASSWORD,
    demo_entry,
    entry,
    issue,
    pass_identity,
)

from mgcert.ca import CertificateStatus
from mgcert.center import (
    CertificateCenter,
    CertificateEntry,
    IssueMode,
    NotRenewable,
    RenewalExpired,
    RenewalTooEarly,
    StateChanged,
    StepsIncomplete,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.center.models import MediumLocation
from mgcert.clock import Clock
from mgcert.npki import storage
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key
from mgcert.npki.profile import CertificateKind


def _kim_entry_days_left(
    center: CertificateCenter, clock: Clock, days_left: int
) -> CertificateEntry:
    result = issue(center, KIM)  # expires 2027-11-24 (same date, as yessign): 365 days on
    clock.advance(timedelta(days=365 - days_left))
    found = entry(center, result.serial_hex)
    assert found.days_left == days_left
    return found


def test_renewal_refused_at_31_days_says_from_when(center: CertificateCenter, clock: Clock) -> None:
    found = _kim_entry_days_left(center, clock, 31)
    with pytest.raises(RenewalTooEarly) as raised:
        center.start_renewal().select(found, PASSWORD)
    assert raised.value.from_date == date(2027, 10, 25)
    assert "2027-10-25" in str(raised.value)


def test_renewal_accepted_at_30_days(center: CertificateCenter, clock: Clock) -> None:
    found = _kim_entry_days_left(center, clock, 30)
    flow = center.start_renewal()
    check = flow.select(found, PASSWORD)
    assert check.new_not_after.date() == date(2028, 11, 24)


def test_renewal_on_the_expiry_day_replaces_files_and_supersedes(
    center: CertificateCenter, clock: Clock
) -> None:
    old = demo_entry(center)
    clock.advance(timedelta(days=20))
    old = center.refresh(old)
    assert old.days_left == 0
    flow = center.start_renewal()
    check = flow.select(old, DEMO_CERTIFICATE_PASSWORD)
    assert check.fee_won == 0
    with pytest.raises(StepsIncomplete):
        flow.renew()
    pass_identity(center, flow, PARK.customer_id)
    result = flow.renew(NEW_PASSWORD, NEW_PASSWORD)

    assert result.mode is IssueMode.RENEWAL
    assert result.not_after == check.new_not_after
    assert result.not_after.astimezone(old.not_after.tzinfo).date() == (
        old.not_after.date().replace(year=old.not_after.year + 1)
    )
    assert not old.stored.folder.exists()
    new = storage.load_certificate(result.folder)
    decrypt_private_key(storage.read_key_file(new), NEW_PASSWORD)
    assert center.mg_ca.status(old.serial) is CertificateStatus.REVOKED
    record = center.mg_ca.record(old.serial)
    assert record is not None
    assert record.reason is not None
    assert record.reason.name == "superseded"
    assert center.bank.registration("MGSIM", new.certificate.serial_number) is not None


def test_renewal_keeps_the_password_when_no_new_one(
    center: CertificateCenter, clock: Clock
) -> None:
    clock.advance(timedelta(days=1))
    flow = center.start_renewal()
    flow.select(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    pass_identity(center, flow, PARK.customer_id)
    result = flow.renew()
    decrypt_private_key(
        storage.read_key_file(storage.load_certificate(result.folder)), DEMO_CERTIFICATE_PASSWORD
    )


def test_renewal_after_expiry_says_use_issue(center: CertificateCenter, clock: Clock) -> None:
    clock.advance(timedelta(days=21))
    with pytest.raises(RenewalExpired) as raised:
        center.start_renewal().select(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    assert "발급" in str(raised.value)


def test_renewal_needs_the_right_password(center: CertificateCenter) -> None:
    with pytest.raises(WrongKeyPassword):
        center.start_renewal().select(demo_entry(center), "Wrong-pass1")


def test_universal_renewal_charges_the_fee_again(center: CertificateCenter, clock: Clock) -> None:
    result = issue(center, KIM, CertificateKind.UNIVERSAL)
    clock.advance(timedelta(days=350))
    flow = center.start_renewal()
    check = flow.select(entry(center, result.serial_hex), PASSWORD)
    assert check.fee_won == 4_400
    pass_identity(center, flow, KIM.customer_id)
    before = center.bank.balance(KIM.account)
    flow.renew()
    assert center.bank.balance(KIM.account) == before - 4_400


def test_revoked_and_other_institution_certificates_are_not_renewable(
    center: CertificateCenter, clock: Clock
) -> None:
    location: MediumLocation = demo_entry(center).location
    other = center.simulator.make_other_institution_certificate(KIM.customer_id, location, PASSWORD)
    with pytest.raises(NotRenewable, match="새마을금고에서 발급한"):
        center.start_renewal().select(other, PASSWORD)
    demo = demo_entry(center)
    center.revoke_certificate(demo, DEMO_CERTIFICATE_PASSWORD)
    with pytest.raises(NotRenewable, match="폐기"):
        center.start_renewal().select(demo, DEMO_CERTIFICATE_PASSWORD)


def test_unregistered_mg_certificate_is_not_renewable(
    center: CertificateCenter, clock: Clock
) -> None:
    demo = demo_entry(center)
    center.bank.unregister_certificate(demo.issuer_org, demo.serial)  # the center refuses
    with pytest.raises(NotRenewable, match="등록되지 않은"):
        center.start_renewal().select(center.refresh(demo), DEMO_CERTIFICATE_PASSWORD)


def test_expiry_between_select_and_renew_is_caught(center: CertificateCenter, clock: Clock) -> None:
    flow = center.start_renewal()
    flow.select(demo_entry(center), DEMO_CERTIFICATE_PASSWORD)
    pass_identity(center, flow, PARK.customer_id)
    clock.advance(timedelta(days=21))
    with pytest.raises(StateChanged):
        flow.renew()
