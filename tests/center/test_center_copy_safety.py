"""복사 never overwrites silently (issue 14 point 11): the same certificate on the target,
or another one in the folder the copy needs, is refused before anything is written —
the target's bytes and mtimes stay as they were — unless the caller asks to replace the
other certificate; the copy's entry names itself so a screen can find it again."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from center_support import KIM, NOW, copy_template, demo_entry, entry, issue, phone
from job_invariants import DEMO_PASSWORD, Operation, killed, mgcert

from mgcert.center import (
    MEDIUM_FAILURES,
    CertificateAlreadyOnMedium,
    CertificateCenter,
    CopyTargetOccupied,
    MediumLocation,
)
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.center.management import COPY_OCCUPANT_DELETED
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.keyfile import decrypt_private_key
from mgcert.npki.storage import CertificateFolderExists

Snapshot = dict[str, tuple[bytes | None, int]]


def _snapshot(root: Path) -> Snapshot:
    """Every file's bytes and every file's and folder's mtime under ``root``."""
    return {
        str(path.relative_to(root)): (
            path.read_bytes() if path.is_file() else None,
            path.stat().st_mtime_ns,
        )
        for path in [root, *sorted(root.rglob("*"))]
    }


def _kim_in_the_demo_folder(center: CertificateCenter, target: MediumLocation) -> Path:
    """김민준's certificate in a folder of ``target`` named like 박지훈's (the CN clash a
    copy can meet), returned as that folder."""
    other = entry(center, issue(center, KIM).serial_hex)
    taken = target.root / "NPKI" / other.stored.ca_folder / "USER"
    taken = taken / demo_entry(center).stored.folder.name
    taken.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(other.stored.folder, taken)
    return taken


@pytest.mark.parametrize("overwrite", [False, True])
def test_the_same_certificate_on_the_target_is_refused_and_left_alone(
    center: CertificateCenter, overwrite: bool
) -> None:
    demo = demo_entry(center)
    center.copy_certificate(demo, phone(center))
    before = _snapshot(phone(center).root)

    with pytest.raises(CertificateAlreadyOnMedium) as raised:
        center.copy_certificate(demo, phone(center), overwrite=overwrite)

    assert "이미 그 저장매체(휴대폰)에 있습니다" in str(raised.value)
    assert isinstance(raised.value, MEDIUM_FAILURES)  # "choose another medium"
    assert _snapshot(phone(center).root) == before


def test_the_same_certificate_in_a_renamed_folder_is_found_too(
    center: CertificateCenter,
) -> None:
    demo = demo_entry(center)
    copied = center.copy_certificate(demo, phone(center))
    renamed = copied.stored.folder.with_name("cn=renamed,ou=x,o=y,c=kr")
    copied.stored.folder.rename(renamed)
    before = _snapshot(phone(center).root)

    with pytest.raises(CertificateAlreadyOnMedium) as raised:
        center.copy_certificate(demo, phone(center))

    assert raised.value.folder == renamed
    assert _snapshot(phone(center).root) == before


def test_another_certificate_in_the_way_is_refused_and_named(center: CertificateCenter) -> None:
    taken = _kim_in_the_demo_folder(center, phone(center))
    kim_serial = storage.load_certificate(taken).certificate.serial_number
    before = _snapshot(phone(center).root)

    with pytest.raises(CopyTargetOccupied) as raised:
        center.copy_certificate(demo_entry(center), phone(center))

    assert raised.value.occupant.serial == kim_serial
    assert format(kim_serial, "x") in str(raised.value)
    assert "덮어쓰기" in str(raised.value)
    assert _snapshot(phone(center).root) == before


