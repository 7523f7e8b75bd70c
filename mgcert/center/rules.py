"""The numbers of the center's rules, one constant each, and the sentences that say them.

A sentence that mentions a rule's number takes it from here through a template field
(``{renewal_days}``, ``{export_minutes}``, ...) filled by :func:`rule_text` when the
sentence is shown, so changing a constant changes every sentence (DOMAIN.md; STYLE.md
"A rule's number lives once"). The identity checks' limits live in
:mod:`mgcert.bank.limits` (the bank enforces them); they are read from there.

Read the constants as ``rules.RENEWAL_WINDOW_DAYS`` at call time, not copied at import.
"""

from __future__ import annotations

from datetime import timedelta

from mgcert.bank import limits
from mgcert.messages.particles import fill

# 갱신: from this many days before the expiry day until the expiry day. The "만료 임박"
# highlight in lists is the same rule (it marks what can be renewed now), not a second one.
RENEWAL_WINDOW_DAYS = 30

# 내보내기: the one-time code's lifetime.
EXPORT_CODE_LIFETIME = timedelta(minutes=3)


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def rule_values() -> dict[str, int]:
    """Every rule number a message template may name, as of now."""
    return {
        "renewal_days": RENEWAL_WINDOW_DAYS,
        "export_minutes": _minutes(EXPORT_CODE_LIFETIME),
        "ars_minutes": _minutes(limits.ARS_LIFETIME),
        "sms_minutes": _minutes(limits.SMS_LIFETIME),
        "account_attempts": limits.ACCOUNT_PASSWORD_ATTEMPTS,
        "card_attempts": limits.SECURITY_CARD_ATTEMPTS,
        "otp_attempts": limits.OTP_ATTEMPTS,
        "pin_attempts": limits.PIN_ATTEMPTS,
        "sms_attempts": limits.SMS_ATTEMPTS,
    }


def rule_text(template: str, /, **values: object) -> str:
    """``template`` filled with the rule numbers (and ``values``), particles chosen."""
    return fill(template, **{**rule_values(), **values})
