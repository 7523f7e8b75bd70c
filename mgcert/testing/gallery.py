"""The gallery: one folder per good or bad certificate, the badssl.com idea for NPKI.

``write_gallery(ca, dir)`` writes, under ``dir``::

    manifest.json            every case, and the trust anchors below
    ca/root.der, ca/issuing.der, ca/issuing.crl, ca/root.arl
    <case>/manifest.json     the case alone
    <case>/NPKI/<CA>/USER/cn=.../signCert.der, signPri.key (kmCert.der, kmPri.key)
    <case>/cert.pfx          (the PFX case)

Each case's manifest says where its files are, the password and 주민등록번호 to try,
what is wrong with it (``problem``) and what a correct consumer must conclude
(``expect``, one of :data:`EXPECTATIONS`, and ``conclusion`` in words). Consumers are
meant to trust ``ca/root.der`` only.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from mgcert import __version__
from mgcert.ca.validity import end_of_day_kst
from mgcert.messages import testing as msg
from mgcert.npki.keyfile import encrypt_private_key
from mgcert.testing import forge
from mgcert.testing.certificate import NpkiCertificate
from mgcert.testing.errors import GalleryFolderNotEmpty
from mgcert.testing.holders import made_up_rrn

if TYPE_CHECKING:
    from mgcert.testing.authority import NpkiCA

MANIFEST = "manifest.json"
GALLERY_CA_FOLDER = ".ca"
TRUST_DIR = "ca"
PFX_FILE = "cert.pfx"
WRONG_PASSWORD = "wrong-Password-9!"  # noqa: S105 — the gallery case's point
# Outside the accredited NPKI arc (1.2.410.200005.1.1.x assigned by KISA).
FOREIGN_POLICY = x509.ObjectIdentifier("1.2.410.200005.1.1.99")
SAMPLE_BRN = "1208147521"  # checksum-valid 사업자등록번호 (made up)
EXPECTATIONS = (
    "valid",
    "expired",
    "not_yet_valid",
    "expiring_soon",
    "revoked",
    "vid_unverifiable",
    "vid_mismatch",
    "policy_not_accepted",
    "untrusted_issuer",
    "signature_invalid",
    "wrong_password",
    "key_damaged",
)


@dataclass(frozen=True)
class Case:
    """One gallery entry: how to make it and what it means."""

    name: str
    expect: str
    problem: str
    conclusion: str
    make: Callable[[NpkiCA, Path], dict[str, object]]


def write_gallery(ca: NpkiCA, directory: Path) -> list[dict[str, object]]:
    """Write every case of :data:`CASES` under ``directory``; returns their manifests.

    ``directory`` must be empty or missing, except for the CA's own home
    (``mgcert gallery DIR`` keeps it in ``DIR/.ca``, so ``mgcert fixture serve --ca
    DIR/.ca`` answers for the gallery's CRL and OCSP).
    """
    check_empty(directory, besides=ca.home)
    directory.mkdir(parents=True, exist_ok=True)
    entries = []
    for case in CASES:
        folder = directory / case.name
        entry: dict[str, object] = {
            "case": case.name,
            "expect": case.expect,
            "problem": case.problem,
            "conclusion": case.conclusion,
            **case.make(ca, folder),
        }
        _write_json(folder / MANIFEST, _relative(entry, folder))
        entries.append(_relative(entry, directory))
    trust = _copy_trust(ca, directory / TRUST_DIR)
    _write_json(
        directory / MANIFEST,
        {
            "generator": f"mgcert {__version__}",
            "ca": ca.org,
            "trust": trust,
            "pki_url": ca.urls.base,
            "crl_url": ca.urls.crl,
            "ocsp_url": ca.urls.ocsp,
            "expectations": list(EXPECTATIONS),
            "cases": entries,
        },
    )
    return entries


def check_empty(directory: Path, *, besides: Path | None = None) -> None:
    """:class:`GalleryFolderNotEmpty` unless ``directory`` is missing or empty."""
    if directory.exists() and any(p != besides for p in directory.iterdir()):
        raise GalleryFolderNotEmpty(msg.GALLERY_NOT_EMPTY.format(path=directory))


# --- the cases ----------------------------------------------------------------------


def _plain(**issue: object) -> Callable[[NpkiCA, Path], dict[str, object]]:
    def make(ca: NpkiCA, folder: Path) -> dict[str, object]:
        return _describe(ca.issue(root=folder, **issue))  # type: ignore[arg-type]

    return make


def _dated(days_from_today: int, *, start: bool) -> Callable[[NpkiCA, Path], dict[str, object]]:
    def make(ca: NpkiCA, folder: Path) -> dict[str, object]:
        day = ca.today + timedelta(days=days_from_today)
        when = {"not_before": day} if start else {"not_after": end_of_day_kst(day)}
        return _describe(ca.issue(root=folder, **when))

    return make


def _revoked(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder)
    ca.revoke(cert, "keyCompromise")
    return {**_describe(cert), "revocation_reason": "keyCompromise"}


def _without_random_num(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder)
    _replace(
        cert.key_path,
        encrypt_private_key(cert.private_key, cert.password, None, iterations=cert.iterations),
    )
    return _describe(cert)


def _vid_for_another(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder)
    other = made_up_rrn().digits
    while other == cert.rrn:
        other = made_up_rrn().digits
    return {**_describe(cert), "rrn": other, "rrn_of_vid": cert.rrn}


def _foreign_policy(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder)
    _replace_certificate(cert, forge.with_policy(ca.authority, cert.certificate, FOREIGN_POLICY))
    return {**_describe(cert), "policy": FOREIGN_POLICY.dotted_string}


def _untrusted(ca: NpkiCA, folder: Path) -> dict[str, object]:
    from mgcert.testing.authority import NpkiCA

    with NpkiCA(folder / "untrusted-ca", reuse_keys=True) as stranger:
        cert = stranger.issue(root=folder)
        return {**_describe(cert), "untrusted_root": str(stranger.root_cert_path)}


def _broken_chain(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder)
    _replace_certificate(cert, forge.signed_by_stranger(cert.certificate))
    return _describe(cert)


def _wrong_password(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder)
    return {**_describe(cert), "password": WRONG_PASSWORD, "correct_password": cert.password}


def _truncated_key(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder)
    data = cert.key_path.read_bytes()
    _replace(cert.key_path, data[: len(data) // 2])
    return _describe(cert)


def _pfx(ca: NpkiCA, folder: Path) -> dict[str, object]:
    cert = ca.issue(root=folder / "source")
    target = cert.to_pfx(folder / PFX_FILE)
    return {**_describe(cert), "pfx": str(target), "pfx_password": cert.password}


CASES: tuple[Case, ...] = (
    Case(
        "valid-general",
        "valid",
        "없음 (정상 은행/신용카드/보험용)",
        "a valid personal certificate for banking",
        _plain(kind="general"),
    ),
    Case(
        "valid-universal",
        "valid",
        "없음 (정상 범용)",
        "a valid personal certificate for any use",
        _plain(kind="universal"),
    ),
    Case(
        "valid-corporate",
        "valid",
        "없음 (정상 법인 범용)",
        "a valid corporate certificate; the VID is checked against the brn",
        _plain(kind="corporate", name="(주)엠지테스트", brn=SAMPLE_BRN),
    ),
    Case(
        "expired",
        "expired",
        "유효기간이 어제 끝남",
        "refuse: the certificate has expired",
        _dated(-1, start=False),
    ),
    Case(
        "not-yet-valid",
        "not_yet_valid",
        "유효기간이 30일 뒤에 시작됨",
        "refuse: the certificate is not valid yet",
        _dated(30, start=True),
    ),
    Case(
        "expiring-in-10-days",
        "expiring_soon",
        "10일 뒤 만료 (갱신 대상)",
        "accept, and offer renewal (30 days or fewer remain)",
        _dated(10, start=False),
    ),
    Case(
        "revoked",
        "revoked",
        "폐지됨 (keyCompromise): CRL에 있고 OCSP가 revoked로 답함",
        "refuse: revoked, by the CRL and by OCSP",
        _revoked,
    ),
    Case(
        "missing-randomnum",
        "vid_unverifiable",
        "signPri.key에 randomNum이 없음",
        "the key opens, but the holder cannot be checked against a 주민등록번호",
        _without_random_num,
    ),
    Case(
        "vid-other-rrn",
        "vid_mismatch",
        "VID가 manifest의 주민등록번호와 맞지 않음",
        "refuse: the certificate belongs to someone else",
        _vid_for_another,
    ),
    Case(
        "wrong-policy-oid",
        "policy_not_accepted",
        f"인증서 정책이 NPKI 개인용이 아님 ({FOREIGN_POLICY.dotted_string})",
        "refuse where a personal NPKI policy (1.2.410.200005.1.1.1 or .4) is required",
        _foreign_policy,
    ),
    Case(
        "untrusted-issuer",
        "untrusted_issuer",
        "신뢰하지 않는 다른 루트 CA가 발급",
        "refuse: the chain ends at a root that is not trusted",
        _untrusted,
    ),
    Case(
        "broken-chain",
        "signature_invalid",
        "발급자 이름은 맞지만 다른 키로 서명됨",
        "refuse: the issuing CA's signature does not verify",
        _broken_chain,
    ),
    Case(
        "wrong-password",
        "wrong_password",
        "manifest의 비밀번호가 틀림",
        "report a wrong password (and do not crash or lock up)",
        _wrong_password,
    ),
    Case(
        "truncated-key",
        "key_damaged",
        "signPri.key가 중간에서 잘림",
        "report a damaged key file",
        _truncated_key,
    ),
    Case(
        "key-form-seedcbc-sha1",
        "valid",
        "없음 (구형 키 형식 seedCBCWithSHA1)",
        "open the key (PBKDF1-SHA1, derived IV)",
        _plain(key_form="seedcbc-sha1"),
    ),
    Case(
        "key-form-seed-cbc",
        "valid",
        "없음 (가장 오래된 키 형식 SEED-CBC, 고정 IV)",
        "open the key (PBKDF1-SHA1, fixed IV)",
        _plain(key_form="seed-cbc"),
    ),
    Case(
        "with-kmcert",
        "valid",
        "없음 (kmCert.der/kmPri.key 포함)",
        "a valid certificate with its key-management pair",
        _plain(km=True),
    ),
    Case(
        "pfx-with-randomnum",
        "valid",
        "없음 (PKCS #12, randomNum 포함)",
        "import the PFX; the VID verifies with the randomNum from the key bag",
        _pfx,
    ),
)


# --- writing --------------------------------------------------------------------------


def _describe(cert: NpkiCertificate) -> dict[str, object]:
    entry: dict[str, object] = {
        "path": str(cert.folder),
        "cert": str(cert.cert_path),
        "key": str(cert.key_path),
        "password": cert.password,
        "rrn": cert.rrn,
        "name": cert.name,
        "kind": cert.kind,
        "serial": cert.serial_hex,
        "not_before": cert.not_before.isoformat(),
        "not_after": cert.not_after.isoformat(),
        "key_form": cert.key_form,
        "iterations": cert.iterations,
    }
    if cert.brn is not None:
        entry["brn"] = cert.brn
    if cert.km_cert_path is not None:
        entry["km_cert"] = str(cert.km_cert_path)
        entry["km_key"] = str(cert.km_key_path)
    return entry


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    temporary.replace(path)


def _replace_certificate(cert: NpkiCertificate, certificate: x509.Certificate) -> None:
    _replace(cert.cert_path, certificate.public_bytes(serialization.Encoding.DER))


def _copy_trust(ca: NpkiCA, directory: Path) -> dict[str, str]:
    directory.mkdir(parents=True, exist_ok=True)
    names = {
        "root": ca.root_cert_path,
        "issuing": ca.issuing_cert_path,
        "crl": ca.crl_path,
        "arl": ca.arl_path,
    }
    for source in names.values():
        (directory / source.name).write_bytes(source.read_bytes())
    return {key: f"{TRUST_DIR}/{source.name}" for key, source in names.items()}


def _relative(entry: dict[str, object], base: Path) -> dict[str, object]:
    """Paths in a manifest are relative to the manifest's folder."""
    out: dict[str, object] = {}
    for key, value in entry.items():
        if isinstance(value, str) and value.startswith(str(base) + os.sep):
            out[key] = Path(value).relative_to(base).as_posix()
        else:
            out[key] = value
    return out


def _write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
