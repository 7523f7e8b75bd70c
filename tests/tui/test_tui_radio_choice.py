"""Radio lists choose as the arrows move (as banking apps do), and the chosen item reads
differently from the others without colour (● chosen, ○ not)."""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet
from tui_driver import (
    AppPilot,
    agree_terms,
    answer_ars_call,
    confirm_ars,
    enter_customer,
    open_kind_choice,
    pane_id,
    scenario_customer,
    settle,
    walk_to_identity,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import MediumKind
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.medium_step import MediumStep

SIZE = (100, 36)


def glyphs(radio_set: RadioSet) -> list[str]:
    """The first character each item draws (its bullet), top to bottom."""
    return [str(button.render()).lstrip()[:1] for button in radio_set.query(RadioButton)]


async def next_button(pilot: AppPilot) -> None:
    """Tab from the list to 다음, Enter."""
    await pilot.press("tab", "enter")
    await settle(pilot)


async def test_down_on_the_kind_list_chooses_범용(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        kinds = app.screen.query_one("#kind", RadioSet)
        assert glyphs(kinds) == ["●", "○"]
        await pilot.press("down")  # no Enter: the arrow chooses
        assert glyphs(kinds) == ["○", "●"]
        await pilot.press("tab", "space", "tab", "enter")
        await settle(pilot)
        assert wizard(app).kind is CertificateKind.UNIVERSAL
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        assert pane_id(app) == "phone-method"


async def test_down_chooses_sms(app: MgcertApp, center: CertificateCenter) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        await pilot.press("down")
        await next_button(pilot)
        assert pane_id(app) == "sms"


async def test_down_chooses_otp(app: MgcertApp, center: CertificateCenter) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        await next_button(pilot)  # ARS
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        assert pane_id(app) == "device-method"
        methods = wizard(app).query_one("#device-method").query_one(RadioSet)
        await pilot.press("down")
        assert glyphs(methods) == ["○", "●"]
        await next_button(pilot)
        assert pane_id(app) == "otp"


async def test_arrows_choose_the_medium_and_skip_the_unavailable_token(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        step = wizard(app).query_one(MediumStep)
        await pilot.press("down")
        assert step.chosen_kind() is MediumKind.REMOVABLE
        assert step.query_one("#folder-row").display  # the folder shows at once
        await pilot.press("down", "down")  # 보안토큰 is not available: stays on 휴대폰
        assert step.chosen_kind() is MediumKind.PHONE
        await pilot.press("up")
        assert step.chosen_kind() is MediumKind.REMOVABLE
        await pilot.press("up", "up")
        assert step.chosen_kind() is MediumKind.HARDDISK
        assert glyphs(step.query_one("#medium-choice", RadioSet))[:3] == ["●", "○", "○"]
