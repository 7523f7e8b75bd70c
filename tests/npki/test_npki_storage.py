"""Storage media: atomic writes with private modes, and discovery that survives junk."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from npki_testkit import FAST_ITERATIONS, PASSWORD, certificate_for, shared_key
from pypinksign import choose_cert

from mgcert.errors import MgcertError
from mgcert.npki import storage
from mgcert.npki.keyfile import decrypt_private_key, encrypt_private_key, new_random_num
from mgcert.npki.names import InvalidName
from mgcert.npki.storage import (
    CertificateFilesUnreadable,
    CertificateFolderExists,
    MediumKind,
    MediumNotWritable,
    StoredCertificate,
    UnsafeFolderName,
    check_writable,
    delete_certificate,
    discover,
    read_key_file,
    replace_key_file,
    write_certificate,
)

ORG = "MGSIM"
CN = "홍길동()0045000000122026112401"
FOLDER = f"cn={CN},ou=MG,ou=personal4IB,o={ORG},c=kr"
CERT_DER = certificate_for(shared_key(0), cn=CN).public_bytes(serialization.Encoding.DER)
KEY_DER = encrypt_private_key(shared_key(0), PASSWORD, new_random_num(), iterations=FAST_ITERATIONS)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _tree(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*"))


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    # Modes must not depend on the user's umask: with 000, mkdir/open would give 0777/0666.
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


# --- media --------------------------------------------------------------------------


def test_media_have_korean_labels_and_the_token_is_not_available() -> None:
    assert [kind.label for kind in MediumKind] == [
        "하드디스크",
        "이동식디스크",
        "휴대폰",
        "보안토큰",
    ]
    assert [kind for kind in MediumKind if not kind.available] == [MediumKind.TOKEN]


# --- writing ------------------------------------------------------------------------


@pytest.mark.usefixtures("permissive_umask")
def test_write_lays_out_npki_folders_with_private_modes(tmp_path: Path) -> None:
    root = tmp_path / "usb"

    folder = write_certificate(root, ORG, FOLDER, CERT_DER, KEY_DER)

    assert folder == root / "NPKI" / ORG / "USER" / FOLDER
    assert (folder / "signCert.der").read_bytes() == CERT_DER
    assert (folder / "signPri.key").read_bytes() == KEY_DER
    for path in (root, root / "NPKI", root / "NPKI" / ORG, root / "NPKI" / ORG / "USER", folder):
        assert _mode(path) == 0o700, path
    assert _mode(folder / "signPri.key") == 0o600
    assert _mode(folder / "signCert.der") == 0o644


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)  # the idempotent path too

    assert _tree(tmp_path) == [
        "NPKI",
        f"NPKI/{ORG}",
        f"NPKI/{ORG}/USER",
        f"NPKI/{ORG}/USER/{FOLDER}",
        f"NPKI/{ORG}/USER/{FOLDER}/signCert.der",
        f"NPKI/{ORG}/USER/{FOLDER}/signPri.key",
    ]


def test_failed_write_of_a_new_folder_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = storage._write_new_file

    def fail_on_certificate(path: Path, data: bytes, mode: int, **options: bool) -> None:
        if path.name == "signCert.der":
            raise OSError(28, "No space left on device")
        real_write(path, data, mode, **options)

    monkeypatch.setattr(storage, "_write_new_file", fail_on_certificate)

    with pytest.raises(MediumNotWritable):
        write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)

    assert _tree(tmp_path) == ["NPKI", f"NPKI/{ORG}", f"NPKI/{ORG}/USER"]


# --- an existing folder is never replaced -----------------------------------------------

OTHER_CERT_DER = certificate_for(shared_key(1), cn=CN).public_bytes(serialization.Encoding.DER)
OTHER_KEY_DER = encrypt_private_key(
    shared_key(1), PASSWORD, new_random_num(), iterations=FAST_ITERATIONS
)


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each file's inode and bytes: a rewrite with equal bytes still changes the inode."""
    return {path.name: (path.stat().st_ino, path.read_bytes()) for path in folder.iterdir()}


