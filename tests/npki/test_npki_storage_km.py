"""kmCert.der + kmPri.key beside the signing pair: written in the same atomic step,
reported by discovery without ever hiding the signing pair, deleted with it."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding
from npki_testkit import FAST_ITERATIONS, PASSWORD, certificate_for, shared_key
from pypinksign import PinkSign

from mgcert.messages import npki as msg
from mgcert.npki import storage
from mgcert.npki.keyfile import decrypt_private_key, encrypt_private_key, new_random_num
from mgcert.npki.storage import (
    CertificateDamaged,
    CertificateFilesUnreadable,
    CertificateFolderExists,
    MediumNotWritable,
    delete_certificate,
    discover,
    load_certificate,
    read_km_certificate,
    read_km_key_file,
    replace_key_file,
    write_certificate,
)

ORG = "MGSIM"
CN = "홍길동()0045000000122026112401"
FOLDER = f"cn={CN},ou=MG,ou=personal4IB,o={ORG},c=kr"
RANDOM_NUM = new_random_num()
CERT_DER = certificate_for(shared_key(0), cn=CN).public_bytes(serialization.Encoding.DER)
KEY_DER = encrypt_private_key(shared_key(0), PASSWORD, RANDOM_NUM, iterations=FAST_ITERATIONS)
KM_CERT_DER = certificate_for(shared_key(1), cn=CN).public_bytes(serialization.Encoding.DER)
KM_KEY_DER = encrypt_private_key(shared_key(1), PASSWORD, RANDOM_NUM, iterations=FAST_ITERATIONS)
FOUR = ["kmCert.der", "kmPri.key", "signCert.der", "signPri.key"]


def _write(root: Path, **km: bytes) -> Path:
    return write_certificate(root, ORG, FOLDER, CERT_DER, KEY_DER, **km)


def _write_with_km(root: Path) -> Path:
    return _write(root, km_cert_der=KM_CERT_DER, km_key_der=KM_KEY_DER)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_the_km_pair_is_written_beside_the_signing_pair(tmp_path: Path) -> None:
    folder = _write_with_km(tmp_path)

    assert _names(folder) == FOUR
    assert (folder / "kmCert.der").read_bytes() == KM_CERT_DER
    assert (folder / "kmPri.key").read_bytes() == KM_KEY_DER
    assert _mode(folder / "kmPri.key") == 0o600
    assert _mode(folder / "kmCert.der") == 0o644
    assert [p.name for p in folder.parent.iterdir()] == [FOLDER]  # no staging left


def test_discovery_reports_the_km_pair(tmp_path: Path) -> None:
    _write_with_km(tmp_path)
    plain_root = tmp_path / "plain"
    _write(plain_root)

    (stored,) = discover(tmp_path).certificates
    (plain,) = discover(plain_root).certificates

    assert stored.has_km_pair
    assert stored.km_cert_path == stored.folder / "kmCert.der"
    assert stored.km_key_path == stored.folder / "kmPri.key"
    assert read_km_certificate(stored).public_bytes(serialization.Encoding.DER) == KM_CERT_DER
    assert read_km_key_file(stored) == KM_KEY_DER
    assert decrypt_private_key(read_km_key_file(stored), PASSWORD).random_num == RANDOM_NUM
    assert not plain.has_km_pair
    assert stored.cert_der == plain.cert_der == CERT_DER


def test_pypinksign_opens_the_km_pair(tmp_path: Path) -> None:
    folder = _write_with_km(tmp_path)
    km = PinkSign(
        pubkey_path=str(folder / "kmCert.der"),
        prikey_path=str(folder / "kmPri.key"),
        prikey_password=PASSWORD.encode(),
    )

    sealed = shared_key(1).public_key().encrypt(b"session key", padding.PKCS1v15())
    assert km.decrypt(sealed) == b"session key"


@pytest.mark.parametrize(
    "km", [{"km_cert_der": KM_CERT_DER}, {"km_key_der": KM_KEY_DER}], ids=["cert", "key"]
)
def test_half_a_km_pair_is_refused_before_anything_is_written(
    tmp_path: Path, km: dict[str, bytes]
) -> None:
    with pytest.raises(ValueError, match="함께") as caught:
        _write(tmp_path / "usb", **km)
    assert str(caught.value) == msg.KM_PAIR_INCOMPLETE
    assert not (tmp_path / "usb").exists()


def test_a_failure_on_the_last_file_leaves_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = storage._write_new_file

    def fail_on_km_certificate(path: Path, data: bytes, mode: int, **options: bool) -> None:
        if path.name == "kmCert.der":
            raise OSError(28, "No space left on device")
        real_write(path, data, mode, **options)

    monkeypatch.setattr(storage, "_write_new_file", fail_on_km_certificate)

    with pytest.raises(MediumNotWritable):
        _write_with_km(tmp_path)
    assert list((tmp_path / "NPKI" / ORG / "USER").iterdir()) == []


def test_writing_the_same_four_files_again_changes_nothing(tmp_path: Path) -> None:
    folder = _write_with_km(tmp_path)
    (folder / "kmPri.key").write_bytes(b"re-encrypted under a new password")

    assert _write_with_km(tmp_path) == folder
    assert (folder / "kmPri.key").read_bytes() == b"re-encrypted under a new password"


def test_another_km_certificate_there_is_not_replaced(tmp_path: Path) -> None:
    folder = _write_with_km(tmp_path)
    other = certificate_for(shared_key(2), cn=CN).public_bytes(serialization.Encoding.DER)

    with pytest.raises(CertificateFolderExists):
        _write(tmp_path, km_cert_der=other, km_key_der=KM_KEY_DER)
    assert (folder / "kmCert.der").read_bytes() == KM_CERT_DER


def test_a_folder_without_the_km_pair_does_not_get_one_added(tmp_path: Path) -> None:
    folder = _write(tmp_path)

    with pytest.raises(CertificateFolderExists):
        _write_with_km(tmp_path)
    assert _names(folder) == ["signCert.der", "signPri.key"]


def test_asking_for_the_signing_pair_alone_accepts_a_folder_with_km(tmp_path: Path) -> None:
    folder = _write_with_km(tmp_path)

    assert _write(tmp_path) == folder
    assert _names(folder) == FOUR


def test_delete_removes_the_km_pair_too(tmp_path: Path) -> None:
    folder = _write_with_km(tmp_path)

    delete_certificate(load_certificate(folder))

    assert not folder.exists()


def test_a_lone_km_file_is_no_pair_and_stays_on_delete(tmp_path: Path) -> None:
    folder = _write(tmp_path)
    (folder / "kmCert.der").write_bytes(KM_CERT_DER)

    stored = load_certificate(folder)
    assert not stored.has_km_pair
    delete_certificate(stored)
    assert _names(folder) == ["kmCert.der"]


def test_a_symlinked_km_key_is_not_a_pair(tmp_path: Path) -> None:
    folder = _write(tmp_path)
    (folder / "kmCert.der").write_bytes(KM_CERT_DER)
    outside = tmp_path / "elsewhere.key"
    outside.write_bytes(KM_KEY_DER)
    (folder / "kmPri.key").symlink_to(outside)

    assert not load_certificate(folder).has_km_pair
    delete_certificate(load_certificate(folder))
    assert outside.read_bytes() == KM_KEY_DER


def test_a_damaged_km_certificate_never_hides_the_signing_pair(tmp_path: Path) -> None:
    folder = _write_with_km(tmp_path)
    (folder / "kmCert.der").write_bytes(b"\x30\x03garbage")

    found = discover(tmp_path)

    assert found.problems == []
    (stored,) = found.certificates
    assert stored.cert_der == CERT_DER
    assert stored.has_km_pair
    with pytest.raises(CertificateDamaged) as caught:
        read_km_certificate(stored)
    assert caught.value.reason == msg.PROBLEM_BAD_KM_CERTIFICATE


def test_reading_a_vanished_km_pair_is_a_typed_error(tmp_path: Path) -> None:
    stored = load_certificate(_write_with_km(tmp_path))
    stored.km_cert_path.unlink()
    stored.km_key_path.unlink()

    with pytest.raises(CertificateFilesUnreadable) as cert_error:
        read_km_certificate(stored)
    assert cert_error.value.reason == msg.PROBLEM_MISSING_KM_CERT
    with pytest.raises(CertificateFilesUnreadable) as key_error:
        read_km_key_file(stored)
    assert key_error.value.reason == msg.PROBLEM_MISSING_KM_KEY


def test_a_password_change_can_replace_both_keys(tmp_path: Path) -> None:
    stored = load_certificate(_write_with_km(tmp_path))

    replace_key_file(stored, b"new sign key", km_key_der=b"new km key")

    assert stored.key_path.read_bytes() == b"new sign key"
    assert stored.km_key_path.read_bytes() == b"new km key"
    assert _mode(stored.km_key_path) == 0o600
    assert _names(stored.folder) == FOUR
