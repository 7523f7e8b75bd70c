"""OCSP responses per second and p99 latency: ``mgcert serve`` against ``openssl ocsp``.

Usage: python benchmarks/ocsp.py [--requests N] [--concurrency C]

One run makes a data home (two certificates, one revoked, through the CLI), starts
``mgcert serve`` on it and ``openssl ocsp -index … -port … -rsigner … -rkey … -CA …``
answering for the same certificates with the same delegated responder key (so both
sign with the same RSA 2048 key), checks that each says good / revoked, then loads
both with the same requests and prints a table. The load comes from ApacheBench
(``ab``, package apache2-utils) when it is installed: written in C, it leaves the CPU
to the servers; otherwise from Python threads (slower, and the table says so).

Workloads: a request with a nonce (openssl's default: every response must be signed
anew) on a new connection per request (what ``openssl ocsp`` and most OCSP clients
do) and on kept-alive connections; and the same without a nonce (RFC 5019 clients).
openssl's responder serves one connection at a time and closes it after each answer.

Not part of the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp

from mgcert.cli import main as mgcert_main

PASSWORD = "Passw0rd!xy"


@dataclass
class Result:
    server: str
    workload: str
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failed: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli(env: dict[str, str], *argv: str) -> dict[str, object]:
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = mgcert_main(["--json", *argv])
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if code != 0:
        raise SystemExit(f"mgcert {' '.join(argv)} failed: {out.getvalue()}")
    data: dict[str, object] = json.loads(out.getvalue().strip().splitlines()[-1])
    return data


def pem(certificate: x509.Certificate, path: Path) -> Path:
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


def openssl_time(moment: object) -> str:
    assert hasattr(moment, "strftime")
    return moment.strftime("%y%m%d%H%M%SZ")


def wait_for_port(port: int, probe: bytes, timeout: float = 20.0) -> None:
    """Until something answers HTTP there (a bare connect would hold openssl's responder,
    which serves one connection at a time, until its read times out)."""
    import http.client

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("POST", "/", probe, {"Content-Type": "application/ocsp-request"})
            connection.getresponse().read()
            return
        except http.client.RemoteDisconnected:
            return  # openssl reads a request it cannot parse and hangs up: it is there
        except OSError:
            time.sleep(0.05)
        finally:
            connection.close()
    raise SystemExit(f"nothing answers on port {port}")


@contextlib.contextmanager
def running(
    argv: list[str], env: dict[str, str], port: int, probe: bytes
) -> Iterator[subprocess.Popen[bytes]]:
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            argv,
            env={**os.environ, **env},
            stdout=subprocess.DEVNULL,
            stderr=log,
            stdin=subprocess.DEVNULL,
        )
        try:
            try:
                wait_for_port(port, probe)
            except SystemExit:
                log.seek(0)
                sys.stderr.write(log.read()[-2000:].decode(errors="replace"))
                raise
            yield process
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def check_verdicts(url: str, issuing: Path, root: Path, leaves: dict[str, Path]) -> None:
    for verdict, leaf in leaves.items():
        result = subprocess.run(
            ["openssl", "ocsp", "-issuer", str(issuing), "-cert", str(leaf), "-url", url,
             "-CAfile", str(root)],
            capture_output=True,
            text=True,
            timeout=30,
        )  # fmt: skip
        if f"{leaf}: {verdict}" not in result.stdout or "verify OK" not in result.stderr:
            raise SystemExit(f"{url} did not say {verdict}: {result.stdout}{result.stderr}")


def load_with_ab(
    url: str, body: Path, requests: int, concurrency: int, keep_alive: bool, workdir: Path
) -> tuple[float, float, float, int]:
    """(seconds, p50 ms, p99 ms, failed) from ApacheBench."""
    csv = workdir / "ab.csv"
    argv = ["ab", "-q", "-n", str(requests), "-c", str(concurrency), "-p", str(body),
            "-T", "application/ocsp-request", "-e", str(csv), "-s", "30"]  # fmt: skip
    if keep_alive:
        argv.append("-k")
    result = subprocess.run([*argv, url], capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise SystemExit(f"ab failed: {result.stderr}")
    seconds = failed = 0.0
    for line in result.stdout.splitlines():
        if line.startswith("Time taken for tests:"):
            seconds = float(line.split()[4])
        elif line.startswith(("Failed requests:", "Non-2xx responses:")):
            failed += float(line.split()[-1])
    percent = {}
    for line in csv.read_text().splitlines()[1:]:
        share, ms = line.split(",")
        percent[int(float(share))] = float(ms)
    return seconds, percent[50], percent[99], int(failed)


def load_with_threads(
    port: int, path: str, body: bytes, requests: int, concurrency: int, keep_alive: bool
) -> tuple[float, float, float, int]:
    import http.client

    latencies: list[float] = []
    failed = [0]
    lock = threading.Lock()
    left = iter(range(requests))

    def client() -> None:
        connection: http.client.HTTPConnection | None = None
        for _ in left:
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("POST", path, body, {"Content-Type": "application/ocsp-request"})
                reply = connection.getresponse()
                reply.read()
                ok = reply.status == 200
                if not keep_alive or reply.will_close:
                    connection.close()
                    connection = None
            except OSError:
                ok = False
                connection = None
            with lock:
                latencies.append(time.perf_counter() - started)
                failed[0] += 0 if ok else 1

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    begin = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - begin
    latencies.sort()
    return (
        seconds,
        latencies[len(latencies) // 2] * 1000,
        latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        failed[0],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    if shutil.which("openssl") is None:
        raise SystemExit("openssl is needed")
    use_ab = shutil.which("ab") is not None
    with tempfile.TemporaryDirectory(prefix="mgcert-ocsp-bench-") as tmp:
        work = Path(tmp)
        home = work / "home"
        mg_port, openssl_port = free_port(), free_port()
        env = {
            "MGCERT_HOME": str(home),
            "MGCERT_ITERATIONS": "2048",
            "MGCERT_PASSWORD": PASSWORD,
            "MGCERT_PKI_URL": f"http://127.0.0.1:{mg_port}",
        }
        good = cli(env, "issue", "--customer", "1", "--auto-verify")
        revoked = cli(env, "issue", "--customer", "2", "--auto-verify")
        cli(env, "revoke", "--name", str(revoked["name"]))
        leaves = {
            "good": x509.load_der_x509_certificate(
                (Path(str(good["folder"])) / "signCert.der").read_bytes()
            ),
            "revoked": x509.load_der_x509_certificate(
                (Path(str(revoked["folder"])) / "signCert.der").read_bytes()
            ),
        }
        ca_dir = home / "ca"
        issuing = x509.load_der_x509_certificate((ca_dir / "issuing.der").read_bytes())
        issuing_pem = pem(issuing, work / "issuing.pem")
        root_pem = pem(
            x509.load_der_x509_certificate((ca_dir / "root.der").read_bytes()), work / "root.pem"
        )
        leaf_pems = {
            verdict: pem(cert, work / f"{verdict}.pem") for verdict, cert in leaves.items()
        }

        bodies = {}
        for name, nonce in (("nonce", os.urandom(16)), ("no nonce", None)):
            builder = ocsp.OCSPRequestBuilder().add_certificate(
                leaves["good"],
                issuing,
                hashes.SHA1(),  # noqa: S303 — OCSP's default CertID
            )
            if nonce is not None:
                builder = builder.add_extension(x509.OCSPNonce(nonce), critical=False)
            path = work / f"request-{name.replace(' ', '-')}.der"
            path.write_bytes(builder.build().public_bytes(serialization.Encoding.DER))
            bodies[name] = path

        mgcert = [sys.executable, "-m", "mgcert", "serve", "--port", str(mg_port)]
        probe = bodies["nonce"].read_bytes()
        with running(mgcert, env, mg_port, probe):
            mg_url = f"http://127.0.0.1:{mg_port}/mgsim/ocsp"
            # The first request makes the delegated responder; openssl signs with it too.
            check_verdicts(mg_url, issuing_pem, root_pem, leaf_pems)
        responder_pem = pem(
            x509.load_der_x509_certificate((ca_dir / "ocsp.der").read_bytes()), work / "ocsp.pem"
        )
        index = work / "index.txt"
        lines = []
        for verdict, cert in leaves.items():
            end = openssl_time(cert.not_valid_after_utc)
            revoked_at = openssl_time(cert.not_valid_before_utc) if verdict == "revoked" else ""
            reason = ",cessationOfOperation" if revoked_at else ""
            subject = "/" + "/".join(cert.subject.rfc4514_string().split(",")[::-1])
            status = "R" if revoked_at else "V"
            lines.append(
                f"{status}\t{end}\t{revoked_at}{reason}\t{cert.serial_number:X}\tunknown\t{subject}"
            )
        index.write_text("\n".join(lines) + "\n")
        openssl_cmd = [
            "openssl", "ocsp", "-index", str(index), "-port", str(openssl_port),
            "-rsigner", str(responder_pem), "-rkey", str(ca_dir / "private" / "ocsp.key"),
            "-CA", str(issuing_pem), "-nmin", "60", "-ignore_err",
        ]  # fmt: skip

        workloads = [
            ("nonce, new connection each", "nonce", False),
            ("nonce, kept alive", "nonce", True),
            ("no nonce, new connection each", "no nonce", False),
        ]
        results: list[Result] = []
        servers = [
            ("mgcert serve", mgcert, mg_port, "/mgsim/ocsp"),
            ("openssl ocsp", openssl_cmd, openssl_port, "/"),
        ]
        for label, argv, port, path in servers:
            with running(argv, env, port, probe):
                check_verdicts(f"http://127.0.0.1:{port}{path}", issuing_pem, root_pem, leaf_pems)
                for workload, body_name, keep_alive in workloads:
                    body = bodies[body_name]
                    if use_ab:
                        measured = load_with_ab(
                            f"http://127.0.0.1:{port}{path}", body, args.requests,
                            args.concurrency, keep_alive, work,
                        )  # fmt: skip
                    else:
                        measured = load_with_threads(
                            port, path, body.read_bytes(), args.requests, args.concurrency,
                            keep_alive,
                        )  # fmt: skip
                    results.append(Result(label, workload, args.requests, *measured))

    client = "ApacheBench" if use_ab else "Python threads (install apache2-utils for ab)"
    print(f"\nOCSP, {args.requests} requests per row, {args.concurrency} concurrent, "
          f"load from {client}, {os.cpu_count()} CPUs")  # fmt: skip
    header = (
        f"{'server':<14} {'workload':<31} {'resp/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'failed':>7}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(f"{r.server:<14} {r.workload:<31} {r.per_second:>8.0f} {r.p50_ms:>8.1f} "
              f"{r.p99_ms:>8.1f} {r.failed:>7}")  # fmt: skip


if __name__ == "__main__":
    main()
