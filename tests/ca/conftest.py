"""Fixtures for the CA tests: one CA per worker session, keys made once.

RSA key generation costs 50-100 ms, so subscriber keys and the shared CA are
session-scoped. Tests that move time open a second handle on the shared CA's folder
with their own clock (cheap: it only loads the keys) instead of touching the shared one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from ca_support import (
    CA_NOW,
    CN_PREFIX,
    HOLDER_RANDOM_NUM,
    HOLDER_RRN,
    Holder,
    MakeCsr,
    MakeRequest,
    OpenCa,
    csr_for,
)
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import MG_CA_PROFILE, OTHER_CA_PROFILE, CertificateAuthority, IssueRequest
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import compute_vid


@pytest.fixture(scope="session")
def ca_now() -> datetime:
    """The instant every CA test starts at: 2026-11-24 10:00 KST."""
    return CA_NOW


@pytest.fixture(scope="session")
def holder() -> Holder:
    return Holder(
        name="홍길동",
        cn=CN_PREFIX,  # each certificate's CN is this + the CA's 9-digit number
        rrn=HOLDER_RRN,
        random_num=HOLDER_RANDOM_NUM,
        other_rrn="9001012234568",
    )


@pytest.fixture(scope="session")
def make_csr() -> MakeCsr:
    return csr_for


@pytest.fixture(scope="session")
def subscriber_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def csr_der(subscriber_key: rsa.RSAPrivateKey) -> bytes:
    return csr_for(subscriber_key)


@pytest.fixture(scope="session")
def make_request() -> MakeRequest:
    def make(
        kind: CertificateKind = CertificateKind.GENERAL,
        *,
        cn: str | None = None,
        real_name: str = "홍길동",
        vid: bytes | None = None,
        not_after: datetime | None = None,
    ) -> IssueRequest:
        # CNs are unique at the CA: by default the CA numbers each one (as the center asks).
        return IssueRequest(
            cn=CN_PREFIX if cn is None else cn,
            cn_number_digits=9 if cn is None else 0,
            real_name=real_name,
            vid=compute_vid(HOLDER_RRN, HOLDER_RANDOM_NUM) if vid is None else vid,
            kind=kind,
            not_after=not_after,
        )

    return make


@pytest.fixture(scope="session")
def ca_home(tmp_path_factory: pytest.TempPathFactory) -> DataHome:
    return DataHome(tmp_path_factory.mktemp("ca-home")).ensure()


@pytest.fixture(scope="session")
def mg_ca(ca_home: DataHome) -> Iterator[CertificateAuthority]:
    """The MG CA at 2026-11-24 10:00 KST; never move its clock (use ``mg_ca_at``)."""
    with CertificateAuthority.open(
        ca_home.ca_dir, ca_home.ca_db, Clock(pinned=CA_NOW), MG_CA_PROFILE
    ) as authority:
        yield authority


@pytest.fixture(scope="session")
def other_ca(ca_home: DataHome) -> Iterator[CertificateAuthority]:
    with CertificateAuthority.open(
        ca_home.other_ca_dir, ca_home.other_ca_db, Clock(pinned=CA_NOW), OTHER_CA_PROFILE
    ) as authority:
        yield authority


@pytest.fixture
def mg_ca_at(mg_ca: CertificateAuthority, ca_home: DataHome) -> Iterator[OpenCa]:
    """Open another handle on the shared MG CA that reads the given clock."""
    opened: list[CertificateAuthority] = []

    def open_with(clock: Clock) -> CertificateAuthority:
        authority = CertificateAuthority.open(ca_home.ca_dir, ca_home.ca_db, clock, MG_CA_PROFILE)
        opened.append(authority)
        return authority

    yield open_with
    for authority in opened:
        authority.close()


@pytest.fixture
def fresh_clock() -> Clock:
    """A clock at the CA tests' fixed time that a test may move."""
    return Clock(pinned=CA_NOW)


@pytest.fixture
def fresh_ca(home: DataHome, fresh_clock: Clock) -> Iterator[CertificateAuthority]:
    """A CA of its own in a fresh data home (costs two key generations)."""
    with CertificateAuthority.open(
        home.ca_dir, home.ca_db, fresh_clock, MG_CA_PROFILE
    ) as authority:
        yield authority
