"""Shared plumbing of the subcommands: choosing customers, media, certificates, and
answering the identity steps from the simulated devices (``--auto-verify``)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from mgcert.bank.demo import DemoCustomerSheet
from mgcert.center import CertificateCenter, CertificateEntry, MediumKind, MediumLocation
from mgcert.center.errors import CenterError
from mgcert.center.identity import IdentitySteps
from mgcert.cli.secrets import Secret, SecretReader
from mgcert.errors import UsageError
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg


class CliUsageError(CenterError, UsageError):
    """A combination of options that cannot work (exit status 2, like argparse's)."""


class CliRefused(CenterError):
    """Understood, but the center's state does not allow it (exit status 1)."""


@dataclass(frozen=True)
class CustomerInput:
    rrn: str
    account_number: str
    account_password: str
    customer_id: int | None


@dataclass
class Invocation:
    """One run of a subcommand: the center, the parsed options and the secrets."""

    center: CertificateCenter
    args: argparse.Namespace
    secrets: SecretReader
    stdin: TextIO

    # --- customers ---------------------------------------------------------------------
    def sheet(self, value: str) -> DemoCustomerSheet:
        """A demo customer by 번호 (customer id) or name."""
        sheets = self.center.simulator.sheets()
        for sheet in sheets:
            if value.strip() in (str(sheet.customer_id), sheet.name):
                return sheet
        raise CliUsageError(msg.CLI_UNKNOWN_CUSTOMER.format(value=value))

    def customer_input(self) -> CustomerInput:
        """주민등록번호 + 출금계좌 + 계좌비밀번호 from --customer, or from --account and the
        주민등록번호 (``--rrn-stdin``, ``MGCERT_RRN`` or, with a warning, ``--rrn``).

        With --customer, the account and (unless given as a secret) its password come
        from the demo sheet: they are printed test data.
        """
        args = self.args
        if args.customer:
            sheet = self.sheet(args.customer)
            account = args.account or sheet.accounts[0].number
            known = {a.number: a.password for a in sheet.accounts}
            password = self.secrets.optional(Secret.ACCOUNT_PASSWORD)
            if password is None:
                password = known.get(account) or self.secrets.get(Secret.ACCOUNT_PASSWORD)
            return CustomerInput(sheet.rrn, account, password, sheet.customer_id)
        rrn = self.secrets.optional(Secret.RRN) if args.account else None
        if not (rrn and args.account):
            raise CliUsageError(cli_msg.CUSTOMER_REQUIRED)
        password = self.secrets.get(Secret.ACCOUNT_PASSWORD)
        return CustomerInput(rrn, args.account, password, None)

    # --- media -------------------------------------------------------------------------
    def medium(self, name: str | None = None, root: str | None = None) -> MediumLocation:
        """``--medium`` (+ ``--removable-root`` for 이동식디스크)."""
        kind = MediumKind(name or self.args.medium or MediumKind.HARDDISK.value)
        root = root if root is not None else getattr(self.args, "removable_root", None)
        if kind is MediumKind.REMOVABLE and root:
            return self.center.removable(Path(root))
        return self.center.medium(kind)

    # --- certificates ------------------------------------------------------------------
    def certificate(self) -> CertificateEntry:
        """The one certificate on ``--medium`` matching ``--serial`` / ``--name``."""
        location = self.medium()
        entries = self.center.list_certificates(location).entries
        serial = str(self.args.serial or "").lower().removeprefix("0x").lstrip("0")
        name = self.args.name
        if serial:
            entries = [e for e in entries if e.serial_hex.startswith(serial)]
        if name:
            entries = [e for e in entries if e.name == name]
        if not entries:
            raise CliRefused(msg.CLI_NO_CERTIFICATE.format(medium=location.label))
        if len(entries) > 1:
            serials = ", ".join(e.serial_hex for e in entries)
            raise CliUsageError(msg.CLI_AMBIGUOUS_CERTIFICATE.format(serials=serials))
        return entries[0]

    # --- identity steps ----------------------------------------------------------------
    def verify_identity(self, flow: IdentitySteps, customer_id: int) -> None:
        """ARS/SMS then 보안카드/OTP: from the simulated devices, or an OTP code
        (``--otp-stdin``, ``MGCERT_OTP`` or ``--otp``) + the SMS prompt."""
        args = self.args
        sim = self.center.simulator
        if args.auto_verify:
            if args.phone_check == "sms":
                flow.send_sms()
                flow.verify_sms(sim.sms_inbox(customer_id)[0].code)
            else:
                prompt = flow.start_ars()
                sim.key_in_ars(customer_id, prompt.code)
                flow.confirm_ars()
        elif args.phone_check == "sms" and _interactive(self.stdin):
            flow.send_sms()
            sys.stderr.write(msg.CLI_SMS_PROMPT)
            sys.stderr.flush()
            flow.verify_sms(self.stdin.readline().strip())
        else:
            raise CliUsageError(msg.CLI_MANUAL_STEPS)
        otp = self.secrets.optional(Secret.OTP)
        if otp:
            flow.verify_otp(otp)
        elif not args.auto_verify:
            raise CliUsageError(msg.CLI_MANUAL_STEPS)
        elif args.second_factor == "otp":
            flow.verify_otp(sim.otp(customer_id).code)
        else:
            challenge = flow.security_card_challenge()
            cells = sim.security_card(customer_id).cells
            flow.verify_security_card(
                cells[challenge.first_cell][:2], cells[challenge.second_cell][-2:]
            )


def _interactive(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
