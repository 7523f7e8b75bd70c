"""The recovery area: issued certificates that could not be written to their medium.

The files are the same as on a medium (signCert.der and the *encrypted* signPri.key),
kept in ``<home>/recovery/<folder>/`` (folder 0700, files 0600) with a small JSON
note of where they belong, until the flow's ``save_to`` writes them elsewhere.

The folder is named by the certificate job (``<job id>``; mgcert.center.jobs), which
also keeps its encrypted key there from before the CA issues. Folders named by a
serial come from mgcert before the journal and are still saved the old way.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CERT_FILE = "signCert.der"
KEY_FILE = "signPri.key"
META_FILE = "meta.json"


@dataclass(frozen=True)
class ParkedCertificate:
    """What is needed to write an issued certificate to a medium."""

    serial: int
    ca_org: str
    folder_name: str
    cert_der: bytes
    key_der: bytes
    # What finishing needs (who, which previous certificate to retire...): see
    # mgcert.center.completion. Kept as JSON so a later process can finish the job.
    completion: dict[str, Any] = field(default_factory=dict)
    job_id: str | None = None  # the certificate job that issued it (None: older homes)


def park_into(folder: Path, parked: ParkedCertificate) -> Path:
    """Write ``parked`` into a job's own folder (it may hold the key already)."""
    meta = {
        "serial": parked.serial,
        "ca_org": parked.ca_org,
        "folder_name": parked.folder_name,
        "completion": parked.completion,
        "job_id": parked.job_id,
    }
    write_private_file(folder / CERT_FILE, parked.cert_der)
    write_private_file(folder / KEY_FILE, parked.key_der)
    # meta.json last: its presence is what lists the folder as waiting for a medium.
    write_private_file(folder / META_FILE, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
    return folder


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` durably (0600, fsync, rename, fsync the folder), creating the
    0700 folder (and the recovery area) if needed."""
    path.parent.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.parent.mkdir(exist_ok=True, mode=0o700)
    os.chmod(path.parent, 0o700)
    _write(path, data)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def load(folder: Path) -> ParkedCertificate:
    """Read a parked certificate back."""
    meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    return ParkedCertificate(
        serial=int(meta["serial"]),
        ca_org=str(meta["ca_org"]),
        folder_name=str(meta["folder_name"]),
        cert_der=(folder / CERT_FILE).read_bytes(),
        key_der=(folder / KEY_FILE).read_bytes(),
        completion=dict(meta.get("completion") or {}),
        job_id=meta.get("job_id") or None,
    )


def discard(folder: Path) -> None:
    """Remove a parked copy once it is safely on a medium."""
    shutil.rmtree(folder, ignore_errors=True)


def parked_folders(recovery_dir: Path) -> list[Path]:
    """Every parked certificate still waiting for a medium."""
    if not recovery_dir.is_dir():
        return []
    return sorted(p for p in recovery_dir.iterdir() if (p / META_FILE).is_file())


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
