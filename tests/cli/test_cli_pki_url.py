"""The PKI address is fixed when a data home is created (issue 13): ``--pki-url`` or
``MGCERT_PKI_URL``, default ``http://127.0.0.1:8389``; an existing home keeps its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import AUTO, NOW_TEXT, PASSWORD, CliRunner
from cryptography import x509

from mgcert.home import DataHome


def _crl_url(folder: str) -> str:
    cert = x509.load_der_x509_certificate((Path(folder) / "signCert.der").read_bytes())
    points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    [name] = points[0].full_name or []
    return str(name.value)


@pytest.fixture
def new_home_cli(
    home: DataHome, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> CliRunner:
    monkeypatch.setenv("MGCERT_NOW", NOW_TEXT)
    monkeypatch.setenv("MGCERT_ITERATIONS", "2048")
    monkeypatch.delenv("MGCERT_PKI_URL", raising=False)
    return CliRunner(monkeypatch, capsys)


def _issue(mgcert: CliRunner, *extra: str) -> str:
    run = mgcert(*extra, "--json", "issue", "--customer", "1", *AUTO, "--password-stdin",
                 stdin=PASSWORD + "\n")  # fmt: skip
    assert run.code == 0, run.err
    return str(run.json()["folder"])


def test_the_default_address_is_loopback(new_home_cli: CliRunner) -> None:
    assert _crl_url(_issue(new_home_cli)) == "http://127.0.0.1:8389/mgsim/issuing.crl"


def test_the_address_is_chosen_once_when_the_home_is_made(new_home_cli: CliRunner) -> None:
    folder = _issue(new_home_cli, "--pki-url", "http://pki.example.test:9000")
    assert _crl_url(folder) == "http://pki.example.test:9000/mgsim/issuing.crl"
    # Later runs cannot change it: certificates already issued point there.
    again = _issue(new_home_cli, "--pki-url", "http://elsewhere.test:1")
    assert _crl_url(again).startswith("http://pki.example.test:9000/")


def test_the_environment_sets_it_too(
    new_home_cli: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MGCERT_PKI_URL", "http://10.0.0.5:8389")
    assert _crl_url(_issue(new_home_cli)).startswith("http://10.0.0.5:8389/mgsim/")


def test_a_malformed_address_is_one_korean_line(new_home_cli: CliRunner) -> None:
    run = new_home_cli("--pki-url", "ftp://x?y", "list")
    assert run.code != 0
    assert run.err.startswith("mgcert: ")
    assert "Traceback" not in run.err
