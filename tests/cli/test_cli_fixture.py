"""``mgcert fixture issue|revoke`` and ``mgcert gallery``: NpkiCA from a shell."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import CliRunner, pem_from_der
from cryptography import x509

from mgcert.npki.keyfile import decrypt_private_key, read_key_file_parameters
from mgcert.npki.vid import verify_vid


@pytest.fixture
def fixture_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    monkeypatch.setenv("MGCERT_NOW", "2026-11-24T10:00:00+09:00")
    for name in ("MGCERT_PASSWORD", "MGCERT_RRN"):
        monkeypatch.delenv(name, raising=False)
    return CliRunner(monkeypatch, capsys)


def test_issue_with_defaults_prints_what_a_test_needs(
    fixture_cli: CliRunner, tmp_path: Path
) -> None:
    run = fixture_cli("fixture", "issue", "--ca", str(tmp_path / "ca"), "--json")
    assert run.code == 0, run.err
    data = run.json()
    key = Path(data["key"]).read_bytes()
    opened = decrypt_private_key(key, data["password"])
    certificate = x509.load_der_x509_certificate(Path(data["cert"]).read_bytes())
    assert opened.random_num is not None
    assert verify_vid(certificate, data["rrn"], opened.random_num)
    assert data["not_after"] == "2027-11-24T23:59:59+09:00"
    assert (data["key_form"], data["iterations"]) == ("pbes2", 2048)


def test_secrets_from_stdin_are_used_and_not_echoed(fixture_cli: CliRunner, tmp_path: Path) -> None:
    run = fixture_cli(
        "fixture",
        "issue",
        "--ca",
        str(tmp_path / "ca"),
        "--rrn-stdin",
        "--password-stdin",
        "--name",
        "김철수",
        "--key-form",
        "seedcbc-sha1",
        "--iterations",
        "1024",
        "--not-after",
        "2025-01-31",
        "--layout",
        "windows",
        "--out",
        str(tmp_path / "win"),
        "--json",
        stdin="850315-1000010\nStdin-pass-123!\n",
    )
    assert run.code == 0, run.err
    data = run.json()
    assert "rrn" not in data
    assert "password" not in data
    assert "Stdin-pass-123!" not in run.out + run.err
    assert "1000010" not in run.out + run.err
    assert Path(data["folder"]).is_relative_to(tmp_path / "win" / "AppData" / "LocalLow" / "NPKI")
    key = Path(data["key"]).read_bytes()
    params = read_key_file_parameters(key)
    assert (params.scheme.cli_name, params.iterations) == ("seedcbc-sha1", 1024)
    opened = decrypt_private_key(key, "Stdin-pass-123!")
    certificate = x509.load_der_x509_certificate(Path(data["cert"]).read_bytes())
    assert opened.random_num is not None
    assert verify_vid(certificate, "8503151000010", opened.random_num)
    assert data["not_after"] == "2025-01-31T23:59:59+09:00"


def test_revoked_with_a_pfx_and_openssl_agrees(fixture_cli: CliRunner, tmp_path: Path) -> None:
    run = fixture_cli(
        "fixture",
        "issue",
        "--ca",
        str(tmp_path / "ca"),
        "--revoked",
        "keyCompromise",
        "--pfx",
        str(tmp_path / "cert.pfx"),
        "--km",
        "--json",
    )
    assert run.code == 0, run.err
    data = run.json()
    assert Path(data["km_cert"]).is_file()
    assert Path(data["pfx"]).is_file()
    crl = x509.load_der_x509_crl(Path(data["crl"]).read_bytes())
    assert crl.get_revoked_certificate_by_serial_number(int(data["serial"], 16)) is not None
    root = pem_from_der(Path(data["root_cert"]), tmp_path / "root.pem")
    issuing = pem_from_der(Path(data["issuing_cert"]), tmp_path / "issuing.pem")
    leaf = pem_from_der(Path(data["cert"]), tmp_path / "leaf.pem")
    crl_pem = tmp_path / "crl.pem"
    subprocess.run(
        ["openssl", "crl", "-inform", "DER", "-in", data["crl"], "-out", str(crl_pem)],
        check=True,
        capture_output=True,
    )
    verdict = subprocess.run(
        [
            "openssl",
            "verify",
            "-attime",
            "1795000000",
            "-CAfile",
            str(root),
            "-untrusted",
            str(issuing),
            "-CRLfile",
            str(crl_pem),
            "-crl_check",
            str(leaf),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "certificate revoked" in verdict.stdout + verdict.stderr


def test_revoke_by_serial_then_again(fixture_cli: CliRunner, tmp_path: Path) -> None:
    ca = str(tmp_path / "ca")
    serial = fixture_cli("fixture", "issue", "--ca", ca, "--json").json()["serial"]
    run = fixture_cli("fixture", "revoke", serial, "--ca", ca, "--reason", "superseded", "--json")
    assert run.code == 0, run.err
    again = fixture_cli("fixture", "revoke", serial, "--ca", ca)
    assert again.code == 1
    assert "Traceback" not in again.err
    assert again.err.strip()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["fixture", "issue", "--not-after", "next tuesday"], "--not-after"),
        (["fixture", "issue", "--iterations", "0"], "반복 횟수"),
        (["fixture", "issue", "--rrn-stdin"], "주민등록번호"),
        (["fixture", "issue", "--kind", "corporate"], "사업자등록번호"),
        (["fixture", "revoke", "xyz"], "16진수"),
    ],
)
def test_bad_input_is_one_korean_line(
    fixture_cli: CliRunner, tmp_path: Path, argv: list[str], needle: str
) -> None:
    run = fixture_cli(*argv, "--ca", str(tmp_path / "ca"), stdin="12345\n")
    assert run.code in (1, 2)
    assert needle in run.err
    assert "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1


def test_gallery_writes_every_case(fixture_cli: CliRunner, tmp_path: Path) -> None:
    run = fixture_cli("gallery", str(tmp_path / "g"), "--json")
    assert run.code == 0, run.err
    manifest = json.loads((tmp_path / "g" / "manifest.json").read_text("utf-8"))
    assert [c["case"] for c in manifest["cases"]] == run.json()["cases"]
    assert len(manifest["cases"]) >= 18
    again = fixture_cli("gallery", str(tmp_path / "g"))
    assert again.code == 1
    assert "비어 있지 않습니다" in again.err


@pytest.mark.slow
def test_the_real_command_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mgcert",
            "fixture",
            "issue",
            "--ca",
            str(tmp_path / "ca"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MGCERT_HOME": str(tmp_path / "h")},
    )
    assert done.returncode == 0, done.stderr
    assert Path(json.loads(done.stdout)["cert"]).is_file()