def test_a_different_certificate_never_replaces_an_existing_folder(tmp_path: Path) -> None:
    # The bug: a second certificate with the same folder name replaced a paid
    # certificate's signPri.key.
    folder = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    before = _snapshot(folder)

    with pytest.raises(CertificateFolderExists) as caught:
        write_certificate(tmp_path, ORG, FOLDER, OTHER_CERT_DER, OTHER_KEY_DER)

    assert _snapshot(folder) == before
    assert caught.value.folder == folder
    assert str(caught.value) == (
        f"저장매체의 같은 이름 폴더에 다른 인증서가 이미 있어 저장하지 않았습니다: {folder}"
    )
    assert isinstance(caught.value, storage.StorageError)
    assert isinstance(caught.value, MgcertError)
    assert _tree(tmp_path)[-2:] == [
        f"NPKI/{ORG}/USER/{FOLDER}/signCert.der",
        f"NPKI/{ORG}/USER/{FOLDER}/signPri.key",
    ]


def test_writing_the_same_pair_again_returns_the_folder_untouched(tmp_path: Path) -> None:
    # A retried write after a crash (or a second copy of the same certificate).
    folder = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    before = _snapshot(folder)

    assert write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER) == folder

    assert _snapshot(folder) == before


def test_the_same_certificate_with_another_key_file_is_left_as_it_is(tmp_path: Path) -> None:
    # The copy already there had its password changed: its key file is still this
    # certificate's key and must not be rolled back to the older one.
    folder = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    newer_key = encrypt_private_key(
        shared_key(0), "New-pass-2027!", new_random_num(), iterations=FAST_ITERATIONS
    )
    replace_key_file(_stored_at(tmp_path), newer_key)
    before = _snapshot(folder)

    assert write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER) == folder

    assert _snapshot(folder) == before
    assert read_key_file(_stored_at(tmp_path)) == newer_key


def _put_in_the_way(user: Path, what: str) -> None:
    target = user / FOLDER
    if what == "file":
        target.write_bytes(b"not a folder")
    elif what == "symlink":
        elsewhere = user.parent / "elsewhere"
        elsewhere.mkdir()
        (elsewhere / "signCert.der").write_bytes(CERT_DER)
        (elsewhere / "signPri.key").write_bytes(KEY_DER)
        target.symlink_to(elsewhere)
    else:
        target.mkdir()
        if what in ("cert-only", "key-is-folder"):
            (target / "signCert.der").write_bytes(CERT_DER)
        if what == "key-is-folder":
            (target / "signPri.key").mkdir()
        if what == "key-only":
            (target / "signPri.key").write_bytes(KEY_DER)


@pytest.mark.parametrize(
    "what", ["file", "symlink", "empty-folder", "cert-only", "key-only", "key-is-folder"]
)
def test_anything_else_in_the_way_is_refused_and_left_alone(tmp_path: Path, what: str) -> None:
    user = tmp_path / "NPKI" / ORG / "USER"
    user.mkdir(parents=True)
    _put_in_the_way(user, what)
    before = _tree(tmp_path)

    with pytest.raises(CertificateFolderExists):
        write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)

    assert _tree(tmp_path) == before


@pytest.mark.parametrize(
    "folder_name",
    ["../escape", "cn=../../escape", "cn=a/b", "cn=a\\b", "..", "USER", "x,cn=y", "cn=\x00"],
)
def test_unsafe_folder_names_are_refused(tmp_path: Path, folder_name: str) -> None:
    with pytest.raises(UnsafeFolderName):
        write_certificate(tmp_path / "medium", ORG, folder_name, CERT_DER, KEY_DER)

    assert not (tmp_path / "medium").exists()
    assert not (tmp_path / "escape").exists()


@pytest.mark.parametrize("org", ["../evil", "a/b", "", ".."])
def test_unsafe_ca_org_is_refused(tmp_path: Path, org: str) -> None:
    with pytest.raises(InvalidName):
        write_certificate(tmp_path / "medium", org, FOLDER, CERT_DER, KEY_DER)

    assert list(tmp_path.iterdir()) == []


def test_planted_symlink_in_the_npki_path_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "usb"
    (root / "NPKI").mkdir(parents=True)
    (root / "NPKI" / ORG).symlink_to(elsewhere)

    with pytest.raises(MediumNotWritable):
        write_certificate(root, ORG, FOLDER, CERT_DER, KEY_DER)

    assert list(elsewhere.iterdir()) == []


