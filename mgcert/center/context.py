"""What every use case needs: the bank, the two CAs, the journal, the clock, the data
home, and how new key files are encrypted."""

from __future__ import annotations

from dataclasses import dataclass

from mgcert.bank import Bank
from mgcert.bank.limits import TIMERS_RUN, CodeTimers
from mgcert.ca import CertificateAuthority
from mgcert.center.journal import Journal
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki.keyform import KeyProtection


@dataclass(frozen=True)
class CenterContext:
    """The wiring shared by the center's flows (one per :class:`CertificateCenter`)."""

    home: DataHome
    clock: Clock
    bank: Bank
    mg_ca: CertificateAuthority
    other_ca: CertificateAuthority
    # Form and KDF count of every new signPri.key (issue, renew, demo, simulator).
    key_protection: KeyProtection
    journal: Journal
    # Whether the one-time codes run out (a practice home's 시간 제한 없음 pauses them).
    timers: CodeTimers = TIMERS_RUN

    @property
    def known_cas(self) -> tuple[CertificateAuthority, ...]:
        """The CAs the bank trusts: MG's own and the other institution's."""
        return (self.mg_ca, self.other_ca)
