"""The PKI base URL: fixed in the register when the CA is created, the same for every
certificate and list afterwards; data homes made before keep their ``.invalid`` URLs."""

from __future__ import annotations

import re
import sqlite3
from datetime import timedelta

import pytest
from ca_support import CA_NOW, MakeRequest
from cryptography import x509
from cryptography.x509.oid import AuthorityInformationAccessOID, NameOID
from legacy_home import make_legacy_ca

from mgcert.ca import (
    DEFAULT_PKI_URL,
    MG_CA_PROFILE,
    OTHER_CA_PROFILE,
    CaProfile,
    CaUrls,
    CertificateAuthority,
    CertificateStatus,
    InvalidPkiUrl,
    validate_pki_url,
)
from mgcert.ca.schema import SCHEMA_VERSION
from mgcert.clock import Clock
from mgcert.home import DataHome

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _uris(certificate: x509.Certificate) -> dict[str, list[str]]:
    """The CRL DP, OCSP and caIssuers URIs and the CPS of a certificate."""
    found: dict[str, list[str]] = {"crl": [], "ocsp": [], "ca_issuers": [], "cps": []}
    extensions = certificate.extensions
    try:
        points = extensions.get_extension_for_class(x509.CRLDistributionPoints).value
        found["crl"] = [str(n.value) for p in points for n in p.full_name or []]
    except x509.ExtensionNotFound:
        pass
    try:
        access = extensions.get_extension_for_class(x509.AuthorityInformationAccess).value
        for description in access:
            key = (
                "ocsp"
                if description.access_method == AuthorityInformationAccessOID.OCSP
                else "ca_issuers"
            )
            found[key].append(str(description.access_location.value))
    except x509.ExtensionNotFound:
        pass
    try:
        policies = extensions.get_extension_for_class(x509.CertificatePolicies).value
        found["cps"] = [
            q for p in policies for q in p.policy_qualifiers or [] if isinstance(q, str)
        ]
    except x509.ExtensionNotFound:
        pass
    return found


def test_default_url_is_recorded_and_every_url_follows_the_layout(
    mg_ca: CertificateAuthority,
    other_ca: CertificateAuthority,
    ca_home: DataHome,
    csr_der: bytes,
    make_request: MakeRequest,
) -> None:
    assert DEFAULT_PKI_URL == "http://127.0.0.1:8389"
    with sqlite3.connect(ca_home.ca_db) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'pki_url'").fetchone() == (
            DEFAULT_PKI_URL,
        )
    assert mg_ca.pki_url == DEFAULT_PKI_URL
    for ca, org in ((mg_ca, "mgsim"), (other_ca, "othersim")):
        base = f"{DEFAULT_PKI_URL}/{org}"
        assert ca.urls == CaUrls(
            base=DEFAULT_PKI_URL,
            crl=f"{base}/issuing.crl",
            ocsp=f"{base}/ocsp",
            issuing_certificate=f"{base}/issuing.der",
            arl=f"{base}/root.arl",
            root_certificate=f"{base}/root.der",
            cps=f"{base}/cps",
        )
        leaf = ca.issue(csr_der, make_request())
        assert _uris(leaf) == {
            "crl": [f"{base}/issuing.crl"],
            "ocsp": [f"{base}/ocsp"],
            "ca_issuers": [f"{base}/issuing.der"],
            "cps": [f"{base}/cps"],
        }
        assert _uris(ca.issuing_certificate) == {
            "crl": [f"{base}/root.arl"],
            "ocsp": [],
            "ca_issuers": [f"{base}/root.der"],
            "cps": [f"{base}/cps"],
        }


def test_url_given_at_creation_is_kept_and_later_arguments_are_ignored(
    home: DataHome, csr_der: bytes, make_request: MakeRequest
) -> None:
    clock = Clock(pinned=CA_NOW)
    with CertificateAuthority.open(
        home.ca_dir, home.ca_db, clock, MG_CA_PROFILE, pki_url="https://pki.example.test:9443/sim/"
    ) as ca:
        assert ca.pki_url == "https://pki.example.test:9443/sim"  # trailing slash dropped
        first = ca.issue(csr_der, make_request())
    with CertificateAuthority.open(
        home.ca_dir, home.ca_db, clock, MG_CA_PROFILE, pki_url="http://127.0.0.1:1"
    ) as again:
        assert again.pki_url == "https://pki.example.test:9443/sim"
        second = again.issue(csr_der, make_request())
    with CertificateAuthority.open(home.ca_dir, home.ca_db, clock, MG_CA_PROFILE) as third:
        assert third.urls.crl == "https://pki.example.test:9443/sim/mgsim/issuing.crl"
    for certificate in (first, second):
        assert _uris(certificate)["ocsp"] == ["https://pki.example.test:9443/sim/mgsim/ocsp"]
    assert _uris(third.issuing_certificate)["crl"] == [
        "https://pki.example.test:9443/sim/mgsim/root.arl"
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8389", "http://127.0.0.1:8389"),
        ("http://127.0.0.1:8389/", "http://127.0.0.1:8389"),
        ("  HTTPS://pki.example.test//  ", "https://pki.example.test"),
        ("http://[::1]:8389/pki/", "http://[::1]:8389/pki"),
        ("http://localhost", "http://localhost"),
    ],
)
def test_accepted_urls_are_normalized(url: str, expected: str) -> None:
    assert validate_pki_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "",
        "127.0.0.1:8389",
        "ftp://127.0.0.1/",
        "ldap://ds.yessign.or.kr:389/ou=dp5p22874",
        "http://",
        "http:///path",
        "http://127.0.0.1:8389/?x=1",
        "http://127.0.0.1:8389/#top",
        "http://127.0.0.1:99999",
        "http://127.0.0.1:0",
        "http://127.0.0.1:port",
        "http://user:secret@127.0.0.1:8389",
        "http://127.0.0.1:8389/a b",
        "http://127.0.0.1:83\n89",
        "http://인증.kr",
        "http://127.0.0.1/../x",
        "http://127.0.0.1/" + "a" * 300,
    ],
)
def test_malformed_urls_are_refused_in_korean(url: str, home: DataHome) -> None:
    with pytest.raises(InvalidPkiUrl) as error:
        validate_pki_url(url)
    text = str(error.value)
    assert HANGUL.search(text)
    assert "\n" not in text
    with pytest.raises(InvalidPkiUrl):
        CertificateAuthority.open(
            home.ca_dir, home.ca_db, Clock(pinned=CA_NOW), MG_CA_PROFILE, pki_url=url
        )
    assert not home.ca_db.exists()  # refused before anything was made


