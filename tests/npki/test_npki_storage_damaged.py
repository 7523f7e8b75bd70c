"""Discovery of a damaged signCert.der: reported by its folder, the neighbours still found.

Each damaged file is a real certificate with one field broken by editing its DER
(``npki_damaged_der``); several of them load fine and fail only when that field is
touched, which used to take the whole discovery down.
"""

from __future__ import annotations

import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import NameOID
from npki_damaged_der import DAMAGES
from npki_testkit import FAST_ITERATIONS, PASSWORD, shared_key

from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.storage import (
    CertificateDamaged,
    CertificateFilesUnreadable,
    DiscoveryProblem,
    discover,
    load_certificate,
    parse_certificate,
    write_certificate,
)
from mgcert.npki.vid import identify_data_other_name

ORG = "MGSIM"


def _certificate(cn: str) -> bytes:
    """A self-signed certificate with the extensions the center reads (and an SKI)."""
    key = shared_key(0)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "kr"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORG),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )
    start = datetime(2026, 11, 24, tzinfo=UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=365))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(
            x509.CertificatePolicies(
                [x509.PolicyInformation(x509.ObjectIdentifier("1.2.410.200005.1.1.4"), None)]
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectAlternativeName([identify_data_other_name("홍길동", bytes(32))]), False
        )
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.DER)


HEALTHY_DER = _certificate("홍길동()0045000000122026112401")
KEY_DER = encrypt_private_key(shared_key(0), PASSWORD, new_random_num(), iterations=FAST_ITERATIONS)


def _medium_with_one_damaged(root: Path, damage: str) -> tuple[Path, Path]:
    """A healthy certificate folder and, beside it, a damaged one (with its key file)."""
    healthy = write_certificate(root, ORG, "cn=healthy", HEALTHY_DER, KEY_DER)
    damaged = healthy.parent / f"cn=damaged-{damage}"
    damaged.mkdir()
    (damaged / "signCert.der").write_bytes(DAMAGES[damage](HEALTHY_DER))
    (damaged / "signPri.key").write_bytes(KEY_DER)
    return healthy, damaged


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_certificate_is_a_problem_naming_its_folder(tmp_path: Path, damage: str) -> None:
    healthy, damaged = _medium_with_one_damaged(tmp_path, damage)

    found = discover(tmp_path)

    assert [stored.folder for stored in found.certificates] == [healthy]
    [problem] = found.problems
    assert problem == DiscoveryProblem(damaged, problem.reason, damaged=True)
    assert problem.reason


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_loading_a_damaged_folder_is_a_typed_error_with_the_korean_line(
    tmp_path: Path, damage: str
) -> None:
    _, damaged = _medium_with_one_damaged(tmp_path, damage)

    with pytest.raises(CertificateDamaged) as caught:
        load_certificate(damaged)

    assert str(caught.value) == f"손상된 인증서: {damaged}"
    assert caught.value.path == damaged
    assert isinstance(caught.value, CertificateFilesUnreadable)


def test_a_negative_serial_is_refused_without_a_warning_escaping(tmp_path: Path) -> None:
    # cryptography only warns about it today (and will raise later); either way the
    # certificate is damaged and nothing is printed over the screen.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(CertificateDamaged) as caught:
            parse_certificate(tmp_path, DAMAGES["negative-serial"](HEALTHY_DER))

    assert caught.value.reason == "인증서 일련번호가 올바르지 않습니다 (양수가 아님)."


def test_all_damage_kinds_on_one_medium_are_each_their_own_problem(tmp_path: Path) -> None:
    # All kinds on one medium at once: each is its own problem.
    healthy = write_certificate(tmp_path, ORG, "cn=healthy", HEALTHY_DER, KEY_DER)
    for damage, edit in DAMAGES.items():
        folder = healthy.parent / f"cn=damaged-{damage}"
        folder.mkdir()
        (folder / "signCert.der").write_bytes(edit(HEALTHY_DER))
        (folder / "signPri.key").write_bytes(KEY_DER)

    found = discover(tmp_path)

    assert [stored.folder for stored in found.certificates] == [healthy]
    assert sorted(problem.path.name for problem in found.problems if problem.damaged) == sorted(
        f"cn=damaged-{damage}" for damage in DAMAGES
    )
