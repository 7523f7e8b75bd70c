"""`mgcert fixture issue` as a whole process against a minimal Python process.

    python benchmarks/cli_issue.py [--runs N]

The yardstick is the least any CLI could do: start Python, import cryptography's RSA,
generate an RSA-2048 key, run PBKDF2-HMAC-SHA1 for 2,048 rounds and write two files.
`mgcert fixture issue` does that plus parsing, opening the CA (register and keys),
signing the certificate and the CSR, and writing an NPKI folder. The two alternate run
by run (A B A B ...), so drift in the machine's speed hits both; key generation varies
a lot from draw to draw, so the ratio is of the sums over all runs. Goal: <= 1.25.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def _timed(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "MGCERT_HOME": str(Path(tmp) / "home")}
        mgcert = [sys.executable, "-m", "mgcert", "fixture", "issue", "--ca", f"{tmp}/ca"]
        minimal = [sys.executable, "-c", MINIMAL, f"{tmp}/minimal"]
        _timed(mgcert, env)  # makes the CA and compiles bytecode
        _timed(minimal, env)
        ours, floor = [], []
        for _ in range(args.runs):
            ours.append(_timed(mgcert, env))
            floor.append(_timed(minimal, env))
    ratio = sum(ours) / sum(floor)
    print(
        f"mgcert fixture issue {1000 * sum(ours) / args.runs:.0f} ms, "
        f"minimal process {1000 * sum(floor) / args.runs:.0f} ms, ratio {ratio:.2f} "
        f"(goal <= 1.25, {args.runs} runs each)"
    )


if __name__ == "__main__":
    main()
