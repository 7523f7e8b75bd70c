"""Reading the facts the center needs out of an X.509 certificate (no I/O)."""

from __future__ import annotations

import calendar
from datetime import date, datetime

from cryptography import x509
from cryptography.x509.oid import NameOID

from mgcert.ca.validity import end_of_day_kst
from mgcert.clock import KST
from mgcert.npki.names import common_name, holder_name
from mgcert.npki.profile import CertificateKind


def issuer_org(certificate: x509.Certificate) -> str:
    """The issuer's O value (also the NPKI folder of the CA), ``""`` when absent."""
    values = certificate.issuer.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    if not values:
        return ""
    value = values[0].value
    return value if isinstance(value, str) else value.decode()


def policy_oid(certificate: x509.Certificate) -> x509.ObjectIdentifier | None:
    """The first certificate policy OID, or ``None``."""
    try:
        policies = certificate.extensions.get_extension_for_class(x509.CertificatePolicies)
    except (x509.ExtensionNotFound, ValueError):
        return None
    for policy in policies.value:
        identifier: x509.ObjectIdentifier = policy.policy_identifier
        return identifier
    return None


def kind_of(certificate: x509.Certificate) -> CertificateKind | None:
    """The certificate kind from its policy OID (``None`` for an unknown policy)."""
    oid = policy_oid(certificate)
    return None if oid is None else CertificateKind.from_policy(oid)


def holder(certificate: x509.Certificate) -> str:
    """The holder's name: the CN part before ``()``."""
    return holder_name(common_name(certificate.subject))


def expiry_day(not_after: datetime) -> date:
    """The KST calendar day on which a certificate expires."""
    return not_after.astimezone(KST).date()


def days_left(not_after: datetime, today: date) -> int:
    """KST days from ``today`` until the expiry day (0 on the expiry day)."""
    return (expiry_day(not_after) - today).days


def same_day_next_year(day: date) -> date:
    """``day`` one year later; 29 February becomes 28 February in a common year."""
    year = day.year + 1
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def renewed_not_after(old_not_after: datetime) -> datetime:
    """갱신: the new certificate ends one year after the old expiry day (23:59:59 KST)."""
    return end_of_day_kst(same_day_next_year(expiry_day(old_not_after)))


def kst_day_text(value: datetime) -> str:
    return value.astimezone(KST).strftime("%Y-%m-%d")
