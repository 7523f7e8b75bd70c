"""The center writes new key files with the KeyProtection it was opened with, and a
password change keeps the file's own form and count unless told otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from center_support import (
    FAST_ITERATIONS,
    KIM,
    NEW_PASSWORD,
    PASSWORD,
    copy_template,
    demo_entry,
    harddisk,
    issue,
)

from mgcert.center import CertificateCenter, CertificateEntry
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.keyfile import (
    KeyProtection,
    KeyScheme,
    WrongKeyPassword,
    decrypt_private_key,
    encrypt_with,
    read_key_file_parameters,
)


def _written(folder: Path) -> KeyProtection:
    return read_key_file_parameters((folder / storage.KEY_FILE).read_bytes()).protection


def _rewrite_demo_key(center: CertificateCenter, protection: KeyProtection) -> CertificateEntry:
    """The demo certificate's key re-encrypted in another form (an older file)."""
    demo = demo_entry(center)
    opened = decrypt_private_key(storage.read_key_file(demo.stored), DEMO_CERTIFICATE_PASSWORD)
    key_der = encrypt_with(
        opened.private_key, DEMO_CERTIFICATE_PASSWORD, opened.random_num, protection
    )
    storage.replace_key_file(demo.stored, key_der)
    assert _written(demo.stored.folder) == protection
    return demo


@pytest.mark.parametrize("scheme", list(KeyScheme), ids=lambda s: s.cli_name)
def test_issued_key_file_has_the_centers_form_and_count(
    center_template: Path, home: DataHome, clock: Clock, scheme: KeyScheme
) -> None:
    copy_template(center_template, home)
    protection = KeyProtection(scheme, 1024)
    with CertificateCenter.open(home, clock, key_protection=protection) as center:
        assert center.key_protection == protection

        result = issue(center, KIM)

        assert _written(result.folder) == protection
        opened = decrypt_private_key((result.folder / storage.KEY_FILE).read_bytes(), PASSWORD)
        assert opened.random_num is not None


def test_other_institution_certificate_follows_the_centers_form(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    protection = KeyProtection(KeyScheme.OLD_SEED, 2048)
    with CertificateCenter.open(home, clock, key_protection=protection) as center:
        made = center.simulator.make_other_institution_certificate(
            KIM.customer_id, harddisk(center), PASSWORD
        )

        assert _written(made.stored.folder) == protection


def test_iterations_keyword_is_short_for_pbes2_at_that_count(
    center_template: Path, home: DataHome, clock: Clock
) -> None:
    copy_template(center_template, home)
    with CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS) as center:
        assert center.key_protection == KeyProtection(KeyScheme.PBES2, FAST_ITERATIONS)
        assert center.iterations == FAST_ITERATIONS
    with CertificateCenter.open(home, clock) as center:
        assert center.key_protection == KeyProtection()


def test_key_protection_and_iterations_together_are_refused(home: DataHome, clock: Clock) -> None:
    with pytest.raises(TypeError):
        CertificateCenter.open(
            home, clock, key_protection=KeyProtection.fixture(), iterations=FAST_ITERATIONS
        )


@pytest.mark.parametrize(
    "kept",
    [
        KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024),
        KeyProtection(KeyScheme.OLD_SEED, 3001),
        KeyProtection(KeyScheme.PBES2, 1024),
    ],
    ids=["seedcbc-sha1-1024", "seed-cbc-3001", "pbes2-1024"],
)
def test_password_change_keeps_the_files_form_and_count(
    center: CertificateCenter, kept: KeyProtection
) -> None:
    # The center writes new files as PBES2 at FAST_ITERATIONS: neither may leak in.
    assert center.key_protection == KeyProtection(KeyScheme.PBES2, FAST_ITERATIONS)
    demo = _rewrite_demo_key(center, kept)
    before = decrypt_private_key(storage.read_key_file(demo.stored), DEMO_CERTIFICATE_PASSWORD)

    written = center.change_password(demo, DEMO_CERTIFICATE_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)

    assert written == kept
    assert _written(demo.stored.folder) == kept
    after = decrypt_private_key(storage.read_key_file(demo.stored), NEW_PASSWORD)
    assert after.random_num == before.random_num
    assert after.private_key.private_numbers() == before.private_key.private_numbers()
    with pytest.raises(WrongKeyPassword):
        decrypt_private_key(storage.read_key_file(demo.stored), DEMO_CERTIFICATE_PASSWORD)


@pytest.mark.parametrize(
    ("scheme", "iterations", "expected"),
    [
        (KeyScheme.PBES2, None, KeyProtection(KeyScheme.PBES2, 1024)),
        (None, 4096, KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 4096)),
        (KeyScheme.OLD_SEED, 2048, KeyProtection(KeyScheme.OLD_SEED, 2048)),
    ],
    ids=["form-only", "count-only", "both"],
)
def test_password_change_overrides_only_what_it_is_told(
    center: CertificateCenter,
    scheme: KeyScheme | None,
    iterations: int | None,
    expected: KeyProtection,
) -> None:
    demo = _rewrite_demo_key(center, KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024))

    written = center.change_password(
        demo,
        DEMO_CERTIFICATE_PASSWORD,
        NEW_PASSWORD,
        NEW_PASSWORD,
        scheme=scheme,
        iterations=iterations,
    )

    assert written == expected
    assert _written(demo.stored.folder) == expected
    assert decrypt_private_key(storage.read_key_file(demo.stored), NEW_PASSWORD).random_num


def test_password_change_refuses_a_bad_override_and_keeps_the_file(
    center: CertificateCenter,
) -> None:
    demo = _rewrite_demo_key(center, KeyProtection(KeyScheme.SEED_CBC_WITH_SHA1, 1024))
    before = storage.read_key_file(demo.stored)

    with pytest.raises(ValueError, match="반복 횟수"):
        center.change_password(
            demo, DEMO_CERTIFICATE_PASSWORD, NEW_PASSWORD, NEW_PASSWORD, iterations=0
        )

    assert storage.read_key_file(demo.stored) == before
