"""Issuance end to end with the keyboard only, then the files and both databases."""

from __future__ import annotations

from cryptography import x509
from tui_driver import (
    keep_harddisk,
    pane_id,
    scenario_customer,
    set_password,
    settle,
    walk_to_identity,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, IssueMode
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.done_step import DoneStep

SIZE = (100, 36)


async def test_keyboard_walk_issues_a_certificate(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        assert pane_id(app) == "medium"
        await keep_harddisk(pilot)
        assert pane_id(app) == "password"
        await set_password(pilot)
        assert pane_id(app) == "done"
        result = wizard(app).flow.result
        assert result is not None
        assert result.mode is IssueMode.NEW
        shown = str(wizard(app).query_one("#done-heading").render())
        assert "발급되었습니다" in shown
        table = wizard(app).query_one(DoneStep).result_shown
        assert table is result

        # The files are real NPKI files in the folder the screen names.
        cert_path = result.folder / "signCert.der"
        key_path = result.folder / "signPri.key"
        assert cert_path.is_file()
        assert key_path.is_file()
        assert result.folder.is_relative_to(center.home.harddisk_root)
        certificate = x509.load_der_x509_certificate(cert_path.read_bytes())
        serial = certificate.serial_number
        assert format(serial, "x") == result.serial_hex
        assert customer.name in certificate.subject.rfc4514_string()

        # The CA recorded it as good; the bank registered it for this customer.
        record = center.mg_ca.record(serial)
        assert record is not None
        assert center.mg_ca.status(serial) is CertificateStatus.GOOD
        registration = center.bank.registration(center.mg_ca.profile.org, serial)
        assert registration is not None
        assert registration.customer_id == customer.customer_id

        # Back to the menu.
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.id == "home"


async def test_existing_valid_certificate_turns_into_reissue(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.EXPIRING_SOON)  # has a valid one
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        notice = str(wizard(app).query_one("#flow-notice").render())
        assert "인증서(만료일" in notice
        assert "있어 재발급합니다" in notice
        assert wizard(app).check is not None
        assert wizard(app).check.mode is IssueMode.REISSUE
