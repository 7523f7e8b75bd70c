"""list / show / revoke / passwd / copy / delete / register / unregister / export /
import / login-check: 인증서 관리 and friends."""

from __future__ import annotations

from mgcert.center import media
from mgcert.cli.invocation import CliUsageError, Invocation
from mgcert.cli.key_settings import requested
from mgcert.cli.output import (
    CommandResult,
    entry_data,
    entry_line,
    key_protection_data,
    kst,
    kst_text,
    login_result,
)
from mgcert.cli.secrets import Secret
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg


def cmd_list(inv: Invocation) -> CommandResult:
    """Certificates on one medium (``--medium``) or on every available one."""
    if inv.args.medium:
        locations = [inv.medium()]
    else:
        locations = [m for m in inv.center.media() if media.capability(m.kind).listed]
    entries, problems = [], []
    for location in locations:
        listing = inv.center.list_certificates(location)
        entries.extend(listing.entries)
        problems.extend(listing.problems)
    data = {"ok": True, "certificates": [entry_data(e) for e in entries], "problems": problems}
    return CommandResult(data, [entry_line(e) for e in entries] + problems)


def cmd_show(inv: Invocation) -> CommandResult:
    details = inv.center.details(inv.certificate())
    data = {
        "ok": True,
        "name": details.name,
        "common_name": details.common_name,
        "subject": details.subject,
        "issuer": details.issuer,
        "issuer_org": details.issuer_org,
        "kind": details.kind.value if details.kind else None,
        "kind_label": details.kind_label,
        "policy_oid": details.policy_oid,
        "serial_hex": details.serial_hex,
        "not_before": kst(details.not_before),
        "not_after": kst(details.not_after),
        "status": details.status.value,
        "status_text": details.status_text,
        "days_left": details.days_left,
        "registered": details.registered,
        "medium_label": details.medium_label,
        "folder": str(details.folder),
        "sha256_fingerprint": details.sha256_fingerprint,
        "signature_algorithm": details.signature_algorithm,
        "public_key_bits": details.public_key_bits,
        "vid_present": details.vid_present,
    }
    values = {
        "name": details.name,
        "subject": details.subject,
        "issuer": details.issuer,
        "kind_label": details.kind_label,
        "policy_oid": details.policy_oid,
        "serial": details.serial_hex,
        "not_before": kst_text(details.not_before),
        "not_after": kst_text(details.not_after),
        "status": details.status_text,
        "registered": cli_msg.YES if details.registered else cli_msg.NO,
        "medium": details.medium_label,
        "folder": details.folder,
        "fingerprint": details.sha256_fingerprint,
        "algorithm": details.signature_algorithm,
        "bits": details.public_key_bits,
        "vid": cli_msg.PRESENT if details.vid_present else cli_msg.ABSENT,
    }
    lines = [line.format(**values) for line in cli_msg.SHOW_LINES]
    return CommandResult(data, lines)


def cmd_revoke(inv: Invocation) -> CommandResult:
    entry = inv.certificate()
    result = inv.center.revoke_certificate(entry, inv.secrets.get(Secret.PASSWORD))
    data = {
        "ok": True,
        "serial_hex": result.serial_hex,
        "crl_lists_serial": result.crl_lists_serial,
    }
    return CommandResult(data, [cli_msg.REVOKED_LINE.format(serial=result.serial_hex)])


def cmd_passwd(inv: Invocation) -> CommandResult:
    entry = inv.certificate()
    old = inv.secrets.get(Secret.PASSWORD)
    new = inv.secrets.get(Secret.NEW_PASSWORD)
    # The file keeps its form and count unless --key-form / --iterations say otherwise.
    scheme, iterations = requested(inv.args)
    written = inv.center.change_password(entry, old, new, new, scheme=scheme, iterations=iterations)
    data = {"ok": True, "serial_hex": entry.serial_hex, **key_protection_data(written)}
    return CommandResult(data, [msg.CLI_DONE])


def cmd_copy(inv: Invocation) -> CommandResult:
    entry = inv.certificate()
    target = inv.medium(inv.args.to, inv.args.to_root)
    copied = inv.center.copy_certificate(entry, target, overwrite=inv.args.overwrite)
    return CommandResult({"ok": True, "certificate": entry_data(copied)}, [entry_line(copied)])


def cmd_delete(inv: Invocation) -> CommandResult:
    if not inv.args.yes:
        raise CliUsageError(msg.CLI_DELETE_NEEDS_YES)
    entry = inv.certificate()
    inv.center.delete_certificate(entry)
    return CommandResult({"ok": True, "serial_hex": entry.serial_hex}, [msg.CLI_DONE])


def cmd_register(inv: Invocation) -> CommandResult:
    """타기관 인증서 등록."""
    entry = inv.certificate()
    password = inv.secrets.get(Secret.PASSWORD)
    customer = inv.customer_input()
    flow = inv.center.start_registration()
    flow.select(entry, password)
    owner = flow.verify_owner(customer.rrn)
    flow.enter_account(customer.account_number, customer.account_password)
    inv.verify_identity(flow, owner.customer_id)
    result = flow.register()
    data = {
        "ok": True,
        "name": result.name,
        "issuer_org": result.issuer_org,
        "serial_hex": result.serial_hex,
        "kind": result.kind.value,
        "not_after": kst(result.not_after),
    }
    return CommandResult(
        data, [cli_msg.REGISTERED_LINE.format(name=result.name, serial=result.serial_hex)]
    )


def cmd_unregister(inv: Invocation) -> CommandResult:
    entry = inv.certificate()
    inv.center.unregister(entry, inv.secrets.get(Secret.PASSWORD))
    return CommandResult({"ok": True, "serial_hex": entry.serial_hex}, [msg.CLI_DONE])


def cmd_export(inv: Invocation) -> CommandResult:
    entry = inv.certificate()
    ticket = inv.center.export_certificate(entry, inv.secrets.get(Secret.PASSWORD))
    data = {"ok": True, "code": ticket.code, "expires_at": kst(ticket.expires_at)}
    lines = [
        cli_msg.EXPORT_CODE_LINE.format(code=ticket.code_grouped),
        cli_msg.EXPORT_VALID_UNTIL.format(until=kst_text(ticket.expires_at)),
    ]
    return CommandResult(data, lines)


def cmd_import(inv: Invocation) -> CommandResult:
    target = inv.medium(inv.args.medium or media.IMPORT_DEFAULT.value)
    entry = inv.center.import_certificate(inv.secrets.get(Secret.CODE), target)
    return CommandResult({"ok": True, "certificate": entry_data(entry)}, [entry_line(entry)])


def cmd_login_check(inv: Invocation) -> CommandResult:
    entry = inv.certificate()
    return login_result(inv.center.login_check(entry, inv.secrets.get(Secret.PASSWORD)))
