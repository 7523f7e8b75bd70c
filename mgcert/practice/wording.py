"""Practice sentences filled with the rule numbers (never written into the wording)."""

from __future__ import annotations

from datetime import datetime

from mgcert.center import rules
from mgcert.clock import KST
from mgcert.npki.password_rule import MIN_LENGTH
from mgcert.npki.profile import CertificateKind


def practice_text(template: str, /, **values: object) -> str:
    """``template`` with the center's rule numbers, the 범용 fee, the validity years and
    the password length filled in (particles chosen), plus ``values``."""
    return rules.rule_text(
        template,
        universal_fee=f"{CertificateKind.UNIVERSAL.fee_won:,}",
        general_years=CertificateKind.GENERAL.validity_years,
        financial_years=CertificateKind.FINANCIAL.validity_years,
        password_min=MIN_LENGTH,
        **values,
    )


def day_text(moment: datetime) -> str:
    """A date as the screens show it: ``2027.11.30`` (KST)."""
    return moment.astimezone(KST).strftime("%Y.%m.%d")
