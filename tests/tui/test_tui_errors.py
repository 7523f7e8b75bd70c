"""Refusals on the way: the message shows where the user is, input is kept, secrets cleared."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from tui_driver import (
    GOOD_PASSWORD,
    answer_ars_call,
    answer_security_card,
    choose_kind,
    choose_method,
    confirm_ars,
    enter_customer,
    error_on_screen,
    keep_harddisk,
    open_kind_choice,
    open_simulator_tab,
    pane_id,
    scenario_customer,
    set_password,
    settle,
    type_text,
    walk_to_identity,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.bank.limits import ACCOUNT_PASSWORD_ATTEMPTS
from mgcert.center import CertificateCenter
from mgcert.messages import issuance as issue_msg
from mgcert.tui.app import MgcertApp

SIZE = (100, 36)


def field(app: MgcertApp, selector: str) -> Input:
    return wizard(app).query_one(selector, Input)


async def test_account_password_wrong_until_locked_then_branch_visit(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    wrong = "0000" if customer.account_password != "0000" else "1111"
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot)
        await enter_customer(pilot, customer, account_password=wrong)
        for attempt in range(1, ACCOUNT_PASSWORD_ATTEMPTS):
            assert pane_id(app) == "customer"
            assert f"남은 횟수 {ACCOUNT_PASSWORD_ATTEMPTS - attempt}회" in error_on_screen(app)
            # The secret is cleared, everything else is kept, focus is back on the secret.
            assert field(app, "#account-password").value == ""
            assert field(app, "#rrn-front").value == customer.rrn[:6]
            assert field(app, "#account").value == customer.account
            assert app.focused is field(app, "#account-password")
            await type_text(pilot, wrong)
            await pilot.press("enter")
            await settle(pilot)
        locked = error_on_screen(app)
        assert "전자금융 거래가 제한되었습니다" in locked
        assert issue_msg.LOCKED_NEXT_STEP in locked  # says what to do next

        # Even the right password is refused while locked.
        await type_text(pilot, customer.account_password)
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "customer"
        assert "제한" in error_on_screen(app)

        # 지점 방문 in the simulator panel (the last tab) unlocks.
        await open_simulator_tab(pilot, "sim-branch-tab")
        assert app.focused is not None
        assert app.focused.id == "sim-branch-unlock"
        await pilot.press("enter")
        await settle(pilot)
        assert not center.simulator.lock_state(customer.customer_id).any_locked
        await pilot.press("escape")
        await settle(pilot)

        await type_text(pilot, customer.account_password)
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "terms"


async def test_wrong_security_card_cells_are_refused_with_a_new_question(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        await choose_method(pilot)
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        await choose_method(pilot)
        assert pane_id(app) == "card"
        await answer_security_card(pilot, center, wrong=True)
        assert pane_id(app) == "card"
        assert "보안카드 번호가 올바르지 않습니다" in error_on_screen(app)
        assert field(app, "#card-first").value == ""
        assert field(app, "#card-second").value == ""
        await answer_security_card(pilot, center)
        assert pane_id(app) == "medium"


async def test_ars_confirmed_too_early_then_after_expiry_then_called_again(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        await choose_method(pilot)
        assert pane_id(app) == "ars"
        await confirm_ars(pilot)  # the phone was never answered
        assert pane_id(app) == "ars"
        assert "인증이 완료되지 않았습니다" in error_on_screen(app)

        # The simulator's clock tab: +1일 is far past the 3 minutes.
        await open_simulator_tab(pilot, "sim-clock-tab")
        assert app.focused is not None
        assert app.focused.id == "sim-clock-day"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await confirm_ars(pilot)
        assert pane_id(app) == "ars"
        assert "인증 시간이 만료되었습니다" in error_on_screen(app)

        # 다시 걸기 rings again with a new number; answering it works.
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert error_on_screen(app) == ""
        await pilot.press("shift+tab")
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        assert pane_id(app) == "device-method"


async def test_weak_then_mismatched_password_then_issue(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        await keep_harddisk(pilot)
        await set_password(pilot, "short1!")
        assert pane_id(app) == "password"
        assert "10자리 이상이어야 합니다" in error_on_screen(app)
        # Kept (masked), so the checklist still shows what broke; the cursor is on it.
        assert field(app, "#new-password").value == "short1!"
        assert app.focused is field(app, "#new-password")
        await set_password(pilot, GOOD_PASSWORD, GOOD_PASSWORD + "x")
        assert pane_id(app) == "password"
        assert "비밀번호 확인이 비밀번호와 다릅니다" in error_on_screen(app)
        assert field(app, "#new-password-confirm").value == ""
        assert app.focused is field(app, "#new-password-confirm")
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "done"


async def test_unwritable_removable_folder_is_refused_before_issuing(
    app: MgcertApp, center: CertificateCenter, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file where a folder should be")
    bad_root = blocker / "usb"
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    certificates_before = len(list(center.home.root.rglob("signCert.der")))
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        await pilot.press("down", "enter", "tab")  # 이동식디스크, then the folder field
        assert app.focused is field(app, "#folder")
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, str(bad_root))
        await pilot.press("enter")
        await settle(pilot)
        assert pane_id(app) == "medium"
        assert error_on_screen(app) != ""
        assert field(app, "#folder").value == str(bad_root)  # kept for correcting
        assert not bad_root.exists()
        assert len(list(center.home.root.rglob("signCert.der"))) == certificates_before


async def test_universal_with_too_little_balance_stops_before_anything_is_issued(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.LOW_BALANCE)
    async with app.run_test(size=SIZE) as pilot:
        await open_kind_choice(pilot)
        await choose_kind(pilot, universal=True)
        assert wizard(app).kind.fee_won == 4_400
        await enter_customer(pilot, customer)
        assert pane_id(app) == "customer"
        assert "잔액이 부족합니다" in error_on_screen(app)
        assert field(app, "#account").value == customer.account
        assert field(app, "#account-password").value == ""
