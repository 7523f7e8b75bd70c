"""The pytest plugin, as another project uses it: fixtures in a fresh project, under xdist."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROJECT_TEST = textwrap.dedent(
    """
    import datetime
    import json
    import os
    from pathlib import Path

    import pypinksign
    from mgcert.npki.vid import verify_vid

    def _record(name, cert, ca):
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        out = Path(os.environ["RESULTS"]) / f"{name}-{worker}.json"
        out.write_text(json.dumps({
            "serial": cert.serial, "root": str(ca.root_cert_path), "folder": str(cert.folder),
            "key": cert.certificate.public_key().public_numbers().n % 1000003,
        }))

    def test_login(npki_cert, npki_ca, tmp_path):
        assert str(npki_cert.folder).startswith(str(tmp_path))
        signer = pypinksign.PinkSign(pubkey_path=str(npki_cert.cert_path),
                                     prikey_path=str(npki_cert.key_path),
                                     prikey_password=npki_cert.password.encode())
        assert signer.serialnum() == npki_cert.serial
        assert verify_vid(npki_cert.certificate, npki_cert.rrn, npki_cert.random_num)
        _record("login", npki_cert, npki_ca)

    def test_expired(npki_ca):
        cert = npki_ca.issue(not_after=datetime.date(2020, 1, 31))
        assert npki_ca.status(cert) == "expired"
        _record("expired", cert, npki_ca)

    def test_revoked(npki_ca):
        cert = npki_ca.issue()
        npki_ca.revoke(cert)
        assert npki_ca.status(cert) == "revoked"
        _record("revoked", cert, npki_ca)

    def test_fourth(npki_cert, npki_ca):
        _record("fourth", npki_cert, npki_ca)
    """
)


def _run_project(tmp_path: Path, *extra: str, ini: str = "") -> list[dict[str, object]]:
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_consumer.py").write_text(PROJECT_TEST, encoding="utf-8")
    (project / "pytest.ini").write_text(f"[pytest]\n{ini}\n", encoding="utf-8")
    results = tmp_path / "results"
    results.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "MGCERT_"))}
    env["RESULTS"] = str(results)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return [json.loads(p.read_text()) for p in sorted(results.glob("*.json"))]


@pytest.mark.slow
def test_the_fixtures_work_under_xdist(tmp_path: Path) -> None:
    records = _run_project(tmp_path, "-n", "2")
    assert len(records) == 4
    serials = [r["serial"] for r in records]
    assert len(set(serials)) == 4
    # One CA per worker process: each worker's certificates share a root.
    roots = {r["root"] for r in records}
    assert 1 <= len(roots) <= 2
    # The plugin reuses key pairs by default (fast): within a worker, one key.
    by_root: dict[object, set[object]] = {}
    for record in records:
        by_root.setdefault(record["root"], set()).add(record["key"])
    assert all(len(keys) == 1 for keys in by_root.values())


@pytest.mark.slow
def test_fresh_keys_on_request(tmp_path: Path) -> None:
    records = _run_project(tmp_path, "-p", "no:xdist", ini="npki_fresh_keys = true")
    assert len({r["key"] for r in records}) == 4
