"""The 본인인증 panes of part 1 (ARS/SMS, then 보안카드/OTP), reused by every part-2 flow."""

from __future__ import annotations

from typing import cast

from textual.widget import Widget

from mgcert.center import IssuanceFlow
from mgcert.center.identity import IdentitySteps
from mgcert.tui.screens.issuance.device_steps import OtpStep, SecurityCardStep
from mgcert.tui.screens.issuance.method_step import device_method_step, phone_method_step
from mgcert.tui.screens.issuance.phone_steps import ArsStep, SmsStep

# Which pane follows a finished identity pane (the method panes choose by their outcome).
IDENTITY_NEXT = {"ars": "device-method", "sms": "device-method"}
SECOND_FACTOR_PANES = frozenset({"card", "otp"})
METHOD_PANES = frozenset({"phone-method", "device-method"})
FIRST_IDENTITY_PANE = "phone-method"


def as_wizard_flow(flow: IdentitySteps) -> IssuanceFlow:
    """Part 1's panes annotate their flow as IssuanceFlow, but the identity panes (and the
    customer/terms panes) only call methods every flow shares; the cast says so once."""
    return cast(IssuanceFlow, flow)


def identity_panes(flow: IdentitySteps) -> list[Widget]:
    """phone-method, ars, sms, device-method, card, otp — in that order."""
    shared = as_wizard_flow(flow)
    return [
        phone_method_step(shared),
        ArsStep(shared, id="ars"),
        SmsStep(shared, id="sms"),
        device_method_step(shared),
        SecurityCardStep(shared, id="card"),
        OtpStep(shared, id="otp"),
    ]
