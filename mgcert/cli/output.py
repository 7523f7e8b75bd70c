"""What a command prints: human lines, or one JSON object with ``--json``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from mgcert.clock import KST
from mgcert.messages import cli as msg

if TYPE_CHECKING:  # `mgcert fixture` and `reset` print results without the center
    from pathlib import Path

    from mgcert.center.models import (
        CertificateEntry,
        FinancialResult,
        IssuanceResult,
        LoginReport,
    )
    from mgcert.npki.keyfile import KeyProtection

JsonObject = dict[str, Any]


@dataclass
class CommandResult:
    """``data`` for ``--json``; ``lines`` for people."""

    data: JsonObject
    lines: list[str] = field(default_factory=list)


def kst(value: datetime) -> str:
    """ISO 8601 in KST, seconds precision."""
    return value.astimezone(KST).isoformat(timespec="seconds")


def kst_text(value: datetime) -> str:
    return value.astimezone(KST).strftime("%Y-%m-%d %H:%M:%S KST")


def entry_data(entry: CertificateEntry) -> JsonObject:
    return {
        "medium": entry.location.kind.value,
        "medium_label": entry.location.label,
        "folder": str(entry.stored.folder),
        "name": entry.name,
        "issuer_org": entry.issuer_org,
        "kind": entry.kind.value if entry.kind is not None else None,
        "kind_label": entry.kind.label if entry.kind is not None else None,
        "serial_hex": entry.serial_hex,
        "not_before": kst(entry.not_before),
        "not_after": kst(entry.not_after),
        "status": entry.status.value,
        "status_text": entry.status_text,
        "days_left": entry.days_left,
        "registered": entry.registered,
    }


def entry_line(entry: CertificateEntry) -> str:
    kind = entry.kind.label if entry.kind is not None else "-"
    return (
        f"{entry.serial_hex}  {entry.name}  {entry.issuer_org}  {kind}  "
        f"~{entry.not_after.astimezone(KST):%Y-%m-%d}  {entry.status_text}  "
        f"[{entry.location.label}]"
    )


def issuance_result(result: IssuanceResult) -> CommandResult:
    data: JsonObject = {
        "ok": True,
        "mode": result.mode.value,
        "mode_label": result.mode.label,
        "name": result.name,
        "issuer": result.issuer,
        "kind": result.kind.value,
        "purpose": result.purpose,
        "not_before": kst(result.not_before),
        "not_after": kst(result.not_after),
        "serial_hex": result.serial_hex,
        "medium_label": result.medium_label,
        "folder": str(result.folder),
        "fee_won": result.fee_won,
        "balance_after_won": result.balance_after_won,
        "replaced_serial_hex": result.replaced_serial_hex,
        "recovered_to": str(result.recovered_to) if result.recovered_to else None,
        "removed_folder": str(result.removed_folder) if result.removed_folder else None,
    }
    protection = written_key_protection(result.folder)
    data.update(key_protection_data(protection))
    lines = [
        msg.ISSUED_TITLE.format(mode=result.mode.label),
        msg.ISSUED_NAME.format(name=result.name),
        msg.ISSUED_ISSUER.format(issuer=result.issuer),
        msg.ISSUED_PURPOSE.format(purpose=result.purpose),
        msg.ISSUED_VALIDITY.format(
            not_before=kst_text(result.not_before), not_after=kst_text(result.not_after)
        ),
        msg.ISSUED_SERIAL.format(serial=result.serial_hex),
        msg.ISSUED_MEDIUM.format(medium=result.medium_label, folder=result.folder),
    ]
    if protection is not None:
        lines.append(msg.ISSUED_KEY_FORM.format(protection=protection.label))
    if result.fee_won is not None:
        if result.balance_after_won is not None:
            lines.append(
                msg.ISSUED_FEE_AND_BALANCE.format(
                    fee=result.fee_won, balance=result.balance_after_won
                )
            )
        else:
            lines.append(msg.ISSUED_FEE.format(fee=result.fee_won))
    if result.replaced_serial_hex:
        lines.append(msg.ISSUED_REPLACED.format(serial=result.replaced_serial_hex))
    if result.removed_folder:
        lines.append(msg.ISSUED_REMOVED.format(folder=result.removed_folder))
    return CommandResult(data, lines)


def written_key_protection(folder: Path) -> KeyProtection | None:
    """Form and count of the signPri.key in ``folder``, read back from the file (None if
    it cannot be read: the result still says where the certificate is)."""
    from mgcert.npki.keyfile import KeyFileError, read_key_file_parameters
    from mgcert.npki.storage import KEY_FILE

    try:
        return read_key_file_parameters((folder / KEY_FILE).read_bytes()).protection
    except (OSError, KeyFileError):
        return None


def key_protection_data(protection: KeyProtection | None) -> JsonObject:
    """``key_form`` (``pbes2``, ``seedcbc-sha1``, ``seed-cbc``) and ``iterations``."""
    if protection is None:
        return {"key_form": None, "iterations": None}
    return protection.to_json()


def financial_result(result: FinancialResult) -> CommandResult:
    data: JsonObject = {
        "ok": True,
        "mode": result.mode.value,
        "name": result.name,
        "not_after": kst(result.not_after),
        "serial_hex": result.serial_hex,
        "replaced_serial_hex": result.replaced_serial_hex,
    }
    lines = [
        f"금융인증서 {result.mode.label} 완료",
        f"  이름: {result.name}",
        f"  유효기간: ~{kst_text(result.not_after)}",
        f"  일련번호: {result.serial_hex}",
    ]
    return CommandResult(data, lines)


def login_result(report: LoginReport) -> CommandResult:
    checks = [{"name": c.name, "passed": c.passed, "detail": c.detail} for c in report.checks]
    lines = [f"{'통과' if c.passed else '실패'}  {c.name}: {c.detail}" for c in report.checks]
    lines.append(report.summary)
    return CommandResult({"ok": report.ok, "checks": checks, "summary": report.summary}, lines)


def emit(result: CommandResult, as_json: bool, stdout: TextIO) -> None:
    if as_json:
        import json

        stdout.write(json.dumps(result.data, ensure_ascii=False) + "\n")
    else:
        for line in result.lines:
            stdout.write(line + "\n")
    stdout.flush()
