"""Snapshots of screens the README gallery shows that no other snapshot covers as well.

test_tui_flow_snapshots blanks the 인증서 상세보기 table down to three rows; the gallery
wants every field, so here only the values that differ run to run are replaced: the
serial, the SHA-256 fingerprint and the temporary data-home path.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from flow_driver import SIZE, open_menu, pick
from test_tui_flow_snapshots import before_snapshot
from textual.widgets import Static
from tui_driver import AppPilot

from mgcert.center import CertificateCenter
from mgcert.tui.app import MgcertApp
from mgcert.tui.screens.manage.details_modal import DetailsModal, detail_rows
from mgcert.tui.screens.steps.result_pane import field_table

Snap = Callable[..., bool]
SHOWN_HOME = Path("/home/user/.local/share/mgcert")


def _shown(path: Path, center: CertificateCenter) -> Path:
    return SHOWN_HOME / path.relative_to(center.home.root)


async def details_every_field(pilot: AppPilot, center: CertificateCenter) -> None:
    await open_menu(pilot, "manage")
    await pick(pilot, lambda e: e.name == "박지훈")
    modal = pilot.app.screen
    assert isinstance(modal, DetailsModal), modal
    details = modal.details
    masked = replace(
        details,
        serial=0x1F2E3D4C5B6A79880716253443526170,
        serial_hex="1f2e3d4c5b6a79880716253443526170",
        sha256_fingerprint=":".join(["5A", "C3"] * 16),
        folder=_shown(details.folder, center),
        cert_path=_shown(details.cert_path, center),
        key_path=_shown(details.key_path, center),
    )
    modal.query_one("#details-table", Static).update(field_table(detail_rows(masked)))


def test_manage_details_every_field(
    snap_compare: Snap, app: MgcertApp, center: CertificateCenter
) -> None:
    run_before = before_snapshot(partial(details_every_field, center=center))
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
