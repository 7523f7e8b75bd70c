"""Who a simulated CA is: its names, its subscribers' bank OU, and its legacy URIs.

Data homes made since the PKI URL existed point their certificates at that URL
(:mod:`mgcert.ca.urls`); the ``.invalid`` URIs here are what homes made before keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.x509.oid import NameOID

from mgcert.ca.urls import ARL_NAME, ISSUING_CERT_NAME, ROOT_CERT_NAME, CaUrls, org_segment
from mgcert.npki.names import validate_bank_ou, validate_org
from mgcert.npki.profile import SUBJECT_OU_BANK, SUBJECT_OU_OTHER_BANK

# RFC 2606 reserves .invalid: nothing a certificate points at can ever resolve.
_RESERVED_TLD = ".invalid"
_CA_OU_ROOT = "RootCA"
_CA_OU_ISSUING = "AccreditedCA"


@dataclass(frozen=True)
class CaProfile:
    """Names and URIs of one simulated CA.

    ``org`` is the O of the CA and of its subscribers, and the NPKI folder name
    (``NPKI/<org>/USER/...``). ``bank_ou`` is the subscribers' second OU, the bank that
    took the application (MG: ``MG``; the other institution, whose CNs carry bank code
    088 신한: ``SHB``). The URIs are the legacy ones (see :meth:`legacy_urls`) and must be
    under the ``.invalid`` TLD.
    """

    org: str
    root_cn: str
    issuing_cn: str
    crl_url: str
    ocsp_url: str
    cps_url: str
    bank_ou: str = SUBJECT_OU_BANK

    def __post_init__(self) -> None:
        validate_org(self.org)
        validate_bank_ou(self.bank_ou)
        for url in (self.crl_url, self.ocsp_url, self.cps_url):
            host = urlsplit(url).hostname or ""
            if not host.endswith(_RESERVED_TLD):
                raise ValueError(f"CA URI must be under {_RESERVED_TLD}: {url}")

    @property
    def root_name(self) -> x509.Name:
        """``C=kr, O=<org>, OU=RootCA, CN=<root_cn>``."""
        return _ca_name(self.org, _CA_OU_ROOT, self.root_cn)

    @property
    def issuing_name(self) -> x509.Name:
        """``C=kr, O=<org>, OU=AccreditedCA, CN=<issuing_cn>`` — the subscribers' issuer."""
        return _ca_name(self.org, _CA_OU_ISSUING, self.issuing_cn)

    def legacy_urls(self) -> CaUrls:
        """The URLs of a data home made before the PKI URL: the profile's ``.invalid``
        CRL, OCSP and CPS URIs, and the same layout as :class:`CaUrls` on the CRL host
        for what those homes never had (ARL, CA certificates)."""
        parts = urlsplit(self.crl_url)
        prefix = f"{parts.scheme}://{parts.netloc}/{org_segment(self.org)}"
        return CaUrls(
            base=None,
            crl=self.crl_url,
            ocsp=self.ocsp_url,
            issuing_certificate=f"{prefix}/{ISSUING_CERT_NAME}",
            arl=f"{prefix}/{ARL_NAME}",
            root_certificate=f"{prefix}/{ROOT_CERT_NAME}",
            cps=self.cps_url,
        )


def _ca_name(org: str, unit: str, cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "kr"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, unit),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


MG_CA_PROFILE = CaProfile(
    org="MGSIM",
    root_cn="MGSIM TEST Root CA",
    issuing_cn="MGSIM TEST Class 1",
    crl_url="http://crl.mgsim.invalid/MGSIM-TEST-Class1.crl",
    ocsp_url="http://ocsp.mgsim.invalid/",
    cps_url="http://www.mgsim.invalid/cps.html",
)
"""The simulated CA behind MG더뱅킹's certificate center."""

OTHER_CA_PROFILE = CaProfile(
    org="OTHERSIM",
    root_cn="OTHERSIM TEST Root CA",
    issuing_cn="OTHERSIM TEST CA Class 2",
    crl_url="http://crl.othersim.invalid/OTHERSIM-TEST-Class2.crl",
    ocsp_url="http://ocsp.othersim.invalid/",
    cps_url="http://www.othersim.invalid/cps.html",
    bank_ou=SUBJECT_OU_OTHER_BANK,
)
"""Another institution's simulated CA, for 타기관 인증서 등록."""
