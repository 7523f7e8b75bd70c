"""issue / reissue / renew / financial: the issuing flows, steps answered by options."""

from __future__ import annotations

from mgcert.center import IssueMode
from mgcert.cli.invocation import CliRefused, Invocation
from mgcert.cli.output import CommandResult, financial_result, issuance_result
from mgcert.cli.secrets import Secret
from mgcert.errors import MgcertError
from mgcert.messages import center as msg
from mgcert.npki.profile import CertificateKind


def cmd_issue(inv: Invocation) -> CommandResult:
    """발급/재발급 (the center decides which)."""
    return _issue(inv, reissue_only=False)


def cmd_reissue(inv: Invocation) -> CommandResult:
    """재발급 only: refused when the center would do a new 발급."""
    return _issue(inv, reissue_only=True)


def _issue(inv: Invocation, *, reissue_only: bool) -> CommandResult:
    customer = inv.customer_input()
    flow = inv.center.start_issuance(CertificateKind(inv.args.kind))
    check = flow.enter_customer(customer.rrn, customer.account_number, customer.account_password)
    if reissue_only and check.mode is not IssueMode.REISSUE:
        raise CliRefused(msg.CLI_NOT_REISSUE)
    flow.agree_terms(True)
    inv.verify_identity(flow, check.customer_id)
    password = inv.secrets.get(Secret.PASSWORD)
    location = inv.medium()
    flow.check_medium(location)
    result = issuance_result(flow.issue(location, password, password))
    result.data["mode_reason"] = check.mode_reason
    result.lines.insert(1, f"  {check.mode_reason}")
    return result


def cmd_renew(inv: Invocation) -> CommandResult:
    """갱신 of the selected certificate (keeps the password unless a new one is given)."""
    entry = inv.certificate()
    password = inv.secrets.get(Secret.PASSWORD)
    new_password = inv.secrets.optional(Secret.NEW_PASSWORD)
    flow = inv.center.start_renewal()
    check = flow.select(entry, password)
    inv.verify_identity(flow, check.customer_id)
    return issuance_result(flow.renew(new_password, new_password))


def cmd_financial(inv: Invocation) -> CommandResult:
    """금융인증서 발급/재발급 (kept in the bank's cloud under a 6-digit PIN)."""
    customer = inv.customer_input()
    flow = inv.center.start_financial()
    check = flow.enter_customer(customer.rrn, customer.account_number, customer.account_password)
    flow.agree_terms(True)
    inv.verify_identity(flow, check.customer_id)
    pin = inv.secrets.get(Secret.PIN)
    return financial_result(flow.issue(pin, pin))


def cmd_recover(inv: Invocation) -> CommandResult:
    """List parked (issued but unsaved) certificates, or save them with ``--to``.

    Each entry is saved on its own: a damaged one is reported and the others are
    still saved (the command then exits non-zero).
    """
    pending = inv.center.pending_recoveries()
    if not inv.args.to:
        data = {"ok": True, "pending": [str(folder) for folder in pending]}
        return CommandResult(data, [str(folder) for folder in pending])
    target = inv.medium(inv.args.to, inv.args.to_root)
    saved: list[dict[str, object]] = []
    failed: list[dict[str, str]] = []
    lines: list[str] = []
    for folder in pending:
        try:
            result = issuance_result(inv.center.save_recovered(folder, target))
        except (MgcertError, OSError, ValueError, KeyError) as exc:
            reason = str(exc) if isinstance(exc, MgcertError) else msg.RECOVERY_ENTRY_DAMAGED
            failed.append({"folder": str(folder), "error": reason})
            lines.append(msg.RECOVERY_ENTRY_FAILED.format(folder=folder, reason=reason))
            continue
        saved.append(result.data)
        lines.extend(result.lines)
    data = {"ok": not failed, "saved": saved, "failed": failed}
    return CommandResult(data, lines)
