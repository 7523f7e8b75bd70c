"""How the simulated CA's operations scale with the size of its register.

Usage: python benchmarks/ca_scaling.py [--sizes 100 1000 10000] [--issues 50]
       [--lookups 2000] [--revokes 20]

For each size N a fresh CA (temp folder) is filled with N certificates, 10% of them
revoked, then it measures, from a ready CSR:

- issue: ``CertificateAuthority.issue`` (parse + verify CSR, build + sign, record);
- status: ``CertificateAuthority.status`` of a random known serial;
- revoke: ``CertificateAuthority.revoke`` (record + rebuild, sign and atomically
  republish the whole CRL, which holds about N/10 entries).

The fill goes through the CA's own recording functions (``CertificateStore`` writer) in
one transaction; rows reuse the DER of one real certificate under fresh random serials,
since status lookup and the CRL read only serial, dates, status and reason. Not a test:
it prints a table and is never run by pytest.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from mgcert.ca import MG_CA_PROFILE, CertificateAuthority, IssueRequest
from mgcert.ca.hierarchy import new_serial
from mgcert.ca.records import AuditAction
from mgcert.ca.store import CertificateStore, NewCertificate
from mgcert.clock import KST, Clock
from mgcert.npki.profile import CertificateKind

NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)
REVOKED_SHARE = 0.10
REQUEST = IssueRequest(
    cn="홍길동()004504520261124",
    real_name="홍길동",
    vid=bytes(range(32)),
    kind=CertificateKind.GENERAL,
    cn_number_digits=9,  # the CA numbers each CN, as for the center
)


@dataclass(frozen=True)
class Row:
    size: int
    revoked: int
    fill_s: float
    issue_ms: float
    status_us: float
    revoke_ms: float
    crl_kb: float


def _csr() -> bytes:
    # One key for everything: the CA only needs a valid, self-signed request.
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "bench")]))
        .sign(key, hashes.SHA256())
        .public_bytes(serialization.Encoding.DER)
    )


def _fill(db_path: Path, template: x509.Certificate, size: int) -> list[int]:
    """Record ``size`` certificates, revoke 10% of them; return the serials."""
    der = template.public_bytes(serialization.Encoding.DER)
    unique: set[int] = set()
    while len(unique) < size:  # 4-byte serials, as real ones: collisions do happen
        unique.add(new_serial())
    serials = list(unique)
    revoked = set(random.sample(serials, int(size * REVOKED_SHARE)))
    store = CertificateStore.open(db_path)
    try:
        with store.write() as writer:
            for number, serial in enumerate(serials):
                writer.add_certificate(
                    NewCertificate(
                        serial=serial,
                        cn=f"{REQUEST.cn}9{number:08d}",  # CNs are unique at the CA
                        kind=REQUEST.kind.value,
                        not_before=template.not_valid_before_utc,
                        not_after=template.not_valid_after_utc,
                        der=der,
                    )
                )
                writer.add_audit(NOW, AuditAction.ISSUE, serial, "benchmark fill")
                if serial in revoked:
                    writer.mark_revoked(serial, NOW, x509.ReasonFlags.superseded.value)
                    writer.add_audit(NOW, AuditAction.REVOKE, serial, "benchmark fill")
    finally:
        store.close()
    return [s for s in serials if s not in revoked]


def _per_call(action: Callable[[], object], count: int) -> float:
    """Median seconds per call over ``count`` calls."""
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def measure(size: int, csr: bytes, issues: int, lookups: int, revokes: int) -> Row:
    """Fill a fresh CA with ``size`` certificates and time the three operations."""
    with tempfile.TemporaryDirectory(prefix="mgcert-ca-bench-") as tmp:
        root = Path(tmp)
        clock = Clock(pinned=NOW)
        with CertificateAuthority.open(root / "ca", root / "ca.db", clock, MG_CA_PROFILE) as ca:
            template = ca.issue(csr, REQUEST)
            started = time.perf_counter()
            good = _fill(root / "ca.db", template, size)
            fill_s = time.perf_counter() - started

            issue_s = _per_call(lambda: ca.issue(csr, REQUEST), issues)
            status_s = _per_call(lambda: ca.status(random.choice(good)), lookups)
            victims = iter(random.sample(good, revokes))
            revoke_s = _per_call(
                lambda: ca.revoke(next(victims), x509.ReasonFlags.key_compromise), revokes
            )
            crl = ca.crl()
            return Row(
                size=size,
                revoked=len(crl),
                fill_s=fill_s,
                issue_ms=issue_s * 1e3,
                status_us=status_s * 1e6,
                revoke_ms=revoke_s * 1e3,
                crl_kb=ca.crl_path.stat().st_size / 1024,
            )


def _table(rows: list[Row]) -> str:
    header = (
        f"{'certificates':>12} {'CRL size':>8} {'fill s':>7} {'issue ms':>9}"
        f" {'status µs':>10} {'revoke+CRL ms':>14} {'CRL KiB':>8}"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(
            f"{r.size:>12,} {r.revoked:>8,} {r.fill_s:>7.2f} {r.issue_ms:>9.2f}"
            f" {r.status_us:>10.1f} {r.revoke_ms:>14.2f} {r.crl_kb:>8.1f}"
        )
    return "\n".join(lines)


def _growth(rows: list[Row]) -> str:
    first, last = rows[0], rows[-1]
    factor = last.size / first.size

    def ratio(a: float, b: float) -> str:
        return f"x{b / a:.2f}"

    return (
        f"From {first.size:,} to {last.size:,} certificates (x{factor:.0f}):"
        f" issue {ratio(first.issue_ms, last.issue_ms)},"
        f" status {ratio(first.status_us, last.status_us)},"
        f" revoke+CRL {ratio(first.revoke_ms, last.revoke_ms)}"
        f" (the CRL held {first.revoked:,} vs {last.revoked:,} entries at the end)."
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--issues", type=int, default=50)
    parser.add_argument("--lookups", type=int, default=2_000)
    parser.add_argument("--revokes", type=int, default=20)
    args = parser.parse_args(argv)
    random.seed(2026)
    csr = _csr()
    rows = []
    for size in args.sizes:
        rows.append(measure(size, csr, args.issues, args.lookups, args.revokes))
        print(f"measured {size:,}", file=sys.stderr, flush=True)
    print("Median time per operation (synchronous=FULL: every change is fsynced).")
    print(_table(rows))
    if len(rows) > 1:
        print(_growth(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
