"""본인인증, as every flow asks it: ARS or SMS, then 보안카드 or OTP."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mgcert.center.identity import IdentitySteps
from mgcert.tui.screens.issuance.device_steps import OtpStep, SecurityCardStep
from mgcert.tui.screens.issuance.method_step import device_method_step, phone_method_step
from mgcert.tui.screens.issuance.phone_steps import ArsStep, SmsStep

if TYPE_CHECKING:
    from mgcert.tui.screens.steps.flow_screen import FlowScreen


async def prove_identity(screen: FlowScreen, flow: IdentitySteps) -> None:
    """The two checks, each chosen first; returns once the bank accepted both."""
    if await screen.ask(phone_method_step()) == "sms":
        await screen.ask(SmsStep(flow))
    else:
        await screen.ask(ArsStep(flow))
    if await screen.ask(device_method_step()) == "otp":
        await screen.ask(OtpStep(flow))
    else:
        await screen.ask(SecurityCardStep(flow))
