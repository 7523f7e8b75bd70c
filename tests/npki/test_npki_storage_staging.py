"""Stale staging folders (``USER/.mgcert-*``) left by a killed writer are cleaned up.

Ages are set with ``os.utime``; every test also has one stale staging folder that
must go, so a cleaner that removes nothing fails each of them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from npki_testkit import FAST_ITERATIONS, PASSWORD, certificate_for, shared_key

import mgcert
from mgcert.npki.keyfile import encrypt_private_key, new_random_num
from mgcert.npki.storage import clean_stale_staging, discover, write_certificate

ORG = "MGSIM"
FOLDER = f"cn=홍길동()0045000000122026112401,ou=MG,ou=personal4IB,o={ORG},c=kr"
CERT_DER = certificate_for(shared_key(0)).public_bytes(serialization.Encoding.DER)
KEY_DER = encrypt_private_key(shared_key(0), PASSWORD, new_random_num(), iterations=FAST_ITERATIONS)
ELEVEN_MINUTES = 11 * 60


def _age(path: Path, seconds: float) -> None:
    """Set ``path``'s mtime (not following a symlink) ``seconds`` into the past."""
    when = time.time() - seconds
    os.utime(path, (when, when), follow_symlinks=False)


def _staging(parent: Path, name: str = ".mgcert-abc123", *, age: float = ELEVEN_MINUTES) -> Path:
    """A staging folder as a killed writer leaves it: key written, certificate not yet."""
    folder = parent / name
    folder.mkdir(parents=True)
    (folder / "signPri.key").write_bytes(KEY_DER)
    _age(folder, age)
    return folder


def _user(root: Path, org: str = ORG) -> Path:
    user = root / "NPKI" / org / "USER"
    user.mkdir(parents=True, exist_ok=True)
    return user


def test_a_stale_staging_folder_goes_and_a_live_writers_stays(tmp_path: Path) -> None:
    user = _user(tmp_path)
    stale = _staging(user, ".mgcert-stale")
    live = _staging(user, ".mgcert-live", age=3)
    nine_minutes = _staging(user, ".mgcert-nine", age=9 * 60)  # under the 10-minute default
    other_ca = _staging(_user(tmp_path, "OTHERSIM"), ".mgcert-other")

    removed = clean_stale_staging(tmp_path)

    assert sorted(removed) == sorted([stale, other_ca])
    assert not stale.exists()
    assert not other_ca.exists()
    assert (live / "signPri.key").read_bytes() == KEY_DER
    assert nine_minutes.is_dir()


def test_the_threshold_can_be_chosen(tmp_path: Path) -> None:
    user = _user(tmp_path)
    minute_old = _staging(user, ".mgcert-minute", age=60)
    fresh = _staging(user, ".mgcert-fresh", age=5)

    assert clean_stale_staging(tmp_path, older_than=timedelta(seconds=30)) == [minute_old]
    assert fresh.exists()


def test_only_staging_folders_are_touched(tmp_path: Path) -> None:
    certificate = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    user = certificate.parent
    stale = _staging(user)
    _age(certificate, ELEVEN_MINUTES)
    hidden = _staging(user, ".DS_Store-folder")  # hidden, but not ours
    lookalike = _staging(user, "mgcert-no-dot")
    temp_file = user / ".mgcert-xyz.tmp"  # a file with the prefix: not a staging folder
    temp_file.write_bytes(b"x")
    _age(temp_file, ELEVEN_MINUTES)

    assert clean_stale_staging(tmp_path) == [stale]

    for kept in (certificate, hidden, lookalike, temp_file):
        assert kept.exists(), kept
    assert [stored.folder for stored in discover(tmp_path).certificates] == [certificate]


