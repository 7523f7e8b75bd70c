"""The password checklist shows a broken part at once (✘), the error says what is
wrong without a double negative, and at 80×24 no toast covers it."""

from __future__ import annotations

from flow_driver import DEMO_PASSWORD, open_menu, text_of
from textual.widgets import Input, Label
from tui_driver import (
    GOOD_PASSWORD,
    AppPilot,
    error_on_screen,
    keep_harddisk,
    pane_id,
    scenario_customer,
    settle,
    type_text,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp
from mgcert.tui.widgets.field_error import FieldError

SIZE = (80, 24)
NEW_PASSWORD = "Fresh#Pass2027"


def rule(app: MgcertApp, rule_id: str) -> str:
    return str(app.screen.query_one(f"#{rule_id}", Label).render())


def toasts(app: MgcertApp) -> int:
    return len(app.screen.query("Toast"))


async def to_password_step(app: MgcertApp, pilot: AppPilot, center: CertificateCenter) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    await walk_to_medium(pilot, center, customer)
    await keep_harddisk(pilot)
    assert pane_id(app) == "password"


async def test_a_forbidden_character_is_marked_broken_as_typed(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_password_step(app, pilot, center)
        assert rule(app, "rule-4").startswith("·")  # nothing typed: not judged yet
        await type_text(pilot, "Mg!Cert")
        assert rule(app, "rule-4").startswith("✔")
        await type_text(pilot, "20'")
        assert rule(app, "rule-4").startswith("✘")
        await pilot.press("backspace")
        assert rule(app, "rule-4").startswith("✔")


async def test_a_differing_confirmation_is_marked_broken(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_password_step(app, pilot, center)
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await type_text(pilot, GOOD_PASSWORD[:4])
        assert rule(app, "rule-match").startswith("·")  # on its way to the same
        await type_text(pilot, "?")
        assert rule(app, "rule-match").startswith("✘")


async def test_the_error_names_the_forbidden_character_and_no_toast_covers_it(
    app: MgcertApp, center: CertificateCenter
) -> None:
    bad = "Mg!Cert2026'"
    async with app.run_test(size=SIZE) as pilot:
        await to_password_step(app, pilot, center)
        await type_text(pilot, bad)
        await pilot.press("enter")
        await type_text(pilot, bad)
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "password"
        error = error_on_screen(app)
        assert "사용할 수 없는 문자(')가 들어 있습니다" in error
        assert "없음" not in error
        assert toasts(app) == 0
        assert rule(app, "rule-4").startswith("✘")  # the fields keep what was typed
        assert app.focused is wizard(app).query_one("#new-password", Input)


async def test_a_mismatch_is_said_and_the_confirmation_focused(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await to_password_step(app, pilot, center)
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await type_text(pilot, GOOD_PASSWORD + "x")
        await pilot.press("enter")
        await settle(pilot)
        assert error_on_screen(app) == "비밀번호 확인이 비밀번호와 다릅니다."
        assert toasts(app) == 0
        confirm = wizard(app).query_one("#new-password-confirm", Input)
        assert confirm.value == ""  # typed again from the start
        assert app.focused is confirm


async def test_change_password_a_wrong_current_password_keeps_the_new_ones(
    app: MgcertApp,
) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        await open_menu(pilot, "manage")
        await pilot.press("p")
        await settle(pilot)
        for text in ("Wrong#pass99", NEW_PASSWORD, NEW_PASSWORD):
            await type_text(pilot, text)
            await pilot.press("enter")
        await settle(pilot)
        assert "비밀번호가 올바르지 않습니다" in text_of(app, "FieldError")
        old, new, confirm = (
            app.screen.query_one(selector, Input)
            for selector in ("#change-old", "#change-new", "#change-confirm")
        )
        assert old.value == ""
        assert (new.value, confirm.value) == (NEW_PASSWORD, NEW_PASSWORD)
        assert app.focused is old
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("enter", "enter", "enter")  # on through the kept fields
        await settle(pilot)
        assert app.screen.id == "manage"


async def test_change_password_a_weak_new_password_is_refused_by_the_fields(
    app: MgcertApp,
) -> None:
    async with app.run_test(size=(100, 36)) as pilot:
        await open_menu(pilot, "manage")
        await pilot.press("p")
        await settle(pilot)
        for text in (DEMO_PASSWORD, "short1!", "short1!"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await settle(pilot)
        error = app.screen.query_one(FieldError).text
        assert error.startswith("10자리 이상이어야 합니다"), error
        assert app.focused is app.screen.query_one("#change-new", Input)
