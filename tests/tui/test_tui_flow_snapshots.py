"""Snapshots of every part-2 screen at a fixed size, clock and data.

Random values (serials, fingerprints, export codes, temporary folder paths) are masked
on screen before the picture is taken, so the snapshots only change when the look does.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import partial
from typing import Any

from flow_driver import (
    DEMO_PASSWORD,
    OTHER_PASSWORD,
    SIZE,
    enter_password,
    issue_certificate,
    move_clock_to_days_before_window,
    open_menu,
    pass_identity,
    pick,
)
from textual.widgets import Digits, Input, Label, Static
from tui_driver import (
    AppPilot,
    agree_terms,
    demo_customer,
    enter_customer,
    scenario_customer,
    settle,
    type_text,
)

from mgcert.bank import DemoScenario
from mgcert.center import CertificateCenter, MediumKind
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.steps.result_pane import field_table
from mgcert.tui.screens.transfer.transfer_screen import ExportCode

Snap = Callable[..., bool]
FOLDER_MASK = "/media/usb"


def mask(pilot: AppPilot, selector: str, text: str) -> None:
    """Replace a random value on the current screen with a fixed one."""
    for widget in pilot.app.screen.query(selector):
        if isinstance(widget, Input):
            widget.value = text
        elif isinstance(widget, Digits | Label | Static):
            widget.update(text)


def mask_folders(pilot: AppPilot) -> None:
    for screen in pilot.app.screen_stack:
        fields = "#picker-folder, #copy-folder-input, #import-folder-input, #folder"
        for field in screen.query(fields).results(Input):
            field.value = FOLDER_MASK


def before_snapshot(
    steps: Callable[[AppPilot], Awaitable[Any]],
) -> Callable[[AppPilot], Awaitable[None]]:
    """What runs before the picture is taken (the README gallery takes the same)."""

    async def run_before(pilot: AppPilot) -> None:
        await steps(pilot)
        mask_folders(pilot)
        await settle(pilot)

    return run_before


def snapshot(
    snap_compare: Snap, app: MgcertApp, steps: Callable[[AppPilot], Awaitable[Any]]
) -> bool:
    return snap_compare(app, terminal_size=SIZE, run_before=before_snapshot(steps))


# ------------------------------------------- scenes the README gallery shows too (gallery.py)
# Each is a stage set on the center, then the keys that reach the screen.


def other_institution_certificate_on_phone(center: CertificateCenter) -> None:
    center.simulator.make_other_institution_certificate(
        scenario_customer(center, DemoScenario.ORDINARY).customer_id,
        center.medium(MediumKind.PHONE),
        OTHER_PASSWORD,
    )


async def renewal_picker(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_menu(pilot, "renew")


def certificate_due_for_renewal_tomorrow(center: CertificateCenter) -> None:
    issued = issue_certificate(center, scenario_customer(center, DemoScenario.ORDINARY))
    move_clock_to_days_before_window(center, issued)


async def renewal_too_early(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_menu(pilot, "renew")
    await pick(pilot, lambda e: e.name == "김민준")
    await enter_password(pilot, "Mg!Cert2026x")


async def manage_details(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_menu(pilot, "manage")
    await pick(pilot, lambda e: e.name == "박지훈")
    # Serial, fingerprint and paths differ run to run: show fixed stand-ins.
    mask(pilot, "#details-table", "")
    pilot.app.screen.query_one("#details-table", Static).update(
        field_table([("이름", "박지훈"), ("일련번호", "(가림)"), ("SHA-256 지문", "(가림)")])
    )


async def export_code_with_countdown(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_menu(pilot, "export")
    await pilot.press("enter")
    await settle(pilot)
    await pick(pilot, lambda e: e.name == "박지훈")
    await enter_password(pilot, DEMO_PASSWORD)
    center.simulator.advance_clock(timedelta(seconds=42))
    # Redraw now: waiting for the 1-second interval would race the snapshot.
    pilot.app.screen.query_one(ExportCode).tick()
    mask(pilot, "#export-code", "1234-5678-9012")


def demo_certificate_revoked(center: CertificateCenter) -> None:
    demo = center.list_certificates(center.medium(MediumKind.HARDDISK)).entries[0]
    center.revoke_certificate(demo, DEMO_PASSWORD)


async def login_check_report(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_menu(pilot, "login")
    await pick(pilot, lambda e: e.name == "박지훈")
    await enter_password(pilot, DEMO_PASSWORD)


# ---------------------------------------------------------------- the snapshots


def test_picker_lists_certificates_with_status(
    snap_compare: Snap, app: MgcertApp, center: CertificateCenter
) -> None:
    other_institution_certificate_on_phone(center)
    assert snapshot(snap_compare, app, partial(renewal_picker, center=center))


def test_picker_at_80x24(snap_compare: Snap, app: MgcertApp) -> None:
    async def run_before(pilot: AppPilot) -> None:
        await open_menu(pilot, "manage")
        mask_folders(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_password_prompt_after_a_wrong_password(snap_compare: Snap, app: MgcertApp) -> None:
    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "login")
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, "Wrong#pass123")

    assert snapshot(snap_compare, app, steps)


def test_renewal_too_early_explanation(
    snap_compare: Snap, app: MgcertApp, center: CertificateCenter
) -> None:
    certificate_due_for_renewal_tomorrow(center)
    assert snapshot(snap_compare, app, partial(renewal_too_early, center=center))


def test_renewal_new_password_or_keep(
    snap_compare: Snap, app: MgcertApp, center: CertificateCenter
) -> None:
    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "renew")
        await pick(pilot, lambda e: e.name == "박지훈")
        await enter_password(pilot, DEMO_PASSWORD)
        await pass_identity(pilot, center, demo_customer(center, "박지훈").customer_id)

    assert snapshot(snap_compare, app, steps)


def test_manage_details(snap_compare: Snap, app: MgcertApp, center: CertificateCenter) -> None:
    assert snapshot(snap_compare, app, partial(manage_details, center=center))


def test_manage_change_password(snap_compare: Snap, app: MgcertApp) -> None:
    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "manage")
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("tab")
        await type_text(pilot, "Abc12345")

    assert snapshot(snap_compare, app, steps)


def test_manage_copy(snap_compare: Snap, app: MgcertApp) -> None:
    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "manage")
        await pilot.press("c")

    assert snapshot(snap_compare, app, steps)


def test_export_code_with_countdown(
    snap_compare: Snap, app: MgcertApp, center: CertificateCenter
) -> None:
    assert snapshot(snap_compare, app, partial(export_code_with_countdown, center=center))


def test_import_code_entry(snap_compare: Snap, app: MgcertApp) -> None:
    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "export")
        await pilot.press("tab", "enter")

    assert snapshot(snap_compare, app, steps)


def test_login_check_report_for_a_revoked_certificate(
    snap_compare: Snap, app: MgcertApp, center: CertificateCenter
) -> None:
    demo_certificate_revoked(center)
    assert snapshot(snap_compare, app, partial(login_check_report, center=center))


def test_registration_owner_check(
    snap_compare: Snap, app: MgcertApp, center: CertificateCenter
) -> None:
    owner = scenario_customer(center, DemoScenario.ORDINARY)
    center.simulator.make_other_institution_certificate(
        owner.customer_id, center.medium(MediumKind.HARDDISK), OTHER_PASSWORD
    )

    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "register")
        await pick(pilot, lambda e: e.issuer_org == "OTHERSIM")
        await enter_password(pilot, OTHER_PASSWORD)

    assert snapshot(snap_compare, app, steps)


def test_registration_make_other_certificate(snap_compare: Snap, app: MgcertApp) -> None:
    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "register")
        await pilot.press("o")

    assert snapshot(snap_compare, app, steps)


def test_financial_pin(snap_compare: Snap, app: MgcertApp, center: CertificateCenter) -> None:
    customer = scenario_customer(center, DemoScenario.ORDINARY)

    async def steps(pilot: AppPilot) -> None:
        await open_menu(pilot, "financial")
        await enter_customer(pilot, customer)
        await agree_terms(pilot)
        await pass_identity(pilot, center, customer.customer_id)
        await type_text(pilot, "123456")
        await pilot.press("enter")
        await type_text(pilot, "123456")
        await pilot.press("enter")

    assert snapshot(snap_compare, app, steps)
