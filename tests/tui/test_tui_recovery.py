"""Issued but not saved: the medium refuses the files after the CA has issued.

The wizard (and 갱신) must say the certificate WAS issued and where it is kept, send the
user back to the medium choice, and save the parked copy to the medium chosen next —
never issuing a second certificate, never asking for the password again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flow_driver import (
    DEMO_PASSWORD,
    SIZE,
    open_menu,
    pass_identity,
    pick,
    text_of,
)
from flow_driver import pane_id as flow_pane_id
from textual.widgets import RadioSet
from tui_driver import (
    AppPilot,
    DemoCustomer,
    error_on_screen,
    keep_harddisk,
    pane_id,
    scenario_customer,
    set_password,
    settle,
    type_text,
    walk_to_medium,
    wizard,
)

from mgcert.bank import DemoScenario
from mgcert.ca import CertificateStatus
from mgcert.center import CertificateCenter, EntryStatus, MediumKind
from mgcert.npki import storage
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.issuance.done_step import DoneStep
from mgcert.tui.screens.issuance.recovery import RecoveryNotice


class FailingWrites:
    """``storage.write_certificate`` that raises OSError for the first ``failures`` calls."""

    def __init__(self, real: Callable[..., Path], failures: int) -> None:
        self.real = real
        self.failures = failures
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Path:
        self.calls += 1
        if self.calls <= self.failures:
            raise OSError(28, "No space left on device")
        return self.real(*args, **kwargs)


def fail_writes(monkeypatch: pytest.MonkeyPatch, failures: int) -> FailingWrites:
    # mgcert.center.issuing calls it as storage.write_certificate (module attribute).
    failing = FailingWrites(storage.write_certificate, failures)
    monkeypatch.setattr(storage, "write_certificate", failing)
    return failing


def issued_to(center: CertificateCenter, name: str) -> list[int]:
    """Serials the MG CA's audit log says it issued to ``name``."""
    serials = [line.serial for line in center.mg_ca.audit_log() if line.action == "issue"]
    records = [center.mg_ca.record(serial) for serial in serials if serial is not None]
    return [r.serial for r in records if r is not None and name in r.cn]


def certificate_files(root: Path, name: str) -> list[Path]:
    return [p for p in root.rglob("signCert.der") if name in p.parent.name]


def recovery_notice(app: MgcertApp) -> str:
    notice = app.screen.query_one(RecoveryNotice)
    assert notice.display, "the recovery notice is hidden"
    return notice.text


async def choose_phone(pilot: AppPilot) -> None:
    """On the medium pane (focus on the choice): ↓ ↓ to 휴대폰, select, Tab to 저장, Enter."""
    assert isinstance(pilot.app.focused, RadioSet)
    await pilot.press("down", "down", "enter", "tab", "enter")
    await settle(pilot)


async def issue_with_failing_harddisk(
    pilot: AppPilot, center: CertificateCenter, customer: DemoCustomer
) -> Path:
    """Walk to ④, keep 하드디스크, set the password; the write fails after issuance."""
    await walk_to_medium(pilot, center, customer)
    await keep_harddisk(pilot)
    await set_password(pilot)
    assert pane_id(pilot.app) == "medium"  # type: ignore[arg-type]
    parked = wizard(pilot.app).flow.pending_recovery  # type: ignore[arg-type]
    assert parked is not None
    return parked


