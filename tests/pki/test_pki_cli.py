"""``mgcert serve`` as a real process (URLs at start, SIGTERM and Ctrl+C end it with
status 0) and ``mgcert crl``."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography import x509
from pki_support import PkiHome, free_port, http, run_cli

STOP_WITHIN = 5.0


def _serve(env: dict[str, str], *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mgcert", "serve", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        env={**os.environ, **env},
    )


@pytest.fixture
def own_home(pki_home: PkiHome, tmp_path: Path) -> dict[str, str]:
    target = tmp_path / "home"
    shutil.copytree(pki_home.root, target, symlinks=True)
    return {**pki_home.env, "MGCERT_HOME": str(target)}


@pytest.mark.parametrize(
    ("stop", "workers"),
    [
        (signal.SIGTERM, []),
        (signal.SIGTERM, ["--workers", "1"]),
        (signal.SIGTERM, ["--workers", "3"]),
        (signal.SIGINT, []),
    ],
    ids=["sigterm", "sigterm-one-process", "sigterm-three-workers", "ctrl-c"],
)
def test_serve_prints_its_urls_and_stops_with_status_0(
    own_home: dict[str, str], stop: signal.Signals, workers: list[str]
) -> None:
    process = _serve(own_home, "--port", "0", "--json", *workers)
    try:
        assert process.stdout is not None
        started = json.loads(process.stdout.readline())
        assert started["serving"] is True
        base = started["base_url"]
        port = int(base.rsplit(":", 1)[1])
        assert base.startswith("http://127.0.0.1:")
        assert started["urls"]["mgsim"]["ocsp"] == f"{base}/mgsim/ocsp"
        for _ in range(6):  # spread over the workers
            assert http(port, "GET", "/mgsim/issuing.crl").status == 200
        sent = time.monotonic()
        process.send_signal(stop)
        out, err = process.communicate(timeout=STOP_WITHIN)
        assert time.monotonic() - sent < STOP_WITHIN
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, err
    assert json.loads(out.strip().splitlines()[-1])["stopped"] is True
    assert '"GET /mgsim/issuing.crl HTTP/1.1" 200' in err  # the request's log line
    assert "Traceback" not in err
    with (
        pytest.raises(ConnectionRefusedError),
        socket.create_connection(("127.0.0.1", port), timeout=1),
    ):
        pass  # the port is closed


def test_serve_defaults_to_the_data_homes_pki_url(tmp_path: Path, pki_home: PkiHome) -> None:
    port = free_port()
    env = {
        **pki_home.env,
        "MGCERT_HOME": str(tmp_path / "new"),
        "MGCERT_PKI_URL": f"http://localhost:{port}",
    }
    process = _serve(env)  # a new data home: made first, as any command makes it
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert f"http://localhost:{port}" in first
        ocsp_line = next(line for line in iter(process.stdout.readline, "") if "OCSP" in line)
        assert f"http://localhost:{port}/mgsim/ocsp" in ocsp_line
        assert http(port, "GET", "/mgsim/root.der").status == 200
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=STOP_WITHIN)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0


def test_serve_refuses_a_port_in_use_in_one_korean_line(own_home: dict[str, str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "mgcert", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, **own_home},
        )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "이미 다른 프로그램" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("option", [["--port", "70000"], ["--workers", "0"]])
def test_serve_rejects_options_out_of_range(own_home: dict[str, str], option: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mgcert", "serve", *option],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, **own_home},
    )
    assert result.returncode == 2
    assert option[0] in result.stderr


def test_crl_republishes_both_lists_of_both_cas(own_home: dict[str, str]) -> None:
    first = run_cli(own_home, "crl")
    second = run_cli(own_home, "crl")
    assert {(item["org"], item["kind"]) for item in first["lists"]} == {
        ("MGSIM", "crl"),
        ("MGSIM", "arl"),
        ("OTHERSIM", "crl"),
        ("OTHERSIM", "arl"),
    }
    for before, after in zip(first["lists"], second["lists"], strict=True):
        assert after["number"] == before["number"] + 1
        published = x509.load_der_x509_crl(Path(after["path"]).read_bytes())
        number = published.extensions.get_extension_for_class(x509.CRLNumber).value
        assert number.crl_number == after["number"]
        assert after["url"].startswith(own_home["MGCERT_PKI_URL"])
    mg_crl = next(i for i in second["lists"] if (i["org"], i["kind"]) == ("MGSIM", "crl"))
    assert mg_crl["entries"] == 1  # 이서연's revoked certificate
    assert mg_crl["url"].endswith("/mgsim/issuing.crl")