def test_write_to_a_medium_under_a_regular_file_fails_cleanly(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-mount-point"
    blocker.write_bytes(b"a file where a folder should be")

    with pytest.raises(MediumNotWritable) as caught:
        write_certificate(blocker / "usb", ORG, FOLDER, CERT_DER, KEY_DER)

    assert "쓸 수 없습니다" in str(caught.value)


def test_missing_removable_root_is_not_created(tmp_path: Path) -> None:
    unplugged = tmp_path / "media" / "usb"

    with pytest.raises(MediumNotWritable):
        write_certificate(unplugged, ORG, FOLDER, CERT_DER, KEY_DER, create_root=False)

    assert not unplugged.exists()


# --- check_writable ----------------------------------------------------------------------


def test_check_writable_accepts_a_folder_and_leaves_it_clean(tmp_path: Path) -> None:
    check_writable(tmp_path)

    assert list(tmp_path.iterdir()) == []


def test_check_writable_creates_a_missing_harddisk_root(tmp_path: Path) -> None:
    root = tmp_path / "home" / "media" / "harddisk"

    check_writable(root)

    assert root.is_dir()


@pytest.mark.parametrize("create_root", [True, False])
def test_check_writable_refuses_a_path_under_a_regular_file(
    tmp_path: Path, create_root: bool
) -> None:
    # Stands in for a read-only or vanished removable disk (tests run as root, so
    # permission bits alone would not stop a write).
    blocker = tmp_path / "file"
    blocker.write_text("x")

    with pytest.raises(MediumNotWritable, match="저장매체"):
        check_writable(blocker / "usb", create_root=create_root)


def test_check_writable_refuses_a_root_that_is_a_file(tmp_path: Path) -> None:
    root = tmp_path / "file"
    root.write_text("x")

    with pytest.raises(MediumNotWritable):
        check_writable(root)


def test_check_writable_refuses_a_missing_root_without_creating_it(tmp_path: Path) -> None:
    with pytest.raises(MediumNotWritable):
        check_writable(tmp_path / "gone", create_root=False)

    assert not (tmp_path / "gone").exists()


# --- discovery ------------------------------------------------------------------------


def test_discover_finds_what_write_wrote(tmp_path: Path) -> None:
    folder = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)

    found = discover(tmp_path)

    assert found.problems == []
    [stored] = found.certificates
    assert stored.folder == folder
    assert stored.cert_der == CERT_DER
    assert stored.key_path == folder / "signPri.key"
    assert stored.ca_folder == ORG
    assert stored.certificate.subject.rfc4514_string().startswith(f"CN={CN}")
    assert read_key_file(stored) == KEY_DER


def test_pypinksign_discovers_and_opens_what_we_wrote(tmp_path: Path) -> None:
    # PyPinkSign walks NPKI/ for folders whose parent is exactly USER and whose name
    # starts with "cn=", then loads signCert.der and signPri.key from there.
    write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)

    found = choose_cert(base_path=str(tmp_path / "NPKI"), cn="홍길동", pw=PASSWORD.encode())

    assert found.cn() == CN
    assert found.prikey.private_numbers() == shared_key(0).private_numbers()


def test_discover_on_an_empty_or_missing_medium(tmp_path: Path) -> None:
    assert discover(tmp_path / "missing") == storage.Discovery(certificates=[], problems=[])
    assert discover(tmp_path) == storage.Discovery(certificates=[], problems=[])


def test_discover_reports_npki_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "NPKI").write_text("not a folder")

    found = discover(tmp_path)

    assert found.certificates == []
    assert [problem.path for problem in found.problems] == [tmp_path / "NPKI"]


