"""Who a simulated CA is: its names and the (unresolvable) URIs it writes into certificates."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.x509.oid import NameOID

from mgcert.npki.names import validate_org

# RFC 2606 reserves .invalid: nothing a certificate points at can ever resolve.
_RESERVED_TLD = ".invalid"
_CA_OU_ROOT = "RootCA"
_CA_OU_ISSUING = "AccreditedCA"


@dataclass(frozen=True)
class CaProfile:
    """Names and URIs of one simulated CA.

    ``org`` is the O of the CA and of its subscribers, and the NPKI folder name
    (``NPKI/<org>/USER/...``). Every URI must be under the ``.invalid`` TLD.
    """

    org: str
    root_cn: str
    issuing_cn: str
    crl_url: str
    ocsp_url: str
    cps_url: str

    def __post_init__(self) -> None:
        validate_org(self.org)
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
)
"""Another institution's simulated CA, for 타기관 인증서 등록."""