def test_overwrite_replaces_only_the_certificate_in_the_way(center: CertificateCenter) -> None:
    taken = _kim_in_the_demo_folder(center, phone(center))
    center.simulator.make_other_institution_certificate(
        KIM.customer_id, phone(center), "Other!pw123"
    )
    others = {
        e.serial: _snapshot(e.stored.folder)
        for e in center.list_certificates(phone(center)).entries
        if e.stored.folder != taken
    }
    demo = demo_entry(center)

    copied = center.copy_certificate(demo, phone(center), overwrite=True)

    assert copied.stored.folder == taken
    assert copied.serial == demo.serial
    assert storage.load_certificate(taken).cert_der == demo.stored.cert_der
    decrypt_private_key(storage.read_key_file(copied.stored), DEMO_CERTIFICATE_PASSWORD)
    listing = center.list_certificates(phone(center))
    assert {e.serial for e in listing.entries} == {demo.serial, *others}
    for e in listing.entries:
        if e.serial in others:
            assert _snapshot(e.stored.folder) == others[e.serial]


def test_a_damaged_folder_in_the_way_is_never_deleted(center: CertificateCenter) -> None:
    demo = demo_entry(center)
    junk = phone(center).root / "NPKI" / demo.stored.ca_folder / "USER" / demo.stored.folder.name
    junk.mkdir(parents=True)
    (junk / "signCert.der").write_bytes(b"not a certificate")
    before = _snapshot(phone(center).root)

    with pytest.raises(CertificateFolderExists):
        center.copy_certificate(demo, phone(center), overwrite=True)

    assert _snapshot(phone(center).root) == before


def test_the_copys_identity_finds_it_in_a_fresh_listing(center: CertificateCenter) -> None:
    issue(center, KIM, location=phone(center))  # another entry to sort beside it
    copied = center.copy_certificate(demo_entry(center), phone(center))

    listing = center.list_certificates(phone(center))
    index = listing.index_of(copied.identity)

    assert index is not None
    assert listing.entries[index].serial == demo_entry(center).serial
    assert listing.entries[index].name == "박지훈"
    assert listing.index_of(demo_entry(center).identity) is None  # the source is elsewhere


# --- real processes -----------------------------------------------------------------------

_COPY = Operation(
    "copy",
    ("copy", "--name", "박지훈", "--to", "phone", "--overwrite"),
    DEMO_PASSWORD,
    fee=False,
)


def test_a_kill_between_removing_the_old_and_writing_the_copy_loses_nothing_asked_for(
    center_template: Path, home: DataHome
) -> None:
    copy_template(center_template, home)
    with CertificateCenter.open(home, _clock(home), iterations=2048) as center:
        taken = _kim_in_the_demo_folder(center, phone(center))
        source = _snapshot(demo_entry(center).stored.folder)

    crashed = mgcert(*_COPY.argv, env=_COPY.env(home, crash_at=COPY_OCCUPANT_DELETED))

    assert killed(crashed), crashed.stderr
    with CertificateCenter.open(home, _clock(home), iterations=2048) as center:
        assert _snapshot(demo_entry(center).stored.folder) == source
        assert center.list_certificates(phone(center)).entries == []
    assert not taken.exists()  # the certificate the user chose to replace
    again = mgcert(*_COPY.argv[:-1], env=_COPY.env(home))  # no --overwrite needed now
    assert again.returncode == 0, again.stderr
    assert storage.load_certificate(taken).certificate.subject.rfc4514_string()


def test_two_copies_at_once_leave_one_copy_and_no_traceback(
    center_template: Path, home: DataHome
) -> None:
    copy_template(center_template, home)
    argv = _COPY.argv[:-1]
    results: list[tuple[int, str, str]] = []

    def run() -> None:
        done = mgcert(*argv, env=_COPY.env(home))
        results.append((done.returncode, done.stdout, done.stderr))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(code for code, _, _ in results)[0] == 0, results
    for code, out, err in results:
        assert code in (0, 1), err
        assert "Traceback" not in err
        if code == 1:
            assert "CertificateAlreadyOnMedium" in out
    with CertificateCenter.open(home, _clock(home), iterations=2048) as center:
        (copied,) = center.list_certificates(phone(center)).entries
        assert copied.serial == demo_entry(center).serial
        decrypt_private_key(storage.read_key_file(copied.stored), DEMO_CERTIFICATE_PASSWORD)


def _clock(home: DataHome) -> Clock:
    return Clock(pinned=NOW, state_file=home.clock_file)
