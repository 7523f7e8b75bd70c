"""`mgcert fixture issue` (and `mgcert issue`) as a whole process against minimal processes.

    python benchmarks/cli_issue.py [--runs N] [--bank] [--no-site]

Two yardsticks, both printed:

- **strict** (the issue's wording): start Python, import cryptography's RSA, generate an
  RSA-2048 key, run PBKDF2-HMAC-SHA1 for 2,048 rounds and write two files. It writes no
  certificate, so it never imports ``cryptography.x509`` (about 40 ms on its own here:
  its RFC 4514 name parser compiles a large regex at import, and it brings
  ``email.utils`` and ``socket``).
- **x509**: the same plus one self-signed certificate built and signed with
  ``cryptography.x509``, written as ``signCert.der``: the least a process that writes a
  real NPKI certificate pair can do with the library mgcert uses.

`mgcert fixture issue` does that plus parsing, opening the CA (register and keys),
signing the certificate and the CSR, and writing an NPKI folder. ``--bank`` adds the
bank flow, `mgcert issue --customer 1 --auto-verify --password-stdin --iterations 2048`,
each run on a fresh copy of a prepared data home (the copy is not timed); it also
checks the account password (the bank's scrypt), answers the identity steps and commits
the bank's, the jobs' and the CA's registers durably, so it cannot come near either
yardstick.

The processes alternate run by run (A B C A B C ...), so drift in the machine's speed
hits all of them; key generation varies a lot from draw to draw, so the ratios are of
the sums over all runs (medians are printed too). Wall time is the goal; the children's
CPU time (user + system) is printed beside it, as it moves less when other work shares
the machine. The warm-up run of each writes its
bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped for the children, as a normal install
has compiled modules). ``--no-site`` runs every process with ``python -S`` and the
repository and site-packages on ``PYTHONPATH``: no ``.pth`` hooks, which on some
machines add tens of milliseconds to every interpreter and so flatter the ratio.
Goal: <= 1.25.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BANK_PASSWORD = "Bench-pass-2048!"  # meets the certificate password rule

MINIMAL = """
import hashlib, os, sys
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
der = key.private_bytes(
    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
)
hashlib.pbkdf2_hmac("sha1", b"npki-Test-2048!", os.urandom(8), 2048, 16)
folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
for name in ("signPri.key", "signCert.der"):
    with open(os.path.join(folder, name), "wb") as out:
        out.write(der)
"""

MINIMAL_X509 = """
import datetime, hashlib, os, sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
der = key.private_bytes(
    serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
)
hashlib.pbkdf2_hmac("sha1", b"npki-Test-2048!", os.urandom(8), 2048, 16)
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "minimal")])
now = datetime.datetime.now(datetime.timezone.utc)
cert = (
    x509.CertificateBuilder()
    .subject_name(name)
    .issuer_name(name)
    .public_key(key.public_key())
    .serial_number(x509.random_serial_number())
    .not_valid_before(now)
    .not_valid_after(now + datetime.timedelta(days=365))
    .sign(key, hashes.SHA256())
)
folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
files = (("signPri.key", der), ("signCert.der", cert.public_bytes(serialization.Encoding.DER)))
for file_name, data in files:
    with open(os.path.join(folder, file_name), "wb") as out:
        out.write(data)
"""


class Process:
    """One command timed run by run; ``prepare`` runs untimed before each run."""

    def __init__(self, label: str, argv: list[str], env: dict[str, str], stdin: str = "") -> None:
        self.label = label
        self.argv = argv
        self.env = env
        self.stdin = stdin
        self.times: list[float] = []
        self.cpu: list[float] = []

    def prepare(self, run: int) -> None:
        """Nothing to do by default."""

    def run(self) -> tuple[float, float]:
        """(wall seconds, the child's user + system seconds)."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            self.argv,
            check=True,
            env=self.env,
            input=self.stdin.encode(),
            stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        return wall, cpu


class BankIssue(Process):
    """`mgcert issue` on a fresh copy of a prepared data home each run."""

    def __init__(self, python: list[str], env: dict[str, str], tmp: Path) -> None:
        self.template = tmp / "bank-template"
        self.home = tmp / "bank-home"
        argv = [*python, "-m", "mgcert", "issue", "--customer", "1", "--auto-verify"]
        argv += ["--password-stdin", "--iterations", "2048"]
        super().__init__(
            "mgcert issue (bank)", argv, {**env, "MGCERT_HOME": str(self.home)}, BANK_PASSWORD
        )
        made = {**env, "MGCERT_HOME": str(self.template), "MGCERT_ITERATIONS": "2048"}
        subprocess.run(
            [*python, "-m", "mgcert", "customers"], check=True, env=made, stdout=subprocess.DEVNULL
        )

    def prepare(self, run: int) -> None:
        shutil.rmtree(self.home, ignore_errors=True)
        shutil.copytree(self.template, self.home, symlinks=True)


def _environment(no_site: bool) -> tuple[list[str], dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if not no_site:
        return [sys.executable], env
    paths = [str(REPO), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return [sys.executable, "-S"], env


def _mean_median(seconds: list[float]) -> str:
    return f"{1000 * sum(seconds) / len(seconds):.0f} ({1000 * statistics.median(seconds):.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--bank", action="store_true", help="also time `mgcert issue`")
    parser.add_argument("--no-site", action="store_true", help="python -S (no .pth hooks)")
    args = parser.parse_args()
    python, env = _environment(args.no_site)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        env = {**env, "MGCERT_HOME": str(tmp / "home")}
        fixture_argv = [*python, "-m", "mgcert", "fixture", "issue", "--ca", f"{tmp}/ca"]
        processes = [
            Process("mgcert fixture issue", fixture_argv, env),
            Process("strict yardstick", [*python, "-c", MINIMAL, f"{tmp}/minimal"], env),
            Process("x509 yardstick", [*python, "-c", MINIMAL_X509, f"{tmp}/x509"], env),
        ]
        if args.bank:
            processes.append(BankIssue(python, env, tmp))
        for process in processes:  # makes the CA, compiles bytecode
            process.prepare(-1)
            process.run()
        for run in range(args.runs):
            for process in processes:
                process.prepare(run)
                wall, cpu = process.run()
                process.times.append(wall)
                process.cpu.append(cpu)
    mode = "python -S, PYTHONPATH" if args.no_site else "python"
    print(f"{args.runs} runs each, alternating, {mode}; ms per run: mean (median)")
    print(f"  {'':<22} {'wall':>13} {'cpu':>13}")
    for process in processes:
        wall_text, cpu_text = _mean_median(process.times), _mean_median(process.cpu)
        print(f"  {process.label:<22} {wall_text:>13} {cpu_text:>13}")
    for measure in ("times", "cpu"):
        strict, x509 = (sum(getattr(p, measure)) for p in processes[1:3])
        for process in (processes[0], *processes[3:]):
            ours = sum(getattr(process, measure))
            print(
                f"{process.label} ({'wall' if measure == 'times' else 'cpu'}): ratio "
                f"{ours / strict:.2f} to the strict yardstick, {ours / x509:.2f} to the x509 one "
                "(goal <= 1.25)"
            )


if __name__ == "__main__":
    main()
