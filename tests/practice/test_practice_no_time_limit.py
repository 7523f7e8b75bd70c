"""시간 제한 없음: in a practice home with it on, ARS/SMS and 내보내기 codes still work an
hour later; in an ordinary home (or with it off) they run out as always."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from practice_support import KIM, NOW, harddisk, phone

from mgcert.bank import ArsExpired, SmsExpired
from mgcert.center import (
    CertificateCenter,
    CertificateEntry,
    ExportExpired,
    ExportUsed,
    IssuanceFlow,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD, DEMO_CUSTOMER_NAME
from mgcert.npki.profile import CertificateKind
from mgcert.practice.marker import mark_practice_home, set_no_time_limit

HOUR = timedelta(hours=1)
Opener = Callable[[Path], CertificateCenter]


@pytest.fixture(params=["no-limit", "ordinary", "practice-with-limit"])
def world(
    request: pytest.FixtureRequest, tmp_path: Path, opener: Opener
) -> Iterator[tuple[CertificateCenter, bool]]:
    """(center, whether codes should survive an hour) for the three kinds of home."""
    home = tmp_path / "home"
    if request.param == "no-limit":
        mark_practice_home(home, no_time_limit=True)
    elif request.param == "practice-with-limit":
        mark_practice_home(home, no_time_limit=False)
    center = opener(home)
    yield center, request.param == "no-limit"
    center.close()


def _flow(center: CertificateCenter) -> IssuanceFlow:
    flow = center.start_issuance(CertificateKind.GENERAL)
    flow.enter_customer(KIM.rrn, KIM.account, KIM.account_password)
    flow.agree_terms(True)
    return flow


def test_ars_call_after_an_hour(world: tuple[CertificateCenter, bool]) -> None:
    center, survives = world
    flow = _flow(center)
    prompt = flow.start_ars()
    center.simulator.advance_clock(HOUR)
    assert center.clock.now() == NOW + HOUR
    if survives:
        assert center.simulator.key_in_ars(KIM.customer_id, prompt.code)
        flow.confirm_ars()
        assert flow.phone_verified
    else:
        assert center.simulator.pending_ars(KIM.customer_id) is None  # stopped ringing
        with pytest.raises(ArsExpired):
            flow.confirm_ars()
        assert not flow.phone_verified


def test_ars_keyed_in_time_then_confirmed_an_hour_later(
    world: tuple[CertificateCenter, bool],
) -> None:
    center, survives = world
    flow = _flow(center)
    prompt = flow.start_ars()
    assert center.simulator.key_in_ars(KIM.customer_id, prompt.code)
    center.simulator.advance_clock(HOUR)
    if survives:
        flow.confirm_ars()
        assert flow.phone_verified
    else:
        with pytest.raises(ArsExpired):
            flow.confirm_ars()
        assert not flow.phone_verified


def test_sms_code_after_an_hour(world: tuple[CertificateCenter, bool]) -> None:
    center, survives = world
    flow = _flow(center)
    flow.send_sms()
    code = center.simulator.sms_inbox(KIM.customer_id)[0].code
    center.simulator.advance_clock(HOUR)
    if survives:
        flow.verify_sms(code)
        assert flow.phone_verified
    else:
        with pytest.raises(SmsExpired):
            flow.verify_sms(code)
        assert not flow.phone_verified


def _demo(center: CertificateCenter) -> CertificateEntry:
    entries = center.list_certificates(harddisk(center)).entries
    return next(e for e in entries if e.name == DEMO_CUSTOMER_NAME)


def test_export_code_after_an_hour(world: tuple[CertificateCenter, bool]) -> None:
    center, survives = world
    ticket = center.export_certificate(_demo(center), DEMO_CERTIFICATE_PASSWORD)
    center.simulator.advance_clock(HOUR)
    if survives:
        imported = center.import_certificate(ticket.code, phone(center))
        assert imported.name == DEMO_CUSTOMER_NAME
        with pytest.raises(ExportUsed):  # used, not "expired", even an hour past
            center.import_certificate(ticket.code, phone(center))
    else:
        with pytest.raises(ExportExpired):
            center.import_certificate(ticket.code, phone(center))
        assert center.list_certificates(phone(center)).entries == []


def test_export_waits_even_a_year_with_no_limit(tmp_path: Path, opener: Opener) -> None:
    home = tmp_path / "home"
    mark_practice_home(home, no_time_limit=True)
    with opener(home) as center:
        ticket = center.export_certificate(_demo(center), DEMO_CERTIFICATE_PASSWORD)
        center.simulator.advance_clock(timedelta(days=2))
        center.export_certificate(_demo(center), DEMO_CERTIFICATE_PASSWORD)  # tidies old ones
        assert center.import_certificate(ticket.code, phone(center)).name == DEMO_CUSTOMER_NAME


def test_switching_the_setting_takes_effect_in_an_open_center(
    tmp_path: Path, opener: Opener
) -> None:
    home = tmp_path / "home"
    mark_practice_home(home, no_time_limit=True)
    with opener(home) as center:
        flow = _flow(center)
        flow.send_sms()
        code = center.simulator.sms_inbox(KIM.customer_id)[0].code
        center.simulator.advance_clock(HOUR)
        set_no_time_limit(home, False)
        with pytest.raises(SmsExpired):
            flow.verify_sms(code)
        set_no_time_limit(home, True)
        flow.verify_sms(code)
        assert flow.phone_verified
