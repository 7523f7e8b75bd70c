"""How each screen looks, at 100×36, with a pinned clock and seeded bank draws.

The bank draws its ARS numbers, SMS codes, 보안카드 and OTP secrets from ``secrets``;
here each bank module gets its own seeded stand-in, so the same screens come out on
every run and under xdist. Serial numbers (the CA's, deliberately random) and the
temporary data-home path are masked on the completion screen.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TabbedContent
from tui_driver import (
    AppPilot,
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

import mgcert.bank.ars
import mgcert.bank.otp
import mgcert.bank.security_card
import mgcert.bank.sms
from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.clock import Clock
from mgcert.errors import DataHomeUnavailable
from mgcert.home import DataHome
from mgcert.tui.app import MgcertApp
from mgcert.tui.loader import CenterLoader
from mgcert.tui.screens.center_unavailable import CenterUnavailable
from mgcert.tui.screens.issuance.done_step import DoneStep
from mgcert.tui.screens.simulator.panel import SimulatorPanel

SIZE = (100, 36)
SnapCompare = Callable[..., bool]
Step = Callable[[AppPilot, CertificateCenter], Awaitable[None]]


class SeededSecrets:
    """Stands in for the ``secrets`` module inside one bank module."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def token_bytes(self, nbytes: int = 32) -> bytes:
        return self._random.randbytes(nbytes)

    def token_hex(self, nbytes: int = 32) -> str:
        return self._random.randbytes(nbytes).hex()

    def choice(self, sequence: Sequence[Any]) -> Any:
        return self._random.choice(sequence)

    def randbelow(self, upper: int) -> int:
        return self._random.randrange(upper)

    def SystemRandom(self) -> random.Random:
        return self._random


