"""Esc in 갱신, 금융인증서, 타기관 등록, 내보내기/가져오기 and 로그인 확인: one step back, a
closed password prompt back to the picker, results and refusals left, Esc off while
the center works, the step bar on each step, and a bug in a center call survived."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from flow_driver import (
    DEMO_PASSWORD,
    OTHER_PASSWORD,
    SIZE,
    enter_password,
    flow_screen,
    issue_certificate,
    open_menu,
    pane_error,
    pass_identity,
    pick,
)
from test_tui_flow_back import (
    at,
    boom,
    count_calls,
    escape,
    gate,  # noqa: F401 (a fixture)
    go_back_anyway,
    held,
    keep_typing,
    question,
    value,
    worker_failed_shown,
)
from textual.widgets import Digits, Input
from tui_driver import (
    GOOD_PASSWORD,
    AppPilot,
    agree_terms,
    demo_customer,
    enter_customer,
    scenario_customer,
    settle,
    type_text,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter, CertificateEntry, EntryStatus, MediumKind
from mgcert.messages import tui as msg
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.picker.password_prompt import PasswordPrompt
from mgcert.tui.screens.steps.progress import ProgressStep

GOOD_PIN = "802613"


def prompt_up(app: MgcertApp) -> bool:
    return isinstance(app.screen, PasswordPrompt)


# ---------------------------------------------------------------- 갱신


async def open_renewal_at_identity(pilot: AppPilot) -> None:
    await open_menu(pilot, "renew")
    at(pilot.app, "pick", "① 인증서 선택")  # type: ignore[arg-type]
    await pick(pilot, lambda e: e.status is EntryStatus.EXPIRING)
    assert prompt_up(pilot.app)  # type: ignore[arg-type]
    await enter_password(pilot, DEMO_PASSWORD)


async def test_renewal_escape_goes_back_one_step_at_a_time(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = demo_customer(center, "박지훈")
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        calls = count_calls(monkeypatch, flow, "select", "start_ars", "renew")
        await pick(pilot, lambda e: e.status is EntryStatus.EXPIRING)
        await enter_password(pilot, DEMO_PASSWORD)
        await pass_identity(pilot, center, customer.customer_id)
        at(app, "password", "③ 암호 설정")
        # Typed: asks; 계속 입력 keeps it.
        await type_text(pilot, "Mg!Cert")
        await pilot.press("escape")
        await settle(pilot)
        assert question(app) == msg.BACK_QUESTION
        await keep_typing(pilot)
        at(app, "password", "③ 암호 설정")
        assert value(app, "#new-password") == "Mg!Cert"
        await pilot.press("escape")
        await settle(pilot)
        await go_back_anyway(pilot)
        at(app, "card", "② 본인인증")
        for pane_id in ("device-method", "ars", "phone-method"):
            await escape(pilot)
            at(app, pane_id, "② 본인인증")
        # Nothing answered is asked again, but the ARS step shown again rings anew
        # (the answered call is over; the bank would not accept it twice).
        assert calls == Counter(select=1, start_ars=2)
        # Before the identity checks: the password prompt (a dialog) again.
        await escape(pilot)
        assert prompt_up(app)
        # Closing it goes back to the picker, on the same certificate.
        await escape(pilot)
        at(app, "pick", "① 인증서 선택")
        assert not prompt_up(app)
        assert calls["select"] == 1
        await escape(pilot)  # the first step, nothing typed: out
        assert isinstance(app.screen, HomeScreen)


async def test_renewal_refusal_pane_is_left_with_escape(
    app: MgcertApp, center: CertificateCenter
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    fresh = issue_certificate(center, customer)  # a year left: too early
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        await pick(pilot, lambda e: e.serial_hex == fresh.serial_hex)
        if prompt_up(app):
            await enter_password(pilot, GOOD_PASSWORD)
        at(app, "refused", "① 인증서 선택")
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_renewal_escape_is_refused_while_renewing_and_leaves_from_the_result(
    app: MgcertApp,
    center: CertificateCenter,
    gate: threading.Event,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    customer = demo_customer(center, "박지훈")
    async with app.run_test(size=SIZE) as pilot:
        await open_renewal_at_identity(pilot)
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        monkeypatch.setattr(flow, "renew", held(gate, flow.renew))
        await pass_identity(pilot, center, customer.customer_id)
        await pilot.press("tab", "tab", "tab", "enter")  # 현재 암호 유지
        await pilot.pause(0.2)
        at(app, "progress", "③ 암호 설정")
        await pilot.press("escape", "escape")
        await pilot.pause(0.1)
        assert isinstance(flow_screen(app).current_step, ProgressStep)
        gate.set()
        await settle(pilot)
        at(app, "done", "④ 갱신완료")
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_renewal_a_bug_in_the_renewal_work_says_so_and_keeps_the_answers(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = demo_customer(center, "박지훈")
    async with app.run_test(size=SIZE) as pilot:
        await open_renewal_at_identity(pilot)
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        real = flow.renew
        monkeypatch.setattr(flow, "renew", boom)
        await pass_identity(pilot, center, customer.customer_id)
        await pilot.press("tab", "tab", "tab", "enter")
        await settle(pilot)
        assert app._exception is None
        at(app, "password", "③ 암호 설정")
        assert worker_failed_shown(app)
        monkeypatch.setattr(flow, "renew", real)
        await pilot.press("tab", "tab", "tab", "enter")
        await settle(pilot)
        at(app, "done", "④ 갱신완료")


async def test_renewal_a_bug_in_the_password_check_keeps_the_prompt_open(
    app: MgcertApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        monkeypatch.setattr(flow, "select", boom)
        await pick(pilot, lambda e: e.status is EntryStatus.EXPIRING)
        await enter_password(pilot, DEMO_PASSWORD)
        assert app._exception is None
        assert prompt_up(app)
        assert msg.WORKER_FAILED in str(app.screen.query_one("FieldError").render())
        await escape(pilot)
        at(app, "pick", "① 인증서 선택")


# ---------------------------------------------------------------- 금융인증서


async def test_financial_escape_goes_back_and_the_pin_retry_keeps_earlier_answers(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "financial")
        at(app, "customer", "① 고객정보 입력")
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        calls = count_calls(monkeypatch, flow, "enter_customer", "start_ars", "issue")
        await enter_customer(pilot, customer)
        at(app, "terms", "② 약관동의")
        await agree_terms(pilot)
        at(app, "phone-method", "③ 본인인증")
        await pass_identity(pilot, center, customer.customer_id)
        at(app, "pin", "④ PIN 설정")
        # A trivial PIN: the center refuses; back on the PIN step, nothing before lost.
        for pin in ("111111", "111111"):
            await type_text(pilot, pin)
            await pilot.press("enter")
        await settle(pilot)
        at(app, "pin", "④ PIN 설정")
        assert pane_error(app)
        assert calls == Counter(enter_customer=1, start_ars=1, issue=1)
        await type_text(pilot, "80")
        await pilot.press("escape")
        await settle(pilot)
        assert question(app) == msg.BACK_QUESTION
        await keep_typing(pilot)
        assert value(app, "#pin-first") == "80"
        await pilot.press("escape")
        await settle(pilot)
        await go_back_anyway(pilot)
        at(app, "card", "③ 본인인증")
        await escape(pilot)
        at(app, "device-method", "③ 본인인증")
        assert calls == Counter(enter_customer=1, start_ars=1, issue=1)


async def test_financial_escape_is_refused_while_issuing_and_leaves_from_the_result(
    app: MgcertApp,
    center: CertificateCenter,
    gate: threading.Event,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "financial")
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        monkeypatch.setattr(flow, "issue", held(gate, flow.issue))
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        await pass_identity(pilot, center, customer.customer_id)
        for pin in (GOOD_PIN, GOOD_PIN):
            await type_text(pilot, pin)
            await pilot.press("enter")
        await pilot.pause(0.2)
        at(app, "progress", "④ PIN 설정")
        await pilot.press("escape")
        await pilot.pause(0.1)
        assert isinstance(flow_screen(app).current_step, ProgressStep)
        gate.set()
        await settle(pilot)
        at(app, "done", "⑤ 발급완료")
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_financial_a_bug_in_a_steps_center_call_says_so(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "financial")
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        await enter_customer(pilot, customer)
        real = flow.agree_terms
        monkeypatch.setattr(flow, "agree_terms", boom)
        await agree_terms(pilot)
        assert app._exception is None
        at(app, "terms", "② 약관동의")
        assert pane_error(app) == msg.WORKER_FAILED
        monkeypatch.setattr(flow, "agree_terms", real)
        await pilot.pause(0.3)  # a Button ignores presses during its 0.2 s effect
        app.screen.query_one("#terms-next").focus()
        await pilot.press("enter")
        await settle(pilot)
        at(app, "phone-method", "③ 본인인증")


# ---------------------------------------------------------------- 타기관 등록


def is_other(entry: CertificateEntry) -> bool:
    return entry.issuer_org == "OTHERSIM"


async def type_rrn(pilot: AppPilot, rrn: str) -> None:
    await type_text(pilot, rrn[:6])
    await pilot.press("enter")
    await type_text(pilot, rrn[6:])
    await pilot.press("enter")
    await settle(pilot)


async def test_registration_escape_goes_back_one_step_at_a_time(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = scenario_customer(center, DemoScenario.ORDINARY)
    center.simulator.make_other_institution_certificate(
        owner.customer_id, center.medium(MediumKind.HARDDISK), OTHER_PASSWORD
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "register")
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        calls = count_calls(monkeypatch, flow, "select", "verify_owner", "enter_account")
        await pick(pilot, is_other)
        await enter_password(pilot, OTHER_PASSWORD)
        at(app, "owner", "② 명의 확인")
        await type_rrn(pilot, owner.rrn)
        at(app, "account-pane", "② 명의 확인")
        await type_text(pilot, owner.account)
        await pilot.press("enter")
        await type_text(pilot, owner.account_password)
        await pilot.press("enter")
        await settle(pilot)
        at(app, "phone-method", "③ 본인인증")
        await escape(pilot)
        at(app, "account-pane", "② 명의 확인")
        assert value(app, "#reg-account") == owner.account  # kept; its password not
        # Typed input here: asks first.
        await pilot.press("escape")
        await settle(pilot)
        assert question(app) == msg.BACK_QUESTION
        await go_back_anyway(pilot)
        at(app, "owner", "② 명의 확인")
        assert value(app, "#owner-front") == owner.rrn[:6]
        await pilot.press("escape")
        await settle(pilot)
        await go_back_anyway(pilot)
        assert prompt_up(app)  # the password prompt again
        assert calls == Counter(select=1, verify_owner=1, enter_account=1)
        await escape(pilot)
        at(app, "pick", "① 인증서 선택")


async def test_registration_a_bug_in_a_steps_center_call_says_so(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = scenario_customer(center, DemoScenario.ORDINARY)
    center.simulator.make_other_institution_certificate(
        owner.customer_id, center.medium(MediumKind.HARDDISK), OTHER_PASSWORD
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "register")
        flow = flow_screen(app).flow  # type: ignore[attr-defined]
        real = flow.verify_owner
        monkeypatch.setattr(flow, "verify_owner", boom)
        await pick(pilot, is_other)
        await enter_password(pilot, OTHER_PASSWORD)
        await type_rrn(pilot, owner.rrn)
        assert app._exception is None
        at(app, "owner", "② 명의 확인")
        assert pane_error(app) == msg.WORKER_FAILED
        monkeypatch.setattr(flow, "verify_owner", real)
        app.screen.query_one("#owner-back", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        at(app, "account-pane", "② 명의 확인")


# ---------------------------------------------------------------- 내보내기/가져오기


async def test_transfer_escape_goes_back_and_the_code_is_never_made_twice(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_calls(monkeypatch, center, "export_certificate")
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "export")
        at(app, "choice", "① 방법 선택")
        await pilot.press("enter")  # 내보내기
        await settle(pilot)
        at(app, "pick", "② 인증서·인증번호")
        await escape(pilot)
        at(app, "choice", "① 방법 선택")
        await pilot.press("enter")
        await settle(pilot)
        await pick(pilot, lambda e: e.name == "박지훈")
        assert prompt_up(app)
        await escape(pilot)  # the prompt closed: the picker again
        at(app, "pick", "② 인증서·인증번호")
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, DEMO_PASSWORD)
        at(app, "code", "② 인증서·인증번호")
        code = str(app.screen.query_one("#export-code", Digits).value)
        await pilot.press("enter")  # 가져오기로
        await settle(pilot)
        at(app, "import", "② 인증서·인증번호")
        await type_text(pilot, "1234")
        await pilot.press("escape")
        await settle(pilot)
        assert question(app) == msg.BACK_QUESTION
        await keep_typing(pilot)
        assert value(app, "#import-code") == "1234"
        await pilot.press("escape")
        await settle(pilot)
        await go_back_anyway(pilot)
        # The same code again, not a second export.
        at(app, "code", "② 인증서·인증번호")
        assert str(app.screen.query_one("#export-code", Digits).value) == code
        assert calls == Counter(export_certificate=1)
        # The code is out (sealed): Esc from here leaves.
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_transfer_a_bug_in_the_import_says_so_and_the_flow_goes_on(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = center.import_certificate
    monkeypatch.setattr(center, "import_certificate", boom)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "export")
        await pilot.press("tab", "enter")  # 가져오기
        await settle(pilot)
        at(app, "import", "② 인증서·인증번호")
        await type_text(pilot, "123456789012")
        await pilot.press("enter")
        await settle(pilot)
        assert app._exception is None
        at(app, "import", "② 인증서·인증번호")
        assert pane_error(app) == msg.WORKER_FAILED
        monkeypatch.setattr(center, "import_certificate", real)
        await type_text(pilot, "123456789012")
        await pilot.press("enter")
        await settle(pilot)
        at(app, "import", "② 인증서·인증번호")  # a real refusal now, by the field
        assert pane_error(app) not in ("", msg.WORKER_FAILED)


# ---------------------------------------------------------------- 로그인 확인


async def test_login_check_prompt_closed_goes_back_and_the_result_is_left(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = count_calls(monkeypatch, center, "login_check")
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "login")
        at(app, "pick", "① 인증서 선택")
        await pick(pilot, lambda e: e.name == "박지훈")
        assert prompt_up(app)
        await escape(pilot)
        at(app, "pick", "① 인증서 선택")
        assert calls == Counter()
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, DEMO_PASSWORD)
        at(app, "done", "② 로그인 결과")
        assert calls == Counter(login_check=1)
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_login_check_a_bug_in_the_check_keeps_the_prompt_and_the_app(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = center.login_check
    monkeypatch.setattr(center, "login_check", boom)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "login")
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, DEMO_PASSWORD)
        assert app._exception is None
        assert prompt_up(app)
        assert msg.WORKER_FAILED in str(app.screen.query_one("FieldError").render())
        await escape(pilot)  # the prompt holds the call it was made with: pick again
        at(app, "pick", "① 인증서 선택")
        monkeypatch.setattr(center, "login_check", real)
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, DEMO_PASSWORD)
        at(app, "done", "② 로그인 결과")
        assert not isinstance(app.screen, ConfirmModal)


async def test_two_very_fast_escapes_on_a_picker_flow_leave_once(
    app: MgcertApp, center: CertificateCenter
) -> None:
    """From the prompt: the first Esc closes it (back to the picker), the second leaves
    the flow from its first step — no crash, no stray screen left behind."""
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "login")
        await pick(pilot, lambda e: e.name == "박지훈")
        assert prompt_up(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1
