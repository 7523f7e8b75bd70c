"""Helpers for the center tests: demo customers, identity steps, one-call issuing."""

from __future__ import annotations

from dataclasses import dataclass

from support.constants import FAST_ITERATIONS, FIXED_NOW
from support.homes import build_template, copy_template

from mgcert.center import (
    CertificateCenter,
    CertificateEntry,
    IssuanceResult,
    MediumKind,
    MediumLocation,
)
from mgcert.center.identity import IdentitySteps
from mgcert.center.identity_methods import IdentityMethod
from mgcert.npki.profile import CertificateKind

PASSWORD = "Test1234!pw"
NEW_PASSWORD = "Other5678#pw"
NOW = FIXED_NOW  # the suite's pinned instant


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


__all__ = ["FAST_ITERATIONS", "build_template", "copy_template"]
