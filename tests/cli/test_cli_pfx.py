"""mgcert pfx-export / pfx-import end to end through ``main``: secrets from stdin or the
environment, JSON output, one Korean line (never a traceback) for every refusal."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from cli_support import DEMO_PASSWORD, CliRun, CliRunner
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12

from mgcert.home import DataHome
from mgcert.npki.keyfile import decrypt_private_key
from mgcert.npki.pfx import pfx_bytes
from mgcert.npki.vid import verify_vid

PFX_PASSWORD = "Pfx#Cli-2026"
NEW_PASSWORD = "Imported-2026!"
PARK_RRN = "7805121000008"


@pytest.fixture(autouse=True)
def _no_pfx_password_in_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MGCERT_PFX_PASSWORD", raising=False)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def export(mgcert: CliRunner, target: Path, *extra: str, stdin: str | None = None) -> CliRun:
    return mgcert(
        "pfx-export",
        "--name",
        "박지훈",
        "--out",
        str(target),
        "--password-stdin",
        "--pfx-password-stdin",
        *extra,
        stdin=f"{DEMO_PASSWORD}\n{PFX_PASSWORD}\n" if stdin is None else stdin,
    )


def test_export_then_import_to_the_phone(
    mgcert: CliRunner, out: Path, prepared_home: DataHome
) -> None:
    exported = export(mgcert, out / "park.pfx", "--json")
    assert exported.code == 0, exported.err
    data = exported.json()
    path = Path(data["path"])
    assert path == out / "park.pfx"
    assert data["chain_length"] == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pkcs12.load_pkcs12(path.read_bytes(), PFX_PASSWORD.encode("ascii")).key is not None

    imported = mgcert(
        "--json",
        "pfx-import",
        str(path),
        "--to",
        "phone",
        "--pfx-password-stdin",
        "--new-password-stdin",
        stdin=f"{PFX_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert imported.code == 0, imported.err
    certificate = imported.json()["certificate"]
    assert certificate["medium"] == "phone"
    assert certificate["serial_hex"] == data["serial_hex"]
    key_path = Path(certificate["folder"]) / "signPri.key"
    key = decrypt_private_key(key_path.read_bytes(), NEW_PASSWORD)
    assert key.random_num is not None
    cert = pkcs12.load_pkcs12(path.read_bytes(), PFX_PASSWORD.encode("ascii")).cert
    assert cert is not None
    assert verify_vid(cert.certificate, PARK_RRN, key.random_num)

    listed = mgcert("list", "--medium", "phone", "--json").json()["certificates"]
    assert [c["name"] for c in listed] == ["박지훈"]
    again = mgcert(
        "pfx-import",
        str(path),
        "--to",
        "phone",
        "--pfx-password-stdin",
        "--new-password-stdin",
        stdin=f"{PFX_PASSWORD}\n{NEW_PASSWORD}\n",
    )
    assert again.code == 1
    assert "휴대폰에 이미 있어" in again.err
    assert "Traceback" not in again.err


def test_openssl_shows_the_random_num_of_a_cli_export(mgcert: CliRunner, out: Path) -> None:
    assert export(mgcert, out / "park.pfx").code == 0
    result = subprocess.run(
        [
            "openssl",
            "pkcs12",
            "-info",
            "-nodes",
            "-in",
            str(out / "park.pfx"),
            "-passin",
            "env:MGCERT_TEST_PFX",
        ],
        env={**os.environ, "MGCERT_TEST_PFX": PFX_PASSWORD},
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout.decode("utf-8", "replace")
    assert "Key Attributes" in text
    assert "1.2.410.200004.10.1.1.3" in text.split("Key Attributes", 1)[1]


def test_secrets_from_the_environment(
    mgcert: CliRunner, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGCERT_PASSWORD", DEMO_PASSWORD)
    monkeypatch.setenv("MGCERT_PFX_PASSWORD", PFX_PASSWORD)
    run = mgcert("pfx-export", "--name", "박지훈", "--out", str(out))
    assert run.code == 0, run.err
    written = list(out.iterdir())
    assert len(written) == 1
    assert written[0].name.startswith("박지훈_")
    assert str(written[0]) in run.out


def test_a_missing_pfx_password_is_one_line(mgcert: CliRunner, out: Path) -> None:
    run = export(mgcert, out / "park.pfx", stdin=f"{DEMO_PASSWORD}\n")
    assert run.code == 1
    assert run.err.strip().splitlines() == [
        "mgcert: 표준입력에서 PFX 비밀번호를 읽지 못했습니다 (한 줄에 하나씩 입력)."
    ]
    no_flag = mgcert(
        "pfx-export",
        "--name",
        "박지훈",
        "--out",
        str(out / "x.pfx"),
        "--password-stdin",
        stdin=f"{DEMO_PASSWORD}\n",
    )
    assert no_flag.code == 1
    assert "--pfx-password-stdin" in no_flag.err
    assert "MGCERT_PFX_PASSWORD" in no_flag.err
    assert list(out.iterdir()) == []


def test_export_refusals(mgcert: CliRunner, out: Path) -> None:
    wrong = export(mgcert, out / "a.pfx", "--json", stdin=f"Wrong#pass99\n{PFX_PASSWORD}\n")
    assert wrong.code == 1
    assert wrong.json()["type"] == "WrongKeyPassword"
    weak = export(mgcert, out / "a.pfx", stdin=f"{DEMO_PASSWORD}\nshort\n")
    assert weak.code == 1
    assert "PFX 비밀번호도 인증서 비밀번호 규칙을 따라야 합니다" in weak.err
    taken = out / "taken.pfx"
    taken.write_bytes(b"keep me")
    exists = export(mgcert, taken)
    assert exists.code == 1
    assert "이미 있어 저장하지 않았습니다" in exists.err
    assert taken.read_bytes() == b"keep me"
    for run in (wrong, weak, exists):
        assert "Traceback" not in run.err
    assert [p.name for p in out.iterdir()] == ["taken.pfx"]


def test_import_refusals(mgcert: CliRunner, out: Path, prepared_home: DataHome) -> None:
    assert export(mgcert, out / "park.pfx").code == 0

    def pfx_import(path: Path, stdin: str) -> tuple[int, str]:
        run = mgcert(
            "pfx-import",
            str(path),
            "--to",
            "phone",
            "--pfx-password-stdin",
            "--new-password-stdin",
            stdin=stdin,
        )
        assert "Traceback" not in run.err
        return run.code, run.err

    code, err = pfx_import(out / "park.pfx", f"Wrong#pass99\n{NEW_PASSWORD}\n")
    assert (code, "PFX 파일 비밀번호가 올바르지 않습니다" in err) == (1, True)
    code, err = pfx_import(out / "park.pfx", f"{PFX_PASSWORD}\nweak\n")
    assert (code, "인증서 비밀번호 규칙" in err) == (1, True)
    garbage = out / "garbage.pfx"
    garbage.write_bytes(b"PK\x03\x04 not a pfx")
    code, err = pfx_import(garbage, f"{PFX_PASSWORD}\n{NEW_PASSWORD}\n")
    assert (code, "PKCS #12(PFX) 파일이 아니거나" in err) == (1, True)
    code, err = pfx_import(out / "missing.pfx", f"{PFX_PASSWORD}\n{NEW_PASSWORD}\n")
    assert (code, "PFX 파일을 찾을 수 없습니다" in err) == (1, True)

    # A PFX without randomNum, made from the demo key.
    key_file = next(prepared_home.harddisk_root.rglob("signPri.key"))
    cert_file = key_file.with_name("signCert.der")
    opened = decrypt_private_key(key_file.read_bytes(), DEMO_PASSWORD)
    plain = out / "plain.pfx"
    plain.write_bytes(
        pfx_bytes(
            x509.load_der_x509_certificate(cert_file.read_bytes()),
            opened.private_key,
            None,
            PFX_PASSWORD,
        )
    )
    code, err = pfx_import(plain, f"{PFX_PASSWORD}\n{NEW_PASSWORD}\n")
    assert code == 1
    assert "randomNum" in err
    assert "주민등록번호" in err
    assert not prepared_home.phone_root.exists() or not list(
        prepared_home.phone_root.rglob("signPri.key")
    )


def test_usage_errors(mgcert: CliRunner, out: Path) -> None:
    assert mgcert("pfx-import", str(out / "a.pfx")).code == 2  # --to is required
    assert mgcert("pfx-export", "--name", "박지훈").code == 2  # --out is required
    # No password option takes a value: secrets never come from argv.
    assert mgcert("pfx-export", "--out", str(out), "--pfx-password", "x").code == 2
    help_text = " ".join(mgcert("pfx-import", "--help").out.split())
    assert "PFX 비밀번호, 새 인증서 비밀번호" in help_text
