"""발급완료: the 범용 fee and the balance after it are confirmed; in the browser the files
can be downloaded (issue 14 point 12; issue 15 downloads)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from tui_driver import (
    agree_terms,
    answer_ars_call,
    answer_security_card,
    choose_kind,
    choose_method,
    confirm_ars,
    enter_customer,
    keep_harddisk,
    open_kind_choice,
    pane_id,
    scenario_customer,
    set_password,
    settle,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.done_step import DoneStep

SIZE = (100, 36)


async def issue(pilot: Any, center: CertificateCenter, *, universal: bool) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    await open_kind_choice(pilot)
    await choose_kind(pilot, universal=universal)
    await enter_customer(pilot, customer)
    await agree_terms(pilot)
    await choose_method(pilot)
    await answer_ars_call(pilot)
    await confirm_ars(pilot)
    await choose_method(pilot)
    await answer_security_card(pilot, center)
    await keep_harddisk(pilot)
    await set_password(pilot)


def notes(app: MgcertApp) -> str:
    return " ".join(str(wizard(app).query_one("#done-notes").render()).split())


async def test_universal_completion_confirms_the_fee_and_the_balance_left(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await issue(pilot, center, universal=True)
        assert pane_id(app) == "done"
        result = wizard(app).query_one(DoneStep).result_shown
        assert result.fee_won == 4400
        assert result.balance_after_won is not None
        customer = scenario_customer(center, DemoScenario.ORDINARY)
        sheet = next(s for s in center.simulator.sheets() if s.name == customer.name)
        balance = next(a.balance_won for a in sheet.accounts if a.number == customer.account)
        assert result.balance_after_won == balance  # the bank's own figure, after the fee
        text = notes(app)
        assert "수수료 4,400원을 출금했습니다" in text
        assert f"{balance:,}원" in text


async def test_free_completion_says_nothing_about_a_fee(
    app: MgcertApp, center: CertificateCenter
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await issue(pilot, center, universal=False)
        assert pane_id(app) == "done"
        assert "수수료" not in notes(app)
        assert not wizard(app).query_one("#done-download").display  # not in a terminal


async def test_in_the_browser_the_certificate_can_be_downloaded(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(MgcertApp, "is_web", property(lambda self: True))
    delivered: list[tuple[bytes, str]] = []

    def deliver(data: io.BytesIO, **options: Any) -> None:
        delivered.append((data.getvalue(), options["save_filename"]))

    monkeypatch.setattr(app, "deliver_binary", deliver)
    async with app.run_test(size=SIZE) as pilot:
        await issue(pilot, center, universal=False)
        button = wizard(app).query_one("#done-download")
        assert button.display
        button.focus()
        await pilot.press("enter")
        await settle(pilot)
    assert len(delivered) == 1
    data, name = delivered[0]
    assert name.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    assert any(n.endswith("signCert.der") for n in names)
    assert any(n.endswith("signPri.key") for n in names)
