"""갱신 end to end by keyboard, and its refusals (31 days before expiry, after expiry)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from cryptography import x509
from flow_driver import (
    DEMO_PASSWORD,
    SIZE,
    issue_certificate,
    move_clock_to_days_before_window,
    open_menu,
    pane_id,
    pass_identity,
    pick,
    text_of,
)
from tui_driver import GOOD_PASSWORD, demo_customer, scenario_customer, settle, type_text

from mgcert.bank import DemoScenario
from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, EntryStatus, catalog, renewal
from mgcert.npki.keyfile import decrypt_private_key
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.kind_choice import KindChoiceScreen


async def test_renew_the_expiring_demo_certificate_keeping_the_password(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = demo_customer(center, "박지훈")
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        old = await pick(pilot, lambda e: e.status is EntryStatus.EXPIRING)
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "phone-method"
        assert "갱신하면 유효기간이" in text_of(app, "#flow-notice")
        await pass_identity(pilot, center, customer.customer_id)
        assert pane_id(app) == "password"
        await pilot.press("tab", "tab", "tab", "enter")  # past both fields and 갱신 → 유지
        await settle(pilot)
        assert pane_id(app) == "done"
        assert "갱신되었습니다" in text_of(app, "#done-heading")

    listing = center.list_certificates(old.location).entries
    assert len(listing) == 1
    new = listing[0]
    assert new.serial != old.serial
    assert new.not_after - old.not_after > timedelta(days=364)
    assert center.mg_ca.status(old.serial) is CertificateStatus.REVOKED
    # The kept password opens the new key.
    key = new.stored.key_path.read_bytes()
    assert decrypt_private_key(key, DEMO_PASSWORD).random_num is not None
    assert x509.load_der_x509_certificate(new.stored.cert_der).serial_number == new.serial


@contextmanager
def key_opened() -> Iterator[list[object]]:
    """Every signPri.key the center decrypts meanwhile (the KDF wait a refusal skips)."""
    opened: list[object] = []
    real = catalog.open_key

    def spy(entry: object, password: str) -> object:
        opened.append(entry)
        return real(entry, password)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(catalog, "open_key", spy)
        patch.setattr(renewal, "open_key", spy)
        yield opened


async def test_renewal_31_days_before_expiry_is_too_early(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    issued = issue_certificate(center, customer)
    move_clock_to_days_before_window(center, issued)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        with key_opened() as opened:
            await pick(pilot, lambda e: e.name == customer.name)
        # Refused from the listing: no password asked, no key opened (issue 14 point 5).
        assert opened == []
        assert pane_id(app) == "refused"
        assert "아직 갱신할 수 없습니다" in text_of(app, "#explain-heading")
        opens = (issued.not_after - timedelta(days=30)).strftime("%Y-%m-%d")
        assert opens in text_of(app, "#explain-reason")

        # One day later the same certificate can be renewed.
        await pilot.press("escape")
        await settle(pilot)
        center.simulator.advance_clock(timedelta(days=1))
        await open_menu(pilot, "renew")
        await pick(pilot, lambda e: e.name == customer.name)
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "phone-method"


async def test_renewal_after_expiry_points_to_issuance(
    app: MgcertApp, center: CertificateCenter
) -> None:
    center.simulator.advance_clock(timedelta(days=21))  # the demo certificate had 20 days
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        with key_opened() as opened:
            await pick(pilot, lambda e: e.status is EntryStatus.EXPIRED)
        assert opened == []  # said before the password
        assert pane_id(app) == "refused"
        assert "만료된 인증서는 갱신할 수 없습니다" in text_of(app, "#explain-heading")
        await pilot.press("enter")  # 공동인증서 발급/재발급으로 has focus
        await settle(pilot)
        assert isinstance(app.screen, KindChoiceScreen)


async def test_wrong_password_keeps_the_prompt_and_forgot_leads_to_reissue(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        await pick(pilot, lambda e: e.name == "박지훈")
        await type_text(pilot, "Wrong#pass123")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.id == "password-prompt"
        assert "비밀번호가 올바르지 않습니다" in text_of(app, "FieldError")
        assert app.screen.query_one("#prompt-password").value == ""  # type: ignore[attr-defined]
        await pilot.press("f3")  # 비밀번호를 잊으셨나요?
        await settle(pilot)
        assert isinstance(app.screen, KindChoiceScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.id == "home"
