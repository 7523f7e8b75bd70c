"""`mgcert issue` / `reissue`: JSON output, PyPinkSign and OpenSSL open the result."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cli_support import AUTO, PASSWORD, CliRunner, pem_from_der
from pypinksign import choose_cert

from mgcert.home import DataHome
from mgcert.messages import center as msg


def test_issue_json_parses_and_files_open_with_pypinksign(
    mgcert: CliRunner, prepared_home: DataHome
) -> None:
    run = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert run.code == 0, run.err
    assert run.err == ""
    data = run.json()
    assert data["ok"] is True
    assert data["mode"] == "new"
    assert data["name"] == "김민준"
    assert data["not_after"] == "2027-11-24T23:59:59+09:00"

    npki = prepared_home.harddisk_root / "NPKI"
    signer = choose_cert(base_path=str(npki), cn="김민준", pw=PASSWORD.encode())
    assert format(signer.serialnum(), "x") == data["serial_hex"]
    signature = signer.sign(b"login challenge")
    assert signer.verify(signature, b"login challenge")


def test_issued_certificate_verifies_with_openssl(
    mgcert: CliRunner, prepared_home: DataHome, tmp_path: Path
) -> None:
    run = mgcert(
        "--json",
        "issue",
        "--customer",
        "김민준",
        "--kind",
        "universal",
        *AUTO,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert run.code == 0, run.err
    folder = Path(run.json()["folder"])
    ca = prepared_home.ca_dir
    root = pem_from_der(ca / "root.der", tmp_path / "root.pem")
    issuing = pem_from_der(ca / "issuing.der", tmp_path / "issuing.pem")
    leaf = pem_from_der(folder / "signCert.der", tmp_path / "leaf.pem")
    result = subprocess.run(
        ["openssl", "verify", "-CAfile", str(root), "-untrusted", str(issuing), str(leaf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": OK" in result.stdout


def test_reissue_leaves_old_serial_in_the_crl(mgcert: CliRunner, prepared_home: DataHome) -> None:
    first = mgcert(
        "--json", "issue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n"
    ).json()
    run = mgcert(
        "--json",
        "reissue",
        "--customer",
        "1",
        *AUTO,
        "--phone-check",
        "sms",
        "--medium",
        "phone",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert run.code == 0, run.err
    second = run.json()
    assert second["mode"] == "reissue"
    assert second["replaced_serial_hex"] == first["serial_hex"]
    assert second["not_after"] == first["not_after"]
    crl = subprocess.run(
        [
            "openssl",
            "crl",
            "-inform",
            "DER",
            "-in",
            str(prepared_home.ca_dir / "issuing.crl"),
            "-noout",
            "-text",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert first["serial_hex"].upper() in crl.replace(":", "").upper()
    assert second["serial_hex"].upper() not in crl.replace(":", "").upper()


def test_reissue_without_a_valid_certificate_is_refused(mgcert: CliRunner) -> None:
    run = mgcert("reissue", "--customer", "1", *AUTO, "--password-stdin", stdin=PASSWORD + "\n")
    assert run.code == 1
    assert run.err.strip() == msg.CLI_ERROR.format(message=msg.CLI_NOT_REISSUE)


def test_low_balance_universal_is_one_line_error(mgcert: CliRunner) -> None:
    run = mgcert(
        "issue",
        "--customer",
        "2",
        "--kind",
        "universal",
        *AUTO,
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert run.code == 1
    assert len(run.err.strip().splitlines()) == 1
    assert "잔액" in run.err
    assert run.out == ""


def test_installed_mgcert_issues_in_a_subprocess(prepared_home: DataHome) -> None:
    env = dict(os.environ)
    # The console script installed beside this interpreter (pyproject [project.scripts]).
    installed = Path(sys.executable).with_name("mgcert")
    assert installed.is_file()
    result = subprocess.run(
        [str(installed), "--json", "issue", "--customer", "1", "--auto-verify", "--password-stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is True
    assert Path(data["folder"]).is_relative_to(prepared_home.harddisk_root)
    assert PASSWORD not in result.stdout + result.stderr
