"""Esc in 공동인증서 발급/재발급: one step back at a time, what was typed kept, the center
never asked twice for what was answered; the step bar follows; refusals and bugs.

The helpers at the top are shared with ``test_tui_flow_back_*.py`` (the other flows).
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flow_driver import current_step, flow_screen, pane_error, text_of
from textual import events
from textual.widgets import Input, RadioSet
from tui_driver import (
    GOOD_PASSWORD,
    AppPilot,
    DemoCustomer,
    agree_terms,
    answer_ars_call,
    answer_security_card,
    choose_kind,
    choose_method,
    confirm_ars,
    enter_customer,
    keep_harddisk,
    open_kind_choice,
    scenario_customer,
    set_password,
    settle,
    type_text,
    walk_to_identity,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter, IssuanceFlow
from mgcert.messages import tui as msg
from mgcert.npki.password_rule import WeakPassword
from mgcert.npki.storage import MediumNotWritable
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.confirm import ConfirmModal
from mgcert.tui.screens.home import HomeScreen
from mgcert.tui.screens.steps.progress import ProgressStep
from mgcert.tui.widgets.step_indicator import StepIndicator

SIZE = (100, 36)

# ---------------------------------------------------------------- shared helpers


async def escape(pilot: AppPilot) -> None:
    await pilot.press("escape")
    await settle(pilot)


def burst(app: MgcertApp, *keys: str) -> None:
    """Keys queued at once, with no pause between them (a very fast double press)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, None)
        event.set_sender(app)
        driver.send_message(event)


def pane(app: MgcertApp) -> str:
    return current_step(app).id or ""


def stage(app: MgcertApp) -> str:
    """The step bar's lit label, e.g. '③ 본인인증' (and the number the flow set)."""
    bar = app.screen.query_one("#steps", StepIndicator)
    lit = list(bar.query(".-current").results())
    assert len(lit) == 1, lit
    return str(lit[0].render())


def at(app: MgcertApp, pane_id: str, stage_label: str) -> None:
    """The flow shows ``pane_id`` and the step bar lights ``stage_label``."""
    assert pane(app) == pane_id, pane(app)
    assert stage_label in stage(app), stage(app)


