"""인증서 관리 beside a damaged certificate: the list, 보기, 폐기 and the rest still work.

The damaged file is the demo certificate's own DER with one field broken
(``tests/npki/npki_damaged_der.py``); before, several of them made every listing of
the medium fail, so no certificate on it could be shown or revoked.
"""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from center_support import NEW_PASSWORD, demo_entry, harddisk, phone

from mgcert.center import CertificateCenter, CertificateEntry
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.npki import storage
from mgcert.npki.keyfile import decrypt_private_key
from mgcert.npki.storage import CertificateDamaged


def _load_damages() -> dict[str, Callable[[bytes], bytes]]:
    # A test folder is not a package; load the shared DER edits by path.
    path = Path(__file__).resolve().parents[1] / "npki" / "npki_damaged_der.py"
    spec = importlib.util.spec_from_file_location("mgcert_tests_npki_damaged_der", path)
    assert spec is not None
    assert spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    damages: dict[str, Callable[[bytes], bytes]] = module.DAMAGES
    return damages


DAMAGES = _load_damages()


def _damaged_beside(healthy: CertificateEntry, damage: str) -> Path:
    """A copy of ``healthy``'s folder next to it whose signCert.der is damaged."""
    folder = healthy.stored.folder.with_name(f"cn=손상-{damage}")
    shutil.copytree(healthy.stored.folder, folder)
    (folder / "signCert.der").write_bytes(DAMAGES[damage](healthy.stored.cert_der))
    return folder


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_the_listing_keeps_the_healthy_entry_and_names_the_damaged_folder(
    center: CertificateCenter, damage: str
) -> None:
    demo = demo_entry(center)
    damaged = _damaged_beside(demo, damage)

    listing = center.list_certificates(harddisk(center))

    assert [e.stored.folder for e in listing.entries] == [demo.stored.folder]
    assert listing.problems == [f"손상된 인증서: {damaged}"]


# The kinds that used to make every listing of the medium raise.
LISTING_BREAKERS = ["bad-version", "negative-serial", "duplicate-extension"]


@pytest.mark.parametrize("damage", LISTING_BREAKERS)
def test_operations_on_the_healthy_entry_picked_from_the_list_still_work(
    center: CertificateCenter, damage: str
) -> None:
    # As the CLI (show/revoke --serial) and the TUI picker do: list, pick, act.
    _damaged_beside(demo_entry(center), damage)
    [demo] = center.list_certificates(harddisk(center)).entries

    assert center.details(demo).name == "박지훈"  # 보기
    assert center.login_check(demo, DEMO_CERTIFICATE_PASSWORD).ok
    copied = center.copy_certificate(demo, phone(center))
    assert copied.serial == demo.serial
    ticket = center.export_certificate(demo, DEMO_CERTIFICATE_PASSWORD)
    assert len(ticket.code) == 12
    center.change_password(demo, DEMO_CERTIFICATE_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
    decrypt_private_key(storage.read_key_file(center.refresh(demo).stored), NEW_PASSWORD)
    result = center.revoke_certificate(demo, NEW_PASSWORD)  # 폐기
    assert result.crl_lists_serial


@pytest.mark.parametrize("damage", LISTING_BREAKERS)
def test_a_certificate_damaged_after_it_was_listed_is_reported_by_its_folder(
    center: CertificateCenter, damage: str
) -> None:
    demo = demo_entry(center)
    demo.stored.cert_path.write_bytes(DAMAGES[damage](demo.stored.cert_der))

    with pytest.raises(CertificateDamaged) as caught:
        center.details(center.refresh(demo))

    assert str(caught.value) == f"손상된 인증서: {demo.stored.folder}"
    assert center.list_certificates(harddisk(center)).problems == [str(caught.value)]