@pytest.mark.parametrize("version", [1, 2])
def test_a_home_made_before_keeps_its_urls_and_ca_certificates(
    home: DataHome, csr_der: bytes, make_request: MakeRequest, version: int
) -> None:
    make_legacy_ca(home.ca_dir, home.ca_db, MG_CA_PROFILE, CA_NOW, version=version)
    issuing_before = (home.ca_dir / "issuing.der").read_bytes()
    root_before = (home.ca_dir / "root.der").read_bytes()
    clock = Clock(pinned=CA_NOW)
    with CertificateAuthority.open(
        home.ca_dir, home.ca_db, clock, MG_CA_PROFILE, create=False, pki_url="http://10.0.0.1:80"
    ) as ca:
        assert ca.pki_url is None
        assert ca.urls == MG_CA_PROFILE.legacy_urls()
        assert ca.urls.crl == MG_CA_PROFILE.crl_url
        assert all(".invalid/" in url for url in vars(ca.urls).values() if url is not None)
        # The CA certificates stay as they were; the root starts publishing an ARL.
        assert (home.ca_dir / "issuing.der").read_bytes() == issuing_before
        assert (home.ca_dir / "root.der").read_bytes() == root_before
        assert len(ca.arl()) == 0
        leaf = ca.issue(csr_der, make_request())
        assert _uris(leaf) == {
            "crl": [MG_CA_PROFILE.crl_url],
            "ocsp": [MG_CA_PROFILE.ocsp_url],
            "ca_issuers": ["http://crl.mgsim.invalid/mgsim/issuing.der"],
            "cps": [MG_CA_PROFILE.cps_url],
        }
        leaf.verify_directly_issued_by(ca.issuing_certificate)
        assert leaf.serial_number < 2**31  # new certificates get the new form
        ca.revoke(leaf.serial_number, x509.ReasonFlags.superseded)
        assert ca.status(leaf.serial_number) is CertificateStatus.REVOKED
        # The CRL number goes on from the old register's.
        number = ca.crl().extensions.get_extension_for_class(x509.CRLNumber).value.crl_number
        assert number == 2
    with sqlite3.connect(home.ca_db) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'pki_url'").fetchone() is None
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_the_other_institution_keeps_its_own_url_prefix_and_names(
    other_ca: CertificateAuthority, csr_der: bytes, make_request: MakeRequest
) -> None:
    assert other_ca.urls.crl.endswith("/othersim/issuing.crl")
    leaf = other_ca.issue(csr_der, make_request())
    [issuer_cn] = leaf.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    assert issuer_cn.value == OTHER_CA_PROFILE.issuing_cn


def test_legacy_urls_stay_under_invalid() -> None:
    for profile in (MG_CA_PROFILE, OTHER_CA_PROFILE):
        urls = profile.legacy_urls()
        assert urls.base is None
        for value in (urls.crl, urls.ocsp, urls.cps, urls.arl, urls.root_certificate):
            assert ".invalid/" in value
    with pytest.raises(ValueError, match="invalid"):
        CaProfile("MGSIM", "r", "i", "http://a.example/x", "http://b.invalid/", "http://c.invalid/")


def test_url_survives_a_later_clock(home: DataHome) -> None:
    clock = Clock(pinned=CA_NOW)
    CertificateAuthority.open(
        home.ca_dir, home.ca_db, clock, MG_CA_PROFILE, pki_url="http://pki.test:8080"
    ).close()
    clock.advance(timedelta(days=400))
    with CertificateAuthority.open(home.ca_dir, home.ca_db, clock, MG_CA_PROFILE) as ca:
        assert ca.pki_url == "http://pki.test:8080"