async def test_failed_write_goes_back_to_the_medium_and_saves_the_same_certificate(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    failing = fail_writes(monkeypatch, failures=1)
    async with app.run_test(size=SIZE) as pilot:
        parked = await issue_with_failing_harddisk(pilot, center, customer)
        assert failing.calls == 1

        # The screen says it was issued, names the recovery folder, asks for a medium.
        notice = recovery_notice(app)
        assert "발급되었습니다" in notice
        assert str(parked) in notice
        assert (parked / "signCert.der").is_file()
        assert (parked / "signPri.key").is_file()
        assert str(app.screen.query_one("#medium-next").render()) == "이 저장매체에 저장"
        assert len(issued_to(center, customer.name)) == 1
        assert certificate_files(center.home.harddisk_root, customer.name) == []

        await choose_phone(pilot)
        # No password step: straight to the completion screen.
        assert pane_id(app) == "done"
        result = wizard(app).query_one(DoneStep).result_shown
        assert result is not None
        assert result.recovered_to == parked
        assert "발급되었습니다" in str(wizard(app).query_one("#done-heading").render())
        assert "보관해 두었던 인증서를 이 저장매체에 저장했습니다" in str(
            wizard(app).query_one("#done-notes").render()
        )

    # The files are on the phone, where the screen says; the parked copy is gone.
    assert result.folder.is_relative_to(center.home.phone_root)
    assert (result.folder / "signCert.der").is_file()
    assert (result.folder / "signPri.key").is_file()
    assert certificate_files(center.home.phone_root, customer.name) == [
        result.folder / "signCert.der"
    ]
    assert not parked.exists()
    # Exactly one certificate was issued, good and registered for this customer.
    serials = issued_to(center, customer.name)
    assert serials == [int(result.serial_hex, 16)]
    assert center.mg_ca.status(serials[0]) is CertificateStatus.GOOD
    registration = center.bank.registration(center.mg_ca.profile.org, serials[0])
    assert registration is not None
    assert registration.customer_id == customer.customer_id


async def test_second_medium_failing_too_keeps_the_parked_copy_and_asks_again(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)
    fail_writes(monkeypatch, failures=2)
    async with app.run_test(size=SIZE) as pilot:
        parked = await issue_with_failing_harddisk(pilot, center, customer)
        await choose_phone(pilot)  # fails as well
        assert pane_id(app) == "medium"
        assert "이 저장매체에도 저장하지 못했습니다" in error_on_screen(app)
        assert str(parked) in recovery_notice(app)
        assert (parked / "signCert.der").is_file()

        # Esc warns that the issued certificate is still only in the recovery folder.
        await pilot.press("escape")
        await settle(pilot)
        assert str(parked) in text_of(app, "#confirm-question")
        await pilot.press("enter")  # 계속하기 has focus
        await settle(pilot)

        # 휴대폰 is still chosen; the phone works now.
        choice = app.screen.query_one("#medium-choice", RadioSet)
        assert choice.pressed_button is not None
        assert choice.pressed_button.name == MediumKind.PHONE.name
        assert app.focused is choice
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert pane_id(app) == "done"
    assert len(issued_to(center, customer.name)) == 1
    assert len(certificate_files(center.home.phone_root, customer.name)) == 1


async def test_renewal_whose_write_fails_saves_the_renewed_certificate_elsewhere(
    app: MgcertApp, center: CertificateCenter, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "박지훈"  # the demo customer whose certificate is about to expire
    customer_id = next(s.customer_id for s in center.simulator.sheets() if s.name == name)
    before = issued_to(center, name)
    fail_writes(monkeypatch, failures=1)
    async with app.run_test(size=SIZE) as pilot:
        await open_menu(pilot, "renew")
        old = await pick(pilot, lambda e: e.status is EntryStatus.EXPIRING)
        await type_text(pilot, DEMO_PASSWORD)
        await pilot.press("enter")
        await settle(pilot)
        await pass_identity(pilot, center, customer_id)
        assert flow_pane_id(app) == "password"
        await pilot.press("tab", "tab", "tab", "enter")  # 비밀번호 유지하고 갱신
        await settle(pilot)

        assert flow_pane_id(app) == "medium"
        parked = app.screen.flow.pending_recovery  # type: ignore[attr-defined]
        assert parked is not None
        notice = recovery_notice(app)
        assert "발급되었습니다" in notice
        assert str(parked) in notice

        await choose_phone(pilot)
        assert flow_pane_id(app) == "done"
        assert "갱신되었습니다" in text_of(app, "#done-heading")

    renewed = [serial for serial in issued_to(center, name) if serial not in before]
    assert len(renewed) == 1
    phone = center.list_certificates(center.medium(MediumKind.PHONE)).entries
    assert [entry.serial for entry in phone if entry.name == name] == renewed
    assert center.mg_ca.status(old.serial) is CertificateStatus.REVOKED
    assert not parked.exists()
