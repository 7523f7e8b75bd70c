"""The gallery: every case is judged by tools mgcert did not write, and the verdict must
be the one its manifest promises."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import core
from cryptography import x509
from cryptography.hazmat.primitives.serialization import pkcs12
from testing_support import openssl, pem_file, pinksign, vid_by_asn1crypto

from mgcert.clock import KST
from mgcert.npki.vid import read_identify_data
from mgcert.testing import NpkiCA
from mgcert.testing.errors import GalleryFolderNotEmpty
from mgcert.testing.gallery import CASES, EXPECTATIONS

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=KST)
NPKI_PERSONAL_POLICIES = ("1.2.410.200005.1.1.1", "1.2.410.200005.1.1.4", "1.2.410.200005.1.1.5")
RANDOM_NUM_OID = "1.2.410.200004.10.1.1.3"


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("gallery")
    with NpkiCA(directory / ".ca", now=NOW, reuse_keys=True) as ca:
        ca.gallery(directory / "cases")
    return directory / "cases"


def _manifest(gallery: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((gallery / "manifest.json").read_text("utf-8"))
    return data


def _cases(gallery: Path) -> list[dict[str, str]]:
    cases = _manifest(gallery)["cases"]
    assert isinstance(cases, list)
    return cases


def _chain_verdict(gallery: Path, case: dict[str, str], work: Path) -> str | None:
    """What `openssl verify` says, at NOW, with the gallery's root, CRL and policies."""
    trust = _manifest(gallery)["trust"]
    assert isinstance(trust, dict)
    root = pem_file(gallery / trust["root"], work / "root.pem")
    issuing = pem_file(gallery / trust["issuing"], work / "issuing.pem")
    crl = work / "crl.pem"
    openssl("crl", "-inform", "DER", "-in", gallery / trust["crl"], "-out", crl)
    leaf = pem_file(gallery / case["cert"], work / "leaf.pem")
    policies = [arg for oid in NPKI_PERSONAL_POLICIES for arg in ("-policy", oid)]
    result = openssl(
        "verify",
        "-attime",
        str(int(NOW.timestamp())),
        "-CAfile",
        root,
        "-untrusted",
        issuing,
        "-CRLfile",
        crl,
        "-crl_check",
        *policies,
        "-explicit_policy",
        leaf,
    )
    said = result.stdout + result.stderr
    for needle, verdict in (
        ("certificate has expired", "expired"),
        ("certificate is not yet valid", "not_yet_valid"),
        ("certificate revoked", "revoked"),
        ("unable to get local issuer certificate", "untrusted_issuer"),
        ("unable to get issuer certificate", "untrusted_issuer"),
        ("certificate signature failure", "signature_invalid"),
        ("no explicit policy", "policy_not_accepted"),
    ):
        if needle in said:
            return verdict
    assert result.returncode == 0, said
    return None


def _key_verdict(gallery: Path, case: dict[str, str]) -> str | None:
    """What PyPinkSign makes of the key file with the manifest's password."""
    key_path = gallery / case["key"]
    try:
        core.Sequence.load(key_path.read_bytes(), strict=True)
    except ValueError:
        return "key_damaged"
    try:
        signer = pinksign(gallery / case["cert"], key_path, case["password"])
    except Exception:  # PyPinkSign raises whatever its decoder meets
        return "wrong_password"
    random_num = getattr(signer, "_rand_num", None)
    if random_num is None:
        return "vid_unverifiable"
    certificate = x509.load_der_x509_certificate((gallery / case["cert"]).read_bytes())
    number = case.get("rrn") or case["brn"]
    if vid_by_asn1crypto(number, random_num.asOctets()) != read_identify_data(certificate).vid:
        return "vid_mismatch"
    return None


def test_every_case_has_a_manifest_and_a_known_expectation(gallery: Path) -> None:
    cases = _cases(gallery)
    assert [c["case"] for c in cases] == [c.name for c in CASES]
    for case in cases:
        assert case["expect"] in EXPECTATIONS
        own = json.loads((gallery / case["case"] / "manifest.json").read_text("utf-8"))
        assert own["expect"] == case["expect"]
        assert own["problem"] == case["problem"]
        assert (gallery / case["cert"]).is_file()
        assert (gallery / case["key"]).is_file()


@pytest.mark.parametrize("name", [c.name for c in CASES if c.name != "pfx-with-randomnum"])
def test_independent_tools_reach_the_promised_verdict(
    gallery: Path, tmp_path: Path, name: str
) -> None:
    case = next(c for c in _cases(gallery) if c["case"] == name)
    verdict = _chain_verdict(gallery, case, tmp_path) or _key_verdict(gallery, case)
    if verdict is None:
        remaining = datetime.fromisoformat(case["not_after"]) - NOW
        verdict = "expiring_soon" if remaining <= timedelta(days=30) else "valid"
    assert verdict == case["expect"], case["problem"]


def test_the_pfx_case_carries_the_random_num(gallery: Path) -> None:
    case = next(c for c in _cases(gallery) if c["case"] == "pfx-with-randomnum")
    pfx = gallery / case["pfx"]
    result = openssl(
        "pkcs12",
        "-info",
        "-nodes",
        "-in",
        pfx,
        "-passin",
        "env:PFX_PW",
        env={"PFX_PW": case["pfx_password"]},
    )
    assert result.returncode == 0, result.stderr
    assert RANDOM_NUM_OID in result.stdout + result.stderr
    loaded = pkcs12.load_pkcs12(pfx.read_bytes(), case["pfx_password"].encode())
    assert loaded.cert is not None
    assert loaded.key is not None
    assert loaded.cert.certificate.serial_number == int(case["serial"], 16)


def test_the_km_case_has_both_pairs(gallery: Path) -> None:
    case = next(c for c in _cases(gallery) if c["case"] == "with-kmcert")
    assert (gallery / case["km_cert"]).is_file()
    assert (gallery / case["km_key"]).is_file()
    pinksign(gallery / case["km_cert"], gallery / case["km_key"], case["password"])


def test_a_gallery_never_mixes_with_other_files(tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with NpkiCA(tmp_path / "ca", reuse_keys=True) as ca, pytest.raises(GalleryFolderNotEmpty):
        ca.gallery(tmp_path / "busy")
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]