def test_staging_names_outside_npki_ca_user_are_left_alone(tmp_path: Path) -> None:
    stale = _staging(_user(tmp_path))
    certificate = write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER)
    elsewhere = [
        _staging(tmp_path),  # the medium's root
        _staging(tmp_path / "NPKI"),
        _staging(tmp_path / "NPKI" / ORG),
        _staging(certificate),  # inside a certificate folder
        _staging(tmp_path / "NPKI" / ORG / "CA"),  # a CA folder's other subfolder
        _staging(tmp_path / "NPKI" / ".mgcert-ca" / "USER"),  # a hidden "CA" folder
    ]

    assert clean_stale_staging(tmp_path) == [stale]

    for kept in elsewhere:
        assert kept.is_dir(), kept


def test_symlinks_are_never_followed(tmp_path: Path) -> None:
    user = _user(tmp_path)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("someone's file")
    _age(precious, ELEVEN_MINUTES)
    # A link named like a staging folder, a staging folder holding a link, and a USER
    # and a whole CA folder that are links to folders holding stale staging folders.
    named_link = user / ".mgcert-link"
    named_link.symlink_to(precious)
    _age(named_link, ELEVEN_MINUTES)
    stale = _staging(user)
    (stale / "link").symlink_to(precious)
    _age(stale, ELEVEN_MINUTES)
    outside_user = tmp_path / "outside-user"
    outside_staging = _staging(outside_user)
    (tmp_path / "NPKI" / "LINKED").mkdir()
    (tmp_path / "NPKI" / "LINKED" / "USER").symlink_to(outside_user)
    outside_ca = tmp_path / "outside-ca"
    outside_ca_staging = _staging(outside_ca / "USER")
    (tmp_path / "NPKI" / "LINKEDCA").symlink_to(outside_ca)

    assert clean_stale_staging(tmp_path) == [stale]

    assert (precious / "keep.txt").read_text() == "someone's file"
    assert named_link.is_symlink()
    assert outside_staging.is_dir()
    assert outside_ca_staging.is_dir()


def test_an_npki_folder_that_is_a_link_is_not_followed(tmp_path: Path) -> None:
    stale = _staging(_user(tmp_path / "usb"))
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "NPKI").symlink_to(tmp_path / "usb" / "NPKI")

    assert clean_stale_staging(tmp_path / "other") == []
    assert stale.is_dir()
    assert clean_stale_staging(tmp_path / "usb") == [stale]


def test_a_missing_medium_or_npki_folder_is_nothing_to_clean(tmp_path: Path) -> None:
    assert clean_stale_staging(tmp_path / "unplugged") == []
    assert clean_stale_staging(tmp_path) == []
    (tmp_path / "NPKI").write_text("a file")
    assert clean_stale_staging(tmp_path) == []
    stale = _staging(_user(tmp_path / "usb"))
    assert clean_stale_staging(tmp_path / "usb") == [stale]


# A writer that is killed after its staging folder is filled, before the rename.
KILLED_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from mgcert.npki import storage

    root, folder = Path(sys.argv[1]), sys.argv[2]

    def hang(src, dst):
        print("staged", flush=True)
        time.sleep(600)

    os.rename = hang
    storage.write_certificate(root, "MGSIM", folder, b"cert", b"key")
    """
)


@pytest.mark.slow
def test_what_a_killed_writer_left_is_removed_once_it_is_old(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(mgcert.__file__).parents[1])}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(tmp_path), FOLDER],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "staged", child.stderr
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    user = tmp_path / "NPKI" / ORG / "USER"
    [left] = list(user.iterdir())
    assert left.name.startswith(".mgcert-")
    assert sorted(path.name for path in left.iterdir()) == ["signCert.der", "signPri.key"]

    assert clean_stale_staging(tmp_path) == []  # just killed: could still be a writer
    _age(left, ELEVEN_MINUTES)
    assert clean_stale_staging(tmp_path) == [left]

    assert list(user.iterdir()) == []
    assert write_certificate(tmp_path, ORG, FOLDER, CERT_DER, KEY_DER) == user / FOLDER