def test_discover_reports_junk_and_still_finds_the_good_certificate(tmp_path: Path) -> None:
    good = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    user = good.parent

    def cert_folder(name: str, cert: bytes | None = CERT_DER, key: bytes | None = KEY_DER) -> Path:
        folder = user / name
        folder.mkdir()
        if cert is not None:
            (folder / "signCert.der").write_bytes(cert)
        if key is not None:
            (folder / "signPri.key").write_bytes(key)
        return folder

    cert_folder("cn=missing-key", key=None)
    cert_folder("cn=missing-cert", cert=None)
    cert_folder("cn=bad-der", cert=b"\x30\x03\x02\x01\x00")
    cert_folder("cn=huge", cert=b"\x30" * (storage.MAX_FILE_SIZE + 1))
    os.mkfifo(cert_folder("cn=fifo", cert=None) / "signCert.der")  # must not block
    (user / "cn=linked-folder").symlink_to(good)
    (cert_folder("cn=linked-cert", cert=None) / "signCert.der").symlink_to(good / "signCert.der")
    (cert_folder("cn=key-is-folder", key=None) / "signPri.key").mkdir()
    cert_folder("not-a-cert-folder")
    (user / "stray.txt").write_text("junk")
    (user / ".DS_Store").write_bytes(b"\x00\x00")  # hidden files are ignored
    (tmp_path / "NPKI" / "readme.txt").write_text("ignored: not under USER")
    (tmp_path / "NPKI" / "yessign").mkdir()  # a CA folder without USER: ignored

    found = discover(tmp_path)

    assert [stored.folder for stored in found.certificates] == [good]
    reasons = {
        problem.path.relative_to(user).as_posix(): problem.reason for problem in found.problems
    }
    assert reasons == {
        "cn=bad-der": "인증서 파일(signCert.der)의 형식이 올바르지 않습니다.",
        "cn=fifo/signCert.der": "파일을 읽을 수 없습니다.",
        "cn=huge/signCert.der": "파일이 너무 커서 인증서 파일이 아닙니다.",
        "cn=key-is-folder/signPri.key": "파일을 읽을 수 없습니다.",
        "cn=linked-cert/signCert.der": "링크(바로가기)는 따라가지 않습니다.",
        "cn=linked-folder": "링크(바로가기)는 따라가지 않습니다.",
        "cn=missing-cert/signCert.der": "인증서 파일(signCert.der)이 없습니다.",
        "cn=missing-key/signPri.key": "개인키 파일(signPri.key)이 없습니다.",
        "not-a-cert-folder": "인증서 폴더가 아닙니다.",
        "stray.txt": "인증서 폴더가 아닙니다.",
    }
    # Only the unparsable certificate is "damaged" (reported by its folder).
    assert [problem.path for problem in found.problems if problem.damaged] == [user / "cn=bad-der"]


def test_discover_finds_certificates_of_several_cas_in_name_order(tmp_path: Path) -> None:
    other = f"cn={CN},ou=MG,ou=personal4IB,o=OTHERSIM,c=kr"
    second = write_certificate(tmp_path, "OTHERSIM", other, CERT_DER, KEY_DER)
    first = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)

    assert [stored.folder for stored in discover(tmp_path).certificates] == [first, second]


# --- key file and deletion ------------------------------------------------------------


def _stored(tmp_path: Path) -> StoredCertificate:
    write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    return _stored_at(tmp_path)


def _stored_at(root: Path) -> StoredCertificate:
    [stored] = discover(root).certificates
    return stored


@pytest.mark.usefixtures("permissive_umask")
def test_replace_key_file_is_atomic_and_private(tmp_path: Path) -> None:
    stored = _stored(tmp_path)
    new_key = encrypt_private_key(
        shared_key(0), "New-pass-2027!", new_random_num(), iterations=FAST_ITERATIONS
    )

    replace_key_file(stored, new_key)

    assert read_key_file(stored) == new_key
    assert decrypt_private_key(read_key_file(stored), "New-pass-2027!")
    assert _mode(stored.key_path) == 0o600
    assert sorted(p.name for p in stored.folder.iterdir()) == ["signCert.der", "signPri.key"]


def test_failed_key_replacement_keeps_the_old_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored = _stored(tmp_path)

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)

    with pytest.raises(MediumNotWritable):
        replace_key_file(stored, b"new key")

    assert stored.key_path.read_bytes() == KEY_DER
    assert sorted(p.name for p in stored.folder.iterdir()) == ["signCert.der", "signPri.key"]


def test_read_key_file_of_a_vanished_key_is_a_typed_error(tmp_path: Path) -> None:
    stored = _stored(tmp_path)
    stored.key_path.unlink()

    with pytest.raises(CertificateFilesUnreadable, match=r"signPri\.key"):
        read_key_file(stored)


def test_delete_removes_both_files_and_the_folder(tmp_path: Path) -> None:
    stored = _stored(tmp_path)

    delete_certificate(stored)

    assert not stored.folder.exists()
    assert (tmp_path / "NPKI" / ORG / "USER").is_dir()
    assert discover(tmp_path).certificates == []


def test_delete_keeps_files_it_does_not_own(tmp_path: Path) -> None:
    stored = _stored(tmp_path)
    (stored.folder / "kmCert.der").write_bytes(b"another program's file")

    delete_certificate(stored)

    assert sorted(p.name for p in stored.folder.iterdir()) == ["kmCert.der"]
