"""A folder with a key-management pair (kmCert.der / kmPri.key): 암호 변경 re-encrypts
both keys, 복사 carries both, and a kmPri.key under another password stops the change."""

from __future__ import annotations

from pathlib import Path

import pytest
from center_support import entry, harddisk, phone

from mgcert.center import CertificateCenter
from mgcert.center.errors import KmKeyPasswordDiffers
from mgcert.npki.keyfile import WrongKeyPassword, decrypt_private_key, encrypt_private_key
from mgcert.testing import NpkiCA, NpkiCertificate

NEW = "Changed-pass-2026!"


@pytest.fixture
def km_cert(center: CertificateCenter, tmp_path: Path) -> NpkiCertificate:
    """A certificate with a KM pair on the center's 하드디스크 (from a fixture CA of the
    same name, as a folder copied from elsewhere would be)."""
    with NpkiCA(tmp_path / "fixture-ca", reuse_keys=True) as ca:
        cert = ca.issue("정하늘", km=True, key_form="seedcbc-sha1", iterations=1024)
        cert.write_to(harddisk(center).root, layout="removable")
    return cert


def test_change_password_rewraps_the_km_key_in_its_own_form(
    center: CertificateCenter, km_cert: NpkiCertificate
) -> None:
    listed = entry(center, km_cert.serial_hex)
    center.change_password(listed, km_cert.password, NEW, NEW)
    folder = entry(center, km_cert.serial_hex).stored.folder
    for name in ("signPri.key", "kmPri.key"):
        opened = decrypt_private_key((folder / name).read_bytes(), NEW)
        assert (opened.scheme.cli_name, opened.iterations) == ("seedcbc-sha1", 1024)
        assert opened.random_num == km_cert.random_num
        with pytest.raises(WrongKeyPassword):
            decrypt_private_key((folder / name).read_bytes(), km_cert.password)


def test_a_km_key_under_another_password_changes_nothing(
    center: CertificateCenter, km_cert: NpkiCertificate
) -> None:
    listed = entry(center, km_cert.serial_hex)
    km_path = listed.stored.km_cert_path.with_name("kmPri.key")
    opened = decrypt_private_key(km_path.read_bytes(), km_cert.password)
    km_path.write_bytes(
        encrypt_private_key(
            opened.private_key, "Other-pass-2026!", opened.random_num, iterations=1024
        )
    )
    before = {p.name: p.read_bytes() for p in listed.stored.folder.iterdir()}
    with pytest.raises(KmKeyPasswordDiffers, match=r"kmPri\.key"):
        center.change_password(listed, km_cert.password, NEW, NEW)
    assert {p.name: p.read_bytes() for p in listed.stored.folder.iterdir()} == before


def test_copy_carries_the_km_pair(center: CertificateCenter, km_cert: NpkiCertificate) -> None:
    copied = center.copy_certificate(entry(center, km_cert.serial_hex), phone(center))
    assert copied.stored.has_km_pair
    source = entry(center, km_cert.serial_hex).stored.folder
    for name in ("kmCert.der", "kmPri.key", "signCert.der", "signPri.key"):
        assert (copied.stored.folder / name).read_bytes() == (source / name).read_bytes()
