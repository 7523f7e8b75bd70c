"""The simulator panel's view of the world: what the phone, OTP and 보안카드 would show.

Part of the product (DESIGN.md "The simulator panel"): the demo customers' data sheet,
the 보안카드 grid, the OTP device, the ringing phone and its keypad, the SMS inbox,
time travel, 지점 방문 (unlock), and certificates "from another institution".
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from mgcert.bank.models import ArsCall, LockState, OtpReading, SecurityCard, SmsMessage
from mgcert.center.catalog import Catalog
from mgcert.center.context import CenterContext
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD, DEMO_CUSTOMER_NAME
from mgcert.center.errors import NoArsCall
from mgcert.center.identity_methods import IdentityAnswer, IdentityMethod, IdentityPrompt
from mgcert.center.issuing import encrypt_for_medium, issue_direct
from mgcert.center.jobs import write_pair
from mgcert.center.media import check_medium
from mgcert.center.models import CertificateEntry, MediumLocation
from mgcert.npki.password_rule import validate_new_password
from mgcert.npki.profile import CertificateKind

if TYPE_CHECKING:
    from mgcert.bank.demo import DemoCustomerSheet

# The other institution's bank code in its CN tails (any code but MG's 045).
OTHER_BANK_CODE = "088"


class Simulator:
    """Read and poke the simulated devices; never used by the flows themselves."""

    def __init__(self, ctx: CenterContext, catalog: Catalog) -> None:
        self._ctx = ctx
        self._catalog = catalog

    def sheets(self) -> list[DemoCustomerSheet]:
        """The demo customers' unmasked test data (name, 주민등록번호, accounts, ...)."""
        return self._ctx.bank.demo_sheets()

    def demo_certificate_password(self, customer_id: int) -> str | None:
        """The certificate password of the demo certificate this customer holds, if any."""
        for sheet in self.sheets():
            if sheet.customer_id == customer_id and sheet.name == DEMO_CUSTOMER_NAME:
                return DEMO_CERTIFICATE_PASSWORD
        return None

    def security_card(self, customer_id: int) -> SecurityCard:
        return self._ctx.bank.security_card(customer_id)

    def otp(self, customer_id: int) -> OtpReading:
        """What the OTP device shows now."""
        return self._ctx.bank.otp_code(customer_id)

    def pending_ars(self, customer_id: int) -> ArsCall | None:
        """The ARS call ringing on the customer's phone, if any."""
        return self._ctx.bank.pending_ars_call(customer_id)

    def key_in_ars(self, customer_id: int, digits: str) -> bool:
        """Key the 승인번호 on the ringing phone; True when it matched."""
        call = self.pending_ars(customer_id)
        if call is None:
            raise NoArsCall
        return self._ctx.bank.key_in_ars(call.id, digits)

    def sms_inbox(self, customer_id: int) -> list[SmsMessage]:
        return self._ctx.bank.sms_inbox(customer_id)

    def answer_identity(
        self, customer_id: int, method: IdentityMethod, prompt: IdentityPrompt
    ) -> IdentityAnswer:
        """Play the customer's device for ``method`` and say what they would type.

        ARS: key the prompt's 승인번호 on the ringing phone (nothing is typed on the
        screen); SMS: the code of the newest message in the inbox; 보안카드: the first two
        digits of the first cell and the last two of the second; OTP: the device's code
        (each row's ``play``). ``prompt`` is what the method's ``start`` returned (None
        for OTP). Hand the answer to the flow with ``method.row.submit(flow, answer)``.
        """
        return method.row.play(self, customer_id, prompt)

    def advance_clock(self, delta: timedelta) -> None:
        """Time travel (+1 day, +30 days, +1 year); persisted in the data home."""
        self._ctx.clock.advance(delta)

    def reset_clock(self) -> None:
        self._ctx.clock.reset()

    def lock_state(self, customer_id: int) -> LockState:
        return self._ctx.bank.lock_state(customer_id)

    def unlock(self, customer_id: int) -> None:
        """지점 방문: clears every lock and failure counter of the customer."""
        self._ctx.bank.unlock(customer_id)

    def make_other_institution_certificate(
        self,
        customer_id: int,
        location: MediumLocation,
        password: str,
        kind: CertificateKind = CertificateKind.GENERAL,
    ) -> CertificateEntry:
        """Issue a certificate from the other CA (correct VID) onto ``location``.

        It is not registered at MG: that is what 타기관 인증서 등록 is for.
        """
        validate_new_password(password, password)
        check_medium(location)
        customer = self._ctx.bank.customer(customer_id)
        today = self._ctx.clock.today_kst()
        issued = issue_direct(
            self._ctx.other_ca,
            real_name=customer.name,
            rrn_digits=customer.rrn,
            cn_head=f"0{OTHER_BANK_CODE}045{today:%Y%m%d}",
            kind=kind,
            not_after=None,
        )
        files = encrypt_for_medium(issued, password, self._ctx.key_protection)
        folder = write_pair(location, files)
        return self._catalog.find(location, folder)
