"""Helpers for the practice tests: a template home, an opener, the learner's moves."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from support.constants import FAST_ITERATIONS

from mgcert.center import (
    CertificateCenter,
    CertificateEntry,
    IssuanceResult,
    MediumKind,
    MediumLocation,
)
from mgcert.center.identity import IdentitySteps
from mgcert.clock import KST, Clock
from mgcert.home import DataHome
from mgcert.npki.profile import CertificateKind
from mgcert.practice.marker import PracticeTimers
from mgcert.practice.tries import PracticeTry, start_mission

NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)  # the shared conftest's FIXED_NOW
PASSWORD = "Learn1234!pw"


@dataclass(frozen=True)
class Person:
    customer_id: int
    name: str
    rrn: str
    account: str
    account_password: str


KIM = Person(1, "김민준", "850315-1000010", "9002-0000-0001-1", "1234")
LEE = Person(2, "이서연", "920728-2000001", "9002-0000-0002-2", "4321")
PARK = Person(3, "박지훈", "780512-1000008", "9002-0000-0003-3", "2580")


def build_template(root: Path) -> None:
    """A freshly opened data home (CAs, bank, demo certificate) to copy per test."""
    home = DataHome(root).ensure()
    clock = Clock(pinned=NOW, state_file=home.clock_file)
    CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS).close()


def make_opener(template: Path) -> Callable[[Path], CertificateCenter]:
    """Open a home with the pinned clock and a cheap KDF; a new home starts as a copy
    of the template (fresh, as a first open would make it, only faster)."""

    def opener(home: Path) -> CertificateCenter:
        if not (home / "manifest.json").exists():
            shutil.copytree(template, home, dirs_exist_ok=True, symlinks=True)
        data_home = DataHome(home)
        clock = Clock(pinned=NOW, state_file=data_home.clock_file)
        return CertificateCenter.open(
            data_home, clock, iterations=FAST_ITERATIONS, timers=PracticeTimers(home)
        )

    return opener


def pass_identity(
    center: CertificateCenter,
    flow: IdentitySteps,
    customer_id: int,
    *,
    phone: str = "ars",
    second: str = "card",
) -> None:
    """Answer ARS/SMS and 보안카드/OTP from the simulated devices, as a learner does."""
    sim = center.simulator
    if phone == "ars":
        prompt = flow.start_ars()
        assert sim.key_in_ars(customer_id, prompt.code)
        flow.confirm_ars()
    else:
        flow.send_sms()
        flow.verify_sms(sim.sms_inbox(customer_id)[0].code)
    if second == "otp":
        flow.verify_otp(sim.otp(customer_id).code)
    else:
        challenge = flow.security_card_challenge()
        cells = sim.security_card(customer_id).cells
        flow.verify_security_card(
            cells[challenge.first_cell][:2], cells[challenge.second_cell][-2:]
        )


def harddisk(center: CertificateCenter) -> MediumLocation:
    return center.medium(MediumKind.HARDDISK)


def phone(center: CertificateCenter) -> MediumLocation:
    return center.medium(MediumKind.PHONE)


def start(
    opener: Callable[[Path], CertificateCenter], user_home: Path, mission_id: str
) -> tuple[PracticeTry, CertificateCenter]:
    """Start a try as the mission list does and open its center as the TUI would."""
    practice_try = start_mission(mission_id, user_home, opener=opener)
    return practice_try, opener(practice_try.home)


def issue(
    center: CertificateCenter,
    person: Person,
    kind: CertificateKind = CertificateKind.GENERAL,
    location: MediumLocation | None = None,
    password: str = PASSWORD,
    account: str | None = None,
) -> IssuanceResult:
    """발급/재발급 through every step, as a learner does it."""
    flow = center.start_issuance(kind)
    flow.enter_customer(person.rrn, account or person.account, person.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, person.customer_id)
    return flow.issue(location or harddisk(center), password, password)


def entry_of(
    center: CertificateCenter, person: Person, location: MediumLocation | None = None
) -> CertificateEntry:
    """The one certificate of ``person`` on the medium (하드디스크 by default)."""
    entries = center.list_certificates(location or harddisk(center)).entries
    mine = [e for e in entries if e.name == person.name]
    assert len(mine) == 1, [e.name for e in entries]
    return mine[0]
