"""금융인증서: trivial PIN refused, issued into the cloud, then the PIN lockout shown."""

from __future__ import annotations

from flow_driver import (
    SIZE,
    open_menu,
    pane_error,
    pane_id,
    pass_identity,
    text_of,
)
from tui_driver import agree_terms, enter_customer, scenario_customer, settle, type_text

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp

GOOD_PIN = "802613"
WRONG_PIN = "802614"


async def test_financial_certificate_goes_to_the_cloud_and_the_pin_locks(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "financial")
        assert pane_id(app) == "customer"
        await enter_customer(pilot, customer)
        assert pane_id(app) == "terms"
        assert "새로 발급합니다" in text_of(app, "#flow-notice")
        await agree_terms(pilot)
        await pass_identity(pilot, center, customer.customer_id)
        assert pane_id(app) == "pin"

        for pin in ("111111", "111111"):  # all the same digit
            await type_text(pilot, pin)
            await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "pin"
        assert pane_error(app)
        assert not center.bank.cloud_has(customer.customer_id)

        for pin in (GOOD_PIN, GOOD_PIN):
            await type_text(pilot, pin)
            await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "done"
        assert "클라우드에 저장되었습니다" in text_of(app, "#done-heading")
        assert center.bank.cloud_has(customer.customer_id)

        # Opening with the PIN: right once, then wrong until the certificate locks.
        app.screen.query_one("#try-pin").focus()
        await type_text(pilot, GOOD_PIN)
        await pilot.press("enter")
        await settle(pilot)
        assert "PIN이 맞습니다" in text_of(app, "#try-ok")
        for _ in range(5):
            await type_text(pilot, WRONG_PIN)
            await pilot.press("enter")
            await settle(pilot)
        shown = text_of(app, "#try-error")
        assert "잠" in shown
        assert "지점 방문" in shown
        await type_text(pilot, GOOD_PIN)  # even the right PIN no longer opens it
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(app, "#try-ok") == ""
