"""What the screens share: the center and which demo customer the simulator shows."""

from __future__ import annotations

from dataclasses import dataclass

from mgcert.center import CertificateCenter


@dataclass
class TuiSession:
    """One person at the terminal: the center they talk to and their simulated devices.

    ``customer_id`` is whose phone, 보안카드 and OTP the simulator panel shows; the
    wizard sets it when the bank identifies the customer, the panel's 고객 tab
    switches it by hand.
    """

    center: CertificateCenter
    customer_id: int | None = None
