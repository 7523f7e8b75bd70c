"""The data home's manifest: what this home holds, written once when it is created.

``<home>/manifest.json`` records the ids of the bank's, both CAs' and the journal's
registers. On every open each register must be there and carry its recorded id: a
missing, emptied or foreign file is refused with one Korean line naming it (restore
it, or ``mgcert reset --yes``), never silently recreated. Homes made before the
manifest get one on their first open, once their registers are found intact.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from mgcert.center.errors import HomeManifestDamaged, HomeRegisterForeign
from mgcert.home import DataHome
from mgcert.messages import center as msg

MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    format: int
    created_at: str
    bank_id: str
    ca_id: str
    other_ca_id: str
    journal_id: str


def read_manifest(home: DataHome) -> Manifest | None:
    """The manifest, ``None`` when the home has none yet; damaged → a Korean error."""
    path = home.manifest_file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise HomeManifestDamaged(path) from exc
    try:
        data = json.loads(text)
        manifest = Manifest(
            format=int(data["format"]),
            created_at=str(data["created_at"]),
            bank_id=str(data["bank_id"]),
            ca_id=str(data["ca_id"]),
            other_ca_id=str(data["other_ca_id"]),
            journal_id=str(data["journal_id"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise HomeManifestDamaged(path) from exc
    if manifest.format > MANIFEST_FORMAT:
        raise HomeManifestDamaged(path)
    return manifest


def write_manifest(
    home: DataHome, *, bank_id: str, ca_id: str, other_ca_id: str, journal_id: str
) -> Manifest:
    """Write the manifest atomically (temp file, fsync, rename)."""
    manifest = Manifest(
        format=MANIFEST_FORMAT,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        bank_id=bank_id,
        ca_id=ca_id,
        other_ca_id=other_ca_id,
        journal_id=journal_id,
    )
    path = home.manifest_file
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(manifest), handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    return manifest


def check_ids(
    home: DataHome,
    manifest: Manifest,
    *,
    bank_id: str,
    ca_id: str,
    other_ca_id: str,
    journal_id: str,
) -> None:
    """Each register is the one this home was made with (not a file from elsewhere)."""
    found = (
        (bank_id, manifest.bank_id, msg.WHAT_BANK_REGISTER, home.bank_db),
        (ca_id, manifest.ca_id, msg.WHAT_CA_REGISTER, home.ca_db),
        (other_ca_id, manifest.other_ca_id, msg.WHAT_OTHER_CA_REGISTER, home.other_ca_db),
        (journal_id, manifest.journal_id, msg.WHAT_JOURNAL, home.journal_db),
    )
    for actual, expected, what, path in found:
        if actual != expected:
            raise HomeRegisterForeign(what, path)


def discard_partial_home(home: DataHome) -> None:
    """Remove what an interrupted first open made (registers, CA folders, the bank
    secret): nothing of the user's exists before the manifest does."""
    for db in (home.bank_db, home.ca_db, home.other_ca_db, home.journal_db):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    (home.root / "bank-secret.key").unlink(missing_ok=True)
    for folder in (home.ca_dir, home.other_ca_dir):
        shutil.rmtree(folder, ignore_errors=True)


def has_registers(home: DataHome) -> bool:
    """True for a home made before the manifest: any register file with content."""
    return (
        any(_non_empty(p) for p in (home.bank_db, home.ca_db, home.other_ca_db))
        or (home.ca_dir / "private").is_dir()
    )


def _non_empty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False
