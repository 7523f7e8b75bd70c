"""타기관 인증서 등록/해제 end to end, and a 주민등록번호 that does not match the VID."""

from __future__ import annotations

from flow_driver import (
    OTHER_PASSWORD,
    SIZE,
    enter_password,
    open_menu,
    pane_error,
    pane_id,
    pass_identity,
    pick,
    text_of,
)
from tui_driver import AppPilot, DemoCustomer, scenario_customer, settle, type_text

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter, CertificateEntry, EntryStatus, MediumKind
from mgcert.tui.app import MgcertApp


def is_other(entry: CertificateEntry) -> bool:
    return entry.issuer_org == "OTHERSIM"


async def pick_other_and_prove(pilot: AppPilot) -> CertificateEntry:
    entry = await pick(pilot, is_other)
    await enter_password(pilot, OTHER_PASSWORD)
    return entry


async def type_rrn(pilot: AppPilot, rrn: str) -> None:
    await type_text(pilot, rrn[:6])
    await pilot.press("enter")
    await type_text(pilot, rrn[6:])
    await pilot.press("enter")
    await settle(pilot)


async def test_register_a_certificate_from_another_institution_then_unregister_it(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer: DemoCustomer = scenario_customer(center, DemoScenario.ORDINARY)
    app.session.customer_id = customer.customer_id
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "register")
        await pilot.press("o")  # the simulator makes one for the current customer
        await settle(pilot)
        await type_text(pilot, OTHER_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        made = await pick_other_and_prove(pilot)
        assert made.status is EntryStatus.UNREGISTERED
        assert made.name == customer.name
        assert pane_id(app) == "owner"
        await type_rrn(pilot, customer.rrn)
        assert pane_id(app) == "account-pane"
        await type_text(pilot, customer.account)
        await pilot.press("enter")
        await type_text(pilot, customer.account_password)
        await pilot.press("enter")
        await settle(pilot)
        await pass_identity(pilot, center, customer.customer_id)
        assert pane_id(app) == "done"
        assert "등록되었습니다" in text_of(app, "#done-heading")
        registration = center.bank.registration("OTHERSIM", made.serial)
        assert registration is not None
        assert registration.customer_id == customer.customer_id

        # 해제: back in the menu, the same row, 'u', its password.
        await pilot.press("enter")
        await settle(pilot)
        await open_menu(pilot, "register")
        await pick(pilot, is_other)  # Enter opens the prompt for registering…
        await pilot.press("escape")  # …which is not wanted now
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        await enter_password(pilot, OTHER_PASSWORD)
        assert "등록을 해제했습니다" in text_of(app, "#flow-notice")
    assert center.bank.registration("OTHERSIM", made.serial) is None


async def test_someone_elses_resident_number_does_not_match_the_vid(
    app: MgcertApp, center: CertificateCenter
) -> None:
    owner = scenario_customer(center, DemoScenario.ORDINARY)
    other_person = scenario_customer(center, DemoScenario.LOW_BALANCE)
    center.simulator.make_other_institution_certificate(
        owner.customer_id, center.medium(MediumKind.HARDDISK), OTHER_PASSWORD
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "register")
        made = await pick_other_and_prove(pilot)
        await type_rrn(pilot, other_person.rrn)
        assert pane_id(app) == "owner"
        assert "VID" in pane_error(app)
        assert app.screen.query_one("#owner-back").value == ""  # type: ignore[attr-defined]
        assert app.screen.query_one("#owner-front").value == other_person.rrn[:6]  # type: ignore[attr-defined]
    assert center.bank.registration("OTHERSIM", made.serial) is None
