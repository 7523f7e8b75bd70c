"""A whole form typed in one burst (a paste, a fast typist) lands field by field.

Pilot's own ``press`` waits for the app to go idle after every key, which hides the
problem; here the keys go into the app's queue all at once, as a terminal delivers them.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input
from tui_driver import (
    AppPilot,
    answer_ars_call,
    choose_kind,
    choose_method,
    confirm_ars,
    open_kind_choice,
    pane_id,
    scenario_customer,
    settle,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.device_steps import SecurityCardStep

SIZE = (100, 36)
NAMED = {"\t": ("tab", "\t"), "\n": ("enter", "\r"), "-": ("minus", "-"), " ": ("space", " ")}


async def burst(pilot: AppPilot, text: str) -> None:
    """Queue every key of ``text`` (Tab and newline included) without waiting in between."""
    for char in text:
        key, character = NAMED.get(char, (char, char))
        event = events.Key(key, character)
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
    # KeyOrder may still hold keys while a focus move waits for the next refresh; a
    # settled screen is not yet a drained burst.
    for _ in range(200):
        await settle(pilot)
        if not pilot.app.key_order.pending:
            return
        await pilot.pause(0.01)
    raise AssertionError("typed keys still held after 2 s")


def field(app: MgcertApp, selector: str) -> Input:
    return wizard(app).query_one(selector, Input)


async def test_customer_form_in_one_burst_fills_each_field(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        assert pane_id(app) == "customer"
        # Stop before Enter so every field can be checked.
        await burst(
            pilot,
            f"{customer.rrn[:6]}\t{customer.rrn[6:]}\t{customer.account}\t"
            f"{customer.account_password}",
        )
        assert field(app, "#rrn-front").value == customer.rrn[:6]
        assert field(app, "#rrn-back").value == customer.rrn[6:]
        assert field(app, "#account").value == customer.account
        assert field(app, "#account-password").value == customer.account_password
        await burst(pilot, "\n")
        assert pane_id(app) == "terms"
        check = wizard(app).check
        assert check is not None
        assert check.customer_id == customer.customer_id


async def test_enter_between_fields_and_onto_the_next_pane_keeps_the_burst_in_order(
    app: MgcertApp, center: CertificateCenter
) -> None:
    """Enter moves field to field (보안카드) and submits a pane; the keys after it follow."""
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        # Step ① with Enter after each field, then on the terms pane Space (전체 동의,
        # which moves focus to 다음) and Enter: one burst across two panes.
        await burst(
            pilot,
            f"{customer.rrn[:6]}\n{customer.rrn[6:]}\n{customer.account}\n"
            f"{customer.account_password}\n \n",
        )
        assert pane_id(app) == "phone-method"
        check = wizard(app).check
        assert check is not None
        assert check.customer_id == customer.customer_id
        await choose_method(pilot)  # ARS
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        await choose_method(pilot)  # 보안카드
        step = wizard(app).query_one(SecurityCardStep)
        assert step.prompt is not None
        cells = center.simulator.security_card(customer.customer_id).cells
        first = cells[step.prompt.first_cell][:2]
        last = cells[step.prompt.second_cell][2:]
        await burst(pilot, f"{first}\n{last}\n")
        assert pane_id(app) == "medium"
