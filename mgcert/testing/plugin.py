"""The pytest plugin (entry point ``pytest11``): ``npki_ca`` and ``npki_cert``.

``npki_ca`` is one CA per test session *per process*, so it is safe under
pytest-xdist: each worker has its own (in its own temporary folder), none shares a
register or a port. ``npki_cert`` is a fresh, valid 일반 (은행/신용카드/보험용)
certificate for each test, written under the test's ``tmp_path``.

By default the CA reuses two key pairs across fixtures (a certificate in a few
milliseconds instead of an RSA-2048 generation each); set ``npki_fresh_keys = true``
in your pytest ini options for a new key pair per certificate.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported by the fixtures: a pytest run that uses none pays nothing
    from mgcert.testing.authority import NpkiCA
    from mgcert.testing.certificate import NpkiCertificate

FRESH_KEYS_INI = "npki_fresh_keys"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        FRESH_KEYS_INI,
        type="bool",
        default=False,
        help="mgcert: generate a new RSA key pair for every npki_ca certificate",
    )


@pytest.fixture(scope="session")
def npki_ca(
    tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config
) -> Iterator[NpkiCA]:
    """An NPKI test CA for the whole session (one per xdist worker)."""
    from mgcert.testing.authority import NpkiCA

    fresh = bool(pytestconfig.getini(FRESH_KEYS_INI))
    with NpkiCA(tmp_path_factory.mktemp("npki-ca"), reuse_keys=not fresh) as ca:
        yield ca


@pytest.fixture
def npki_cert(npki_ca: NpkiCA, tmp_path: Path) -> NpkiCertificate:
    """A fresh, valid 일반 certificate (random holder, default password) for one test."""
    return npki_ca.issue(root=tmp_path / "npki-cert")
