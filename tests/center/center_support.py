"""Helpers for the center tests: demo customers, identity steps, one-call issuing."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mgcert.center import (
    CertificateCenter,
    CertificateEntry,
    IssuanceResult,
    MediumKind,
    MediumLocation,
)
from mgcert.center.identity import IdentitySteps
from mgcert.center.identity_methods import IdentityMethod
from mgcert.clock import KST, Clock
from mgcert.home import DataHome
from mgcert.npki.profile import CertificateKind

FAST_ITERATIONS = 2048
PASSWORD = "Test1234!pw"
NEW_PASSWORD = "Other5678#pw"
NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)  # the shared conftest's FIXED_NOW


@dataclass(frozen=True)
class Person:
    customer_id: int
    name: str
    rrn: str
    account: str
    account_password: str


KIM = Person(1, "김민준", "850315-1000010", "9002-0000-0001-1", "1234")
LEE = Person(2, "이서연", "920728-2000001", "9002-0000-0002-2", "4321")  # 1,000원 balance
PARK = Person(3, "박지훈", "780512-1000008", "9002-0000-0003-3", "2580")  # demo certificate
NGUYEN = Person(4, "NGUYEN VAN AN", "880204-5000003", "9002-0000-0004-4", "1357")


def build_template(root: Path) -> None:
    """A fully initialised data home (CAs, bank, demo certificate) to copy per test."""
    home = DataHome(root).ensure()
    clock = Clock(pinned=NOW, state_file=home.clock_file)
    CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS).close()


def copy_template(template: Path, home: DataHome) -> None:
    shutil.copytree(template, home.root, dirs_exist_ok=True, symlinks=True)


def pass_identity(
    center: CertificateCenter,
    flow: IdentitySteps,
    customer_id: int,
    *,
    phone: IdentityMethod = IdentityMethod.ARS,
    second: IdentityMethod = IdentityMethod.SECURITY_CARD,
) -> None:
    """Pass the phone check and the 보안매체, the simulated devices answering."""
    for method in (phone, second):
        pass_method(center, flow, customer_id, method)


def pass_method(
    center: CertificateCenter, flow: IdentitySteps, customer_id: int, method: IdentityMethod
) -> None:
    """Start ``method``, let the simulator answer it, hand the answer in."""
    row = method.row
    prompt = row.start(flow)
    row.submit(flow, center.simulator.answer_identity(customer_id, method, prompt))


def harddisk(center: CertificateCenter) -> MediumLocation:
    return center.medium(MediumKind.HARDDISK)


def phone(center: CertificateCenter) -> MediumLocation:
    return center.medium(MediumKind.PHONE)


def issue(
    center: CertificateCenter,
    person: Person = KIM,
    kind: CertificateKind = CertificateKind.GENERAL,
    location: MediumLocation | None = None,
    password: str = PASSWORD,
) -> IssuanceResult:
    """Walk every step of 발급/재발급 and return the result."""
    flow = center.start_issuance(kind)
    flow.enter_customer(person.rrn, person.account, person.account_password)
    flow.agree_terms(True)
    pass_identity(center, flow, person.customer_id)
    return flow.issue(location or harddisk(center), password, password)


def entry(
    center: CertificateCenter, serial_hex: str, location: MediumLocation | None = None
) -> CertificateEntry:
    """The listed entry with this serial (fails the test if absent)."""
    listing = center.list_certificates(location or harddisk(center))
    matches = [e for e in listing.entries if e.serial_hex == serial_hex]
    assert len(matches) == 1, [e.serial_hex for e in listing.entries]
    return matches[0]


def demo_entry(center: CertificateCenter) -> CertificateEntry:
    """박지훈's demo certificate (20 days left at NOW)."""
    matches = [e for e in center.list_certificates(harddisk(center)).entries if e.name == PARK.name]
    assert len(matches) == 1
    return matches[0]
