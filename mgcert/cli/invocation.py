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
from mgcert.center.identity_methods import IdentityMethod
from mgcert.center.simulator import Simulator
from mgcert.cli.identity_options import chosen_methods
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
        """The phone check then the 보안매체 (``--phone-check`` / ``--second-factor``, the
        center's table): answered by the simulated devices (``--auto-verify``), or an OTP
        code (``--otp-stdin``, ``MGCERT_OTP`` or ``--otp``) after an SMS typed in."""
        methods = chosen_methods(self.args)
        assert methods is not None  # only commands with the identity flags get here
        phone, second = methods
        sim = self.center.simulator
        auto = bool(self.args.auto_verify)
        if auto:
            _pass_with_device(flow, sim, customer_id, phone)
        elif phone is IdentityMethod.SMS and _interactive(self.stdin):
            row = phone.row
            row.start(flow)
            sys.stderr.write(msg.CLI_SMS_PROMPT)
            sys.stderr.flush()
            row.answer(flow, self.stdin.readline().strip())
        else:
            raise CliUsageError(msg.CLI_MANUAL_STEPS)
        otp = self.secrets.optional(Secret.OTP)  # after the SMS, which may be typed in
        if otp:
            IdentityMethod.OTP.row.answer(flow, otp)
        elif not auto:
            raise CliUsageError(msg.CLI_MANUAL_STEPS)
        else:
            _pass_with_device(flow, sim, customer_id, second)


def _pass_with_device(
    flow: IdentitySteps, sim: Simulator, customer_id: int, method: IdentityMethod
) -> None:
    """Start ``method``, let the simulated device answer, hand the answer in."""
    row = method.row
    prompt = row.start(flow)
    row.submit(flow, sim.answer_identity(customer_id, method, prompt))


def _interactive(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
