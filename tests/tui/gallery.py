"""The README's screenshots: which snapshot test each one is, and how to take it again.

Every picture in ``screenshots/`` is the screen of one snapshot test, reached by that
test's own steps with the same pinned clock, seeded bank draws and masks.
``scripts/screenshots.py`` drives the app through them and writes ``fix_svg`` of the
export; ``tests/screenshots/test_screenshots_fresh.py`` checks each picture against
``fix_svg`` of the test's baseline, so a screen that changes look makes its picture
stale without the check driving the app again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest
import test_tui_flow_snapshots as part2
import test_tui_gallery_snapshots as extra
import test_tui_snapshots as part1
from support.constants import FAST_ITERATIONS
from textual.widgets import Input
from tui_driver import AppPilot

from mgcert.center import CertificateCenter
from mgcert.clock import KST, Clock
from mgcert.home import DataHome

SNAPSHOTS = Path(__file__).parent / "__snapshots__"
SIZE = part1.SIZE
NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)  # tests/conftest.py's FIXED_NOW

RunBefore = Callable[[AppPilot], Awaitable[None]]
Stage = Callable[[CertificateCenter], None]
Step = Callable[[AppPilot, CertificateCenter], Awaitable[None]]


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file name, the snapshot baseline it shows, how to reach it."""

    name: str
    baseline: Path
    # Part-1 snapshots seed the bank's draws; the others mask random values instead.
    seeded: bool
    # Sets the stage on the center, returns what the pilot runs before the picture.
    prepare: Callable[[CertificateCenter], RunBefore]


def _part1(name: str, screen: str) -> Shot:
    step = part1.SCREENS[screen]
    baseline = SNAPSHOTS / "test_tui_snapshots" / f"test_screen_looks_right[{screen}].svg"
    return Shot(name, baseline, True, partial(part1.before_snapshot, step))


def _part2(name: str, test: Callable[..., None], step: Step, stage: Stage | None = None) -> Shot:
    def prepare(center: CertificateCenter) -> RunBefore:
        if stage is not None:
            stage(center)
        return part2.before_snapshot(partial(step, center=center))

    baseline = SNAPSHOTS / test.__module__ / f"{test.__name__}.svg"
    return Shot(name, baseline, False, prepare)


GALLERY: tuple[Shot, ...] = (
    _part1("home", "home"),
    _part1("kind-choice", "kind_choice"),
    _part1("step1-customer", "step1_customer"),
    _part1("step2-terms", "step2_terms_reissue"),
    _part1("step3-ars", "step3_ars"),
    _part1("step3-security-card", "step3_security_card"),
    _part1("step4-medium", "step4_medium"),
    _part1("step4-password", "step4_password"),
    _part1("completion", "step4_completion"),
    _part1("error-universal-low-balance", "step1_universal_low_balance"),
    _part1("simulator-phone-ringing", "simulator_phone_ringing"),
    _part1("simulator-security-card", "simulator_card"),
    _part1("simulator-otp", "simulator_otp"),
    _part1("simulator-clock", "simulator_clock"),
    _part2(
        "certificate-list",
        part2.test_picker_lists_certificates_with_status,
        part2.renewal_picker,
        part2.other_institution_certificate_on_phone,
    ),
    _part2(
        "certificate-details",
        extra.test_manage_details_every_field,
        extra.details_every_field,
    ),
    _part2(
        "login-check-report",
        part2.test_login_check_report_for_a_revoked_certificate,
        part2.login_check_report,
        part2.demo_certificate_revoked,
    ),
    _part2(
        "renewal-too-early",
        part2.test_renewal_too_early_explanation,
        part2.renewal_too_early,
        part2.certificate_due_for_renewal_tomorrow,
    ),
    _part2(
        "export-code",
        part2.test_export_code_with_countdown,
        part2.export_code_with_countdown,
    ),
)


@contextmanager
def center_as_in_snapshot_tests(shot: Shot, root: Path) -> Iterator[CertificateCenter]:
    """The fixtures of the shot's snapshot test, outside pytest (data home under ``root``)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        home = DataHome(root / "mgcert-home").ensure()
        monkeypatch.setenv("MGCERT_HOME", str(home.root))
        monkeypatch.delenv("MGCERT_NOW", raising=False)
        monkeypatch.setattr(Input, "cursor_blink", False)
        if shot.seeded:
            part1.seed_bank_draws(monkeypatch)
        clock = Clock(pinned=NOW, state_file=home.clock_file)
        yield CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS)