def seed_bank_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give each bank module its own seeded ``secrets`` (also used by tests/tui/gallery.py)."""
    for seed, module in enumerate(
        (mgcert.bank.ars, mgcert.bank.otp, mgcert.bank.security_card, mgcert.bank.sms)
    ):
        monkeypatch.setattr(module, "secrets", SeededSecrets(seed))


@pytest.fixture
def center(home: DataHome, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> CertificateCenter:
    seed_bank_draws(monkeypatch)
    return CertificateCenter.open(home, clock, iterations=2048)


# ---------------------------------------------------------------- ways to each screen


async def home_screen(pilot: AppPilot, center: CertificateCenter) -> None:
    await settle(pilot)


async def kind_choice(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_kind_choice(pilot)
    await pilot.press("tab", "space")


async def customer_filled(pilot: AppPilot, center: CertificateCenter) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    await open_kind_choice(pilot)
    await choose_kind(pilot)
    await type_text(pilot, customer.rrn[:6])
    await pilot.press("tab")
    await type_text(pilot, customer.rrn[6:])
    await pilot.press("tab")
    await type_text(pilot, customer.account)
    await pilot.press("tab")
    await type_text(pilot, "12")


async def customer_wrong_password(pilot: AppPilot, center: CertificateCenter) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    await open_kind_choice(pilot)
    await choose_kind(pilot)
    await enter_customer(pilot, customer, account_password="9999")


async def universal_low_balance(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_kind_choice(pilot)
    await choose_kind(pilot, universal=True)
    await enter_customer(pilot, scenario_customer(center, DemoScenario.LOW_BALANCE))


async def reissue_terms(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_kind_choice(pilot)
    await choose_kind(pilot)
    await enter_customer(pilot, scenario_customer(center, DemoScenario.EXPIRING_SOON))
    await pilot.press("space")


async def phone_method(pilot: AppPilot, center: CertificateCenter) -> None:
    await walk_to_identity(pilot, scenario_customer(center, DemoScenario.ORDINARY))


async def ars_waiting(pilot: AppPilot, center: CertificateCenter) -> None:
    await phone_method(pilot, center)
    await choose_method(pilot)


async def sms_sent(pilot: AppPilot, center: CertificateCenter) -> None:
    await phone_method(pilot, center)
    await choose_method(pilot, second=True)
    await pilot.press("enter")  # 인증번호 받기
    await settle(pilot)


async def device_method(pilot: AppPilot, center: CertificateCenter) -> None:
    await ars_waiting(pilot, center)
    await answer_ars_call(pilot)
    await confirm_ars(pilot)


async def security_card(pilot: AppPilot, center: CertificateCenter) -> None:
    await device_method(pilot, center)
    await choose_method(pilot)


async def security_card_wrong(pilot: AppPilot, center: CertificateCenter) -> None:
    await security_card(pilot, center)
    await answer_security_card(pilot, center, wrong=True)


async def otp_step(pilot: AppPilot, center: CertificateCenter) -> None:
    await device_method(pilot, center)
    await choose_method(pilot, second=True)


async def medium(pilot: AppPilot, center: CertificateCenter) -> None:
    await walk_to_medium(pilot, center, scenario_customer(center, DemoScenario.ORDINARY))


async def password_typing(pilot: AppPilot, center: CertificateCenter) -> None:
    await medium(pilot, center)
    await keep_harddisk(pilot)
    await type_text(pilot, "Mgcert2026")
    await pilot.press("tab")
    await type_text(pilot, "Mg")


async def completion(pilot: AppPilot, center: CertificateCenter) -> None:
    await medium(pilot, center)
    await keep_harddisk(pilot)
    await set_password(pilot)
    step = wizard(pilot.app).query_one(DoneStep)
    assert step.result_shown is not None
    shown = step.result_shown
    # Mask what is random by design (serial) or per run (the temporary data home).
    folder = Path("/home/user/.local/share/mgcert") / shown.folder.relative_to(center.home.root)
    step.show_result(replace(shown, serial_hex="1f2e3d4c5b6a79880716253443526170", folder=folder))
    await pilot.pause()


async def abandon_question(pilot: AppPilot, center: CertificateCenter) -> None:
    """Esc on ① with something typed (on later steps Esc goes one step back)."""
    await open_kind_choice(pilot)
    await choose_kind(pilot)
    await type_text(pilot, "8503")
    await pilot.press("escape")
    await settle(pilot)


async def help_on_customer_step(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_kind_choice(pilot)
    await choose_kind(pilot)
    await pilot.press("f1")
    await settle(pilot)


def simulator_tab(tab: str, before: Step | None = None) -> Step:
    async def open_tab(pilot: AppPilot, center: CertificateCenter) -> None:
        if before is not None:
            await before(pilot, center)
        await pilot.press("f2")
        await settle(pilot)
        panel = pilot.app.screen
        assert isinstance(panel, SimulatorPanel)
        panel.query_one(TabbedContent).active = tab
        await settle(pilot)

    return open_tab


SCREENS: dict[str, Step] = {
    "home": home_screen,
    "kind_choice": kind_choice,
    "step1_customer": customer_filled,
    "step1_wrong_account_password": customer_wrong_password,
    "step1_universal_low_balance": universal_low_balance,
    "step2_terms_reissue": reissue_terms,
    "step3_phone_method": phone_method,
    "step3_ars": ars_waiting,
    "step3_sms": sms_sent,
    "step3_device_method": device_method,
    "step3_security_card": security_card,
    "step3_security_card_wrong": security_card_wrong,
    "step3_otp": otp_step,
    "step4_medium": medium,
    "step4_password": password_typing,
    "step4_completion": completion,
    "abandon_question": abandon_question,
    "help": help_on_customer_step,
    "simulator_customers": simulator_tab("sim-customers-tab"),
    "simulator_card": simulator_tab("sim-card-tab"),
    "simulator_otp": simulator_tab("sim-otp-tab"),
    "simulator_phone_ringing": simulator_tab("sim-phone-tab", ars_waiting),
    "simulator_clock": simulator_tab("sim-clock-tab"),
    "simulator_branch": simulator_tab("sim-branch-tab"),
}


def before_snapshot(step: Step, center: CertificateCenter) -> Callable[[AppPilot], Awaitable[None]]:
    """What runs before the picture is taken (the README gallery takes the same)."""

    async def run_before(pilot: AppPilot) -> None:
        await step(pilot, center)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_looks_right(
    screen: str, snap_compare: SnapCompare, center: CertificateCenter
) -> None:
    run_before = before_snapshot(SCREENS[screen], center)
    assert snap_compare(MgcertApp(center), terminal_size=SIZE, run_before=run_before)


def test_too_small_terminal_gets_a_polite_notice(
    snap_compare: SnapCompare, center: CertificateCenter
) -> None:
    assert snap_compare(MgcertApp(center), terminal_size=(70, 20))


def test_center_that_cannot_open_looks_right(snap_compare: SnapCompare) -> None:
    def opener() -> CertificateCenter:
        raise DataHomeUnavailable("/srv/mgcert", "Permission denied")

    async def run_before(pilot: AppPilot) -> None:
        for _ in range(100):
            if isinstance(pilot.app.screen, CenterUnavailable):
                break
            await pilot.pause(0.02)
        await pilot.pause()

    app = MgcertApp(CenterLoader(opener))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
