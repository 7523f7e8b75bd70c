"""customers / unlock / clock / other-cert: the simulator panel on the command line."""

from __future__ import annotations

from mgcert.cli.invocation import Invocation
from mgcert.cli.output import CommandResult, entry_data, entry_line, kst
from mgcert.cli.secrets import Secret
from mgcert.clock import time_step
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg
from mgcert.messages.durations import duration_text


def cmd_customers(inv: Invocation) -> CommandResult:
    """The demo customers' test data (unmasked: it is all fake)."""
    sim = inv.center.simulator
    customers = []
    lines = []
    for sheet in sim.sheets():
        cert_password = sim.demo_certificate_password(sheet.customer_id)
        accounts = [
            {"number": a.number, "password": a.password, "balance_won": a.balance_won}
            for a in sheet.accounts
        ]
        customers.append(
            {
                "customer_id": sheet.customer_id,
                "name": sheet.name,
                "rrn": sheet.rrn,
                "phone": sheet.phone,
                "accounts": accounts,
                "note": sheet.note,
                "certificate_password": cert_password,
            }
        )
        lines.append(
            cli_msg.CUSTOMER_LINE.format(
                id=sheet.customer_id,
                name=sheet.name,
                rrn=sheet.rrn,
                phone=sheet.phone,
                note=sheet.note,
            )
        )
        for a in sheet.accounts:
            lines.append(
                cli_msg.CUSTOMER_ACCOUNT_LINE.format(
                    number=a.number, password=a.password, balance=a.balance_won
                )
            )
        if cert_password:
            lines.append(cli_msg.CUSTOMER_CERT_PASSWORD_LINE.format(password=cert_password))
    return CommandResult({"ok": True, "customers": customers}, lines)


def cmd_unlock(inv: Invocation) -> CommandResult:
    """지점 방문: clear the customer's locks."""
    sheet = inv.sheet(inv.args.customer)
    inv.center.simulator.unlock(sheet.customer_id)
    return CommandResult({"ok": True, "customer_id": sheet.customer_id}, [msg.CLI_DONE])


def cmd_clock(inv: Invocation) -> CommandResult:
    """show / advance / reset the simulated clock."""
    sim = inv.center.simulator
    action = inv.args.clock_action or "show"
    if action == "advance":
        sim.advance_clock(time_step(days=inv.args.days, hours=inv.args.hours))
    elif action == "reset":
        sim.reset_clock()
    clock = inv.center.clock
    offset = clock.offset
    data = {"ok": True, "now": kst(clock.now()), "offset_seconds": offset.total_seconds()}
    line = cli_msg.CLOCK_LINE.format(now=kst(clock.now()), offset=duration_text(offset))
    return CommandResult(data, [line])


def cmd_other_cert(inv: Invocation) -> CommandResult:
    """Make a certificate "from another institution" for a demo customer."""
    sheet = inv.sheet(inv.args.customer)
    entry = inv.center.simulator.make_other_institution_certificate(
        sheet.customer_id, inv.medium(), inv.secrets.get(Secret.PASSWORD)
    )
    return CommandResult({"ok": True, "certificate": entry_data(entry)}, [entry_line(entry)])
