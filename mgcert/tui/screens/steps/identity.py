"""본인인증, as every flow asks it: each group of the center's identity table in order
(ARS or SMS, then 보안카드 or OTP), its method chosen first."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mgcert.center.identity import IdentitySteps
from mgcert.center.identity_methods import IdentityGroup, IdentityMethod
from mgcert.tui.screens.issuance.device_steps import OtpStep, SecurityCardStep
from mgcert.tui.screens.issuance.method_step import MethodStep
from mgcert.tui.screens.issuance.phone_steps import ArsStep, SmsStep
from mgcert.tui.screens.steps.step import Step

if TYPE_CHECKING:
    from collections.abc import Callable

    from mgcert.tui.screens.steps.flow_screen import FlowScreen

# The step widget of each method (a new method adds one line here and its widget).
METHOD_STEPS: dict[IdentityMethod, Callable[[IdentitySteps], Step[Any]]] = {
    IdentityMethod.ARS: ArsStep,
    IdentityMethod.SMS: SmsStep,
    IdentityMethod.SECURITY_CARD: SecurityCardStep,
    IdentityMethod.OTP: OtpStep,
}


async def prove_identity(screen: FlowScreen, flow: IdentitySteps) -> None:
    """Both checks; returns once the bank accepted each."""
    for group in IdentityGroup:
        method = await screen.ask(MethodStep(group))
        await screen.ask(METHOD_STEPS[method](flow))