def value(app: MgcertApp, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


def question(app: MgcertApp) -> str:
    """The ConfirmModal on top: its question."""
    assert isinstance(app.screen, ConfirmModal), app.screen
    return app.screen.question


async def keep_typing(pilot: AppPilot) -> None:
    """계속 입력 / 계속하기 (it has focus)."""
    await pilot.press("enter")
    await settle(pilot)


async def go_back_anyway(pilot: AppPilot) -> None:
    """이전 단계로 / 그만두기."""
    await pilot.press("tab", "enter")
    await settle(pilot)


def count_calls(monkeypatch: pytest.MonkeyPatch, target: object, *names: str) -> Counter[str]:
    """Wrap ``target``'s methods so each call is counted (and still made)."""
    calls: Counter[str] = Counter()
    for name in names:
        original = getattr(target, name)

        def counted(*args: Any, _name: str = name, _original: Any = original, **kw: Any) -> Any:
            calls[_name] += 1
            return _original(*args, **kw)

        monkeypatch.setattr(target, name, counted)
    return calls


def boom(*args: object, **kwargs: object) -> Any:
    raise RuntimeError("a bug, not a refusal")


def worker_failed_shown(app: MgcertApp) -> bool:
    """WORKER_FAILED by the fields or as a toast."""
    notices = " ".join(str(n.message) for n in app._notifications)
    try:
        by_fields = msg.WORKER_FAILED in pane_error(app)
    except Exception:
        by_fields = False
    return by_fields or msg.WORKER_FAILED in notices


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Holds a patched center call until the test sets it (always set at the end)."""
    event = threading.Event()
    yield event
    event.set()


def held(gate: threading.Event, then: Callable[..., Any]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        assert gate.wait(20)
        return then(*args, **kwargs)

    return call


# ---------------------------------------------------------------- 발급


IDENTITY_CALLS = (
    "enter_customer",
    "agree_terms",
    "start_ars",
    "confirm_ars",
    "security_card_challenge",
    "verify_security_card",
    "check_medium",
    "issue",
)


@pytest.fixture
def customer(center: CertificateCenter) -> DemoCustomer:
    return scenario_customer(center, DemoScenario.ORDINARY)


async def open_wizard(pilot: AppPilot) -> IssuanceFlow:
    await open_kind_choice(pilot)
    await choose_kind(pilot)
    return wizard(pilot.app).flow  # type: ignore[arg-type]


async def test_issuance_escape_goes_back_one_step_at_a_time_keeping_what_was_typed(
    app: MgcertApp, center: CertificateCenter, customer: DemoCustomer
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        at(app, "medium", "④ 발급완료")
        for pane_id, label in (
            ("card", "③ 본인인증"),
            ("device-method", "③ 본인인증"),
            ("ars", "③ 본인인증"),
            ("phone-method", "③ 본인인증"),
            ("terms", "② 약관동의"),
            ("customer", "① 고객정보 입력"),
        ):
            await escape(pilot)  # nothing typed on any of them: no question
            assert not isinstance(app.screen, ConfirmModal), pane_id
            at(app, pane_id, label)
        # What was typed on step ① is kept; the account password (a secret) is not.
        assert value(app, "#rrn-front") == customer.rrn[:6]
        assert value(app, "#rrn-back") == customer.rrn[6:]
        assert value(app, "#account") == customer.account
        assert value(app, "#account-password") == ""
        assert len(wizard(app).trail) == 0


async def test_issuance_choices_are_kept_when_going_back_to_them(
    app: MgcertApp, center: CertificateCenter, customer: DemoCustomer
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        await choose_method(pilot, second=True)  # SMS
        at(app, "sms", "③ 본인인증")
        await escape(pilot)
        at(app, "phone-method", "③ 본인인증")
        pressed = current_step(app).query_one(RadioSet).pressed_button
        assert pressed is not None
        assert pressed.name == "sms"
        await escape(pilot)
        at(app, "terms", "② 약관동의")
        assert app.screen.query_one("#terms-all").value  # type: ignore[attr-defined]


async def test_issuance_going_back_and_forward_asks_the_center_only_for_what_is_asked_again(
    app: MgcertApp,
    center: CertificateCenter,
    customer: DemoCustomer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        flow = await open_wizard(pilot)
        calls = count_calls(monkeypatch, flow, *IDENTITY_CALLS)
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        at(app, "phone-method", "③ 본인인증")
        await escape(pilot)
        await escape(pilot)
        at(app, "customer", "① 고객정보 입력")
        assert calls == Counter(enter_customer=1, agree_terms=1)
        # Forward again: ① is answered anew (the person pressed 다음), ② too.
        app.screen.query_one("#account-password", Input).focus()
        await type_text(pilot, customer.account_password)
        await pilot.press("enter")
        await settle(pilot)
        at(app, "terms", "② 약관동의")
        await agree_terms(pilot)  # a step after the one gone back to starts afresh
        at(app, "phone-method", "③ 본인인증")
        assert calls == Counter(enter_customer=2, agree_terms=2)
        # The medium step, then back to it from the password step: nothing replayed
        # asks the center again.
        await choose_method(pilot)
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        await choose_method(pilot)
        await answer_security_card(pilot, center)
        await keep_harddisk(pilot)
        at(app, "password", "④ 발급완료")
        before = Counter(calls)
        await escape(pilot)
        at(app, "medium", "④ 발급완료")
        assert calls == before
        await keep_harddisk(pilot)
        at(app, "password", "④ 발급완료")
        assert calls == before + Counter(check_medium=1)
        await set_password(pilot)
        at(app, "done", "④ 발급완료")
        assert calls["issue"] == 1
        assert calls["start_ars"] == 1
        assert calls["security_card_challenge"] == 1


async def test_issuance_ars_shown_again_after_going_back_rings_anew(
    app: MgcertApp,
    center: CertificateCenter,
    customer: DemoCustomer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        flow = await open_wizard(pilot)
        calls = count_calls(monkeypatch, flow, "start_ars", "confirm_ars")
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        await choose_method(pilot)
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        at(app, "device-method", "③ 본인인증")
        await escape(pilot)
        at(app, "ars", "③ 본인인증")
        # The bank's call was answered and is over: asking again is a new call.
        assert calls["start_ars"] == 2
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        at(app, "device-method", "③ 본인인증")


async def test_issuance_security_card_shown_again_after_going_back_asks_new_cells(
    app: MgcertApp,
    center: CertificateCenter,
    customer: DemoCustomer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        flow = await open_wizard(pilot)
        calls = count_calls(monkeypatch, flow, "security_card_challenge")
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        await choose_method(pilot)
        await answer_ars_call(pilot)
        await confirm_ars(pilot)
        await choose_method(pilot)
        await answer_security_card(pilot, center)
        at(app, "medium", "④ 발급완료")
        await escape(pilot)
        at(app, "card", "③ 본인인증")
        assert calls["security_card_challenge"] == 2
        await answer_security_card(pilot, center)
        at(app, "medium", "④ 발급완료")


async def test_issuance_escape_with_typed_input_asks_and_keep_typing_keeps_it(
    app: MgcertApp, center: CertificateCenter, customer: DemoCustomer
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        await keep_harddisk(pilot)
        at(app, "password", "④ 발급완료")
        await type_text(pilot, "Mg!Cert")
        await pilot.press("escape")
        await settle(pilot)
        assert question(app) == msg.BACK_QUESTION
        await keep_typing(pilot)
        at(app, "password", "④ 발급완료")
        assert value(app, "#new-password") == "Mg!Cert"
        await pilot.press("escape")
        await settle(pilot)
        await go_back_anyway(pilot)
        at(app, "medium", "④ 발급완료")
        # A folder typed for the 이동식디스크 is input too.
        await pilot.press("down")  # 이동식디스크 (arrow keys choose)
        await settle(pilot)
        folder = app.screen.query_one("#folder", Input)
        folder.value = folder.value + "-mine"
        await pilot.press("escape")
        await settle(pilot)
        assert question(app) == msg.BACK_QUESTION
        await keep_typing(pilot)
        at(app, "medium", "④ 발급완료")
        assert value(app, "#folder").endswith("-mine")


async def test_issuance_escape_on_the_first_step_asks_only_when_something_is_typed(
    app: MgcertApp, customer: DemoCustomer
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_wizard(pilot)
        at(app, "customer", "① 고객정보 입력")
        await type_text(pilot, customer.rrn[:3])
        await pilot.press("escape")
        await settle(pilot)
        assert question(app) == msg.ABANDON_QUESTION
        await keep_typing(pilot)
        at(app, "customer", "① 고객정보 입력")
        assert value(app, "#rrn-front") == customer.rrn[:3]
        await pilot.press("escape")
        await settle(pilot)
        await go_back_anyway(pilot)  # 그만두기
        assert isinstance(app.screen, HomeScreen)


async def test_issuance_escape_is_refused_while_the_center_works_and_leaves_from_the_result(
    app: MgcertApp,
    center: CertificateCenter,
    customer: DemoCustomer,
    gate: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        flow = wizard(app).flow
        monkeypatch.setattr(flow, "issue", held(gate, flow.issue))
        await keep_harddisk(pilot)
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await type_text(pilot, GOOD_PASSWORD)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(current_step(app), ProgressStep)
        at(app, "progress", "④ 발급완료")
        await pilot.press("escape", "escape")
        await pilot.pause(0.1)
        assert isinstance(current_step(app), ProgressStep)
        assert not isinstance(app.screen, ConfirmModal)
        gate.set()
        await settle(pilot)
        at(app, "done", "④ 발급완료")
        await escape(pilot)  # the result: out of the flow, no question
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize(
    ("error", "back_to"),
    [
        (lambda center: MediumNotWritable(center.home.removable_default_root), "medium"),
        (lambda center: WeakPassword(["10자리 이상"]), "password"),
    ],
    ids=["medium-failure", "weak-password"],
)
async def test_issuance_refused_goes_back_to_the_step_at_fault_keeping_earlier_answers(
    app: MgcertApp,
    center: CertificateCenter,
    customer: DemoCustomer,
    monkeypatch: pytest.MonkeyPatch,
    error: Callable[[CertificateCenter], Exception],
    back_to: str,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        flow = wizard(app).flow
        real_issue = flow.issue
        calls = count_calls(monkeypatch, flow, "enter_customer", "start_ars")
        refusal = error(center)
        tries: list[int] = []

        def refuse_once(*args: Any, **kwargs: Any) -> Any:
            tries.append(1)
            if len(tries) == 1:
                raise refusal
            return real_issue(*args, **kwargs)

        monkeypatch.setattr(flow, "issue", refuse_once)
        await keep_harddisk(pilot)
        await set_password(pilot)
        at(app, back_to, "④ 발급완료")
        assert pane_error(app) == str(refusal)
        # Everything before the step at fault is still answered: Esc goes one step back.
        trail = wizard(app).trail
        assert len(trail) == (6 if back_to == "medium" else 7)  # 고객 … 보안카드 (, 매체)
        if back_to == "medium":
            await keep_harddisk(pilot)
        await set_password(pilot)
        at(app, "done", "④ 발급완료")
        assert len(tries) == 2
        assert calls == Counter()  # no step before was asked again


async def test_issuance_two_very_fast_escapes_go_back_two_steps(
    app: MgcertApp, center: CertificateCenter, customer: DemoCustomer
) -> None:
    """Decided: each Esc is one step back, however fast; on the first step (with input)
    the next Esc asks before leaving, never leaves at once."""
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_identity(pilot, customer)
        await choose_method(pilot)
        at(app, "ars", "③ 본인인증")
        burst(app, "escape", "escape")
        await settle(pilot)
        at(app, "terms", "② 약관동의")
        assert len(wizard(app).trail) == 1
        burst(app, "escape", "escape")
        await settle(pilot)
        assert question(app) == msg.ABANDON_QUESTION  # from ① with what is typed there
        await keep_typing(pilot)
        at(app, "customer", "① 고객정보 입력")
        assert value(app, "#rrn-front") == customer.rrn[:6]
        # And the flow still works.
        app.screen.query_one("#account-password", Input).focus()
        await type_text(pilot, customer.account_password)
        await pilot.press("enter")
        await settle(pilot)
        at(app, "terms", "② 약관동의")


async def test_issuance_a_bug_in_a_steps_center_call_says_so_and_the_flow_goes_on(
    app: MgcertApp, customer: DemoCustomer, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        flow = await open_wizard(pilot)
        real = flow.enter_customer
        monkeypatch.setattr(flow, "enter_customer", boom)
        await enter_customer(pilot, customer)
        assert app.is_running
        assert app._exception is None
        at(app, "customer", "① 고객정보 입력")
        assert pane_error(app) == msg.WORKER_FAILED
        monkeypatch.setattr(flow, "enter_customer", real)
        app.screen.query_one("#account-password", Input).focus()
        await type_text(pilot, customer.account_password)
        await pilot.press("enter")
        await settle(pilot)
        at(app, "terms", "② 약관동의")


async def test_issuance_a_bug_when_a_step_is_shown_says_so_and_the_flow_goes_on(
    app: MgcertApp, customer: DemoCustomer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ArsStep rings the phone as it is shown (from the flow screen, not a handler)."""
    async with app.run_test(size=SIZE) as pilot:
        flow = await open_wizard(pilot)
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        real = flow.start_ars
        monkeypatch.setattr(flow, "start_ars", boom)
        await choose_method(pilot)
        assert app._exception is None
        at(app, "ars", "③ 본인인증")
        assert pane_error(app) == msg.WORKER_FAILED
        monkeypatch.setattr(flow, "start_ars", real)
        app.screen.query_one("#ars-retry").focus()  # 다시 걸기
        await pilot.press("enter")
        await settle(pilot)
        assert pane_error(app) == ""
        assert text_of(app, "#ars-code") != "--"


async def test_issuance_a_bug_in_the_issuing_work_says_so_and_keeps_the_answers(
    app: MgcertApp,
    center: CertificateCenter,
    customer: DemoCustomer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await walk_to_medium(pilot, center, customer)
        flow = wizard(app).flow
        real = flow.issue
        monkeypatch.setattr(flow, "issue", boom)
        await keep_harddisk(pilot)
        await set_password(pilot)
        assert app._exception is None
        at(app, "password", "④ 발급완료")
        assert worker_failed_shown(app)
        monkeypatch.setattr(flow, "issue", real)
        await set_password(pilot)
        at(app, "done", "④ 발급완료")
        assert flow_screen(app).trail.sealed
