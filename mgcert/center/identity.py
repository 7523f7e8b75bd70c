"""The shared 본인인증 steps: ARS or SMS first, then 보안카드 or OTP (DOMAIN.md step 3).

Every issuing flow (발급/재발급, 갱신, 금융인증서, 타기관 등록) inherits
:class:`IdentitySteps`. The bank does the checking (codes, expiry, lockouts); this class
only remembers which checks passed, so a flow can refuse to finish until one phone
check and one second factor are done.
"""

from __future__ import annotations

import re

from mgcert.bank import Bank
from mgcert.center.errors import NoPendingChallenge, StepsIncomplete
from mgcert.center.models import ArsPrompt, SecurityCardPrompt, SmsPrompt
from mgcert.messages import center as msg


def mask_phone(phone: str) -> str:
    """``010-1234-5678`` → ``010-****-5678`` (only the last four digits shown)."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 8:
        return "*" * len(digits)
    return f"{digits[:3]}-****-{digits[-4:]}"


class IdentitySteps:
    """ARS/SMS then 보안카드/OTP for one customer, tracked per flow."""

    def __init__(self, bank: Bank) -> None:
        self._bank = bank
        self._identity_customer_id: int | None = None
        self._ars_call_id: str | None = None
        self._sms_challenge_id: str | None = None
        self._card_challenge_id: str | None = None
        self.phone_verified = False
        self.second_factor_verified = False

    # --- for subclasses --------------------------------------------------------------
    def _set_identity_customer(self, customer_id: int) -> None:
        """Who must be verified; changing the customer forgets earlier checks."""
        if customer_id != self._identity_customer_id:
            self._identity_customer_id = customer_id
            self._ars_call_id = self._sms_challenge_id = self._card_challenge_id = None
            self.phone_verified = False
            self.second_factor_verified = False

    def _identity_missing(self) -> list[str]:
        missing: list[str] = []
        if not self.phone_verified:
            missing.append(msg.STEP_PHONE)
        if not self.second_factor_verified:
            missing.append(msg.STEP_SECOND_FACTOR)
        return missing

    def _customer_for_identity(self) -> int:
        if self._identity_customer_id is None:
            raise StepsIncomplete([self._first_step_name()])
        return self._identity_customer_id

    def _first_step_name(self) -> str:
        """The step that makes the customer known (overridden by flows)."""
        return msg.STEP_CUSTOMER

    # --- ARS ---------------------------------------------------------------------------
    def start_ars(self) -> ArsPrompt:
        """Ring the registered phone; the screen shows the 2-digit 승인번호."""
        call = self._bank.start_ars(self._customer_for_identity())
        self._ars_call_id = call.id
        return ArsPrompt(
            code=call.code, phone_masked=mask_phone(call.phone), expires_at=call.expires_at
        )

    def confirm_ars(self) -> None:
        """확인 after the call: the bank says whether the number was keyed in time."""
        self._customer_for_identity()
        if self._ars_call_id is None:
            raise NoPendingChallenge(msg.NO_PENDING_ARS)
        self._bank.confirm_ars(self._ars_call_id)
        self._ars_call_id = None
        self.phone_verified = True

    # --- SMS ---------------------------------------------------------------------------
    def send_sms(self) -> SmsPrompt:
        challenge = self._bank.send_sms(self._customer_for_identity())
        self._sms_challenge_id = challenge.id
        return SmsPrompt(phone_masked=mask_phone(challenge.phone), expires_at=challenge.expires_at)

    def verify_sms(self, code: str) -> None:
        self._customer_for_identity()
        if self._sms_challenge_id is None:
            raise NoPendingChallenge(msg.NO_PENDING_SMS)
        self._bank.verify_sms(self._sms_challenge_id, code.strip())
        self._sms_challenge_id = None
        self.phone_verified = True

    # --- 보안카드 ----------------------------------------------------------------------
    def security_card_challenge(self) -> SecurityCardPrompt:
        challenge = self._bank.security_card_challenge(self._customer_for_identity())
        self._card_challenge_id = challenge.id
        return SecurityCardPrompt(
            first_cell=challenge.first_cell, second_cell=challenge.second_cell
        )

    def verify_security_card(self, first_two: str, last_two: str) -> None:
        self._customer_for_identity()
        if self._card_challenge_id is None:
            raise NoPendingChallenge(msg.NO_PENDING_CARD)
        self._bank.verify_security_card(
            self._card_challenge_id, first_two.strip(), last_two.strip()
        )
        self._card_challenge_id = None
        self.second_factor_verified = True

    # --- OTP ---------------------------------------------------------------------------
    def verify_otp(self, code: str) -> None:
        self._bank.verify_otp(self._customer_for_identity(), code.strip())
        self.second_factor_verified = True
