"""Where a CA's certificates, lists and OCSP responder are found (the data home's PKI URL).

The base URL is fixed when a data home's CA register is created (``meta`` key
``pki_url``, default :data:`DEFAULT_PKI_URL`) and every certificate the CA makes points
under it. With ``org = profile.org.lower()`` the layout is::

    {base}/{org}/issuing.crl  the issuing CA's CRL    user certificates' CRL DP
    {base}/{org}/ocsp         OCSP responder          user certificates' AIA OCSP
    {base}/{org}/issuing.der  issuing CA certificate  user certificates' AIA caIssuers
    {base}/{org}/root.arl     the root's ARL          the issuing CA certificate's CRL DP
    {base}/{org}/root.der     root CA certificate     the issuing CA certificate's AIA caIssuers
    {base}/{org}/cps          CPS                     CPS URI in certificatePolicies (both)

The file names are those of the CA folder (``<ca dir>/issuing.crl`` …), so a server maps
``/{org}/<name>`` to the CA's file of that name (after :meth:`CertificateAuthority.crl`
/ :meth:`~CertificateAuthority.arl` brought the lists up to date).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from mgcert.ca.errors import InvalidPkiUrl

DEFAULT_PKI_URL = "http://127.0.0.1:8389"
MAX_PKI_URL_LENGTH = 200

CRL_NAME = "issuing.crl"
ARL_NAME = "root.arl"
ROOT_CERT_NAME = "root.der"
ISSUING_CERT_NAME = "issuing.der"
OCSP_NAME = "ocsp"
CPS_NAME = "cps"

_SCHEMES = ("http", "https")
# Characters RFC 3986 never allows unescaped in a URI (besides space and controls).
_UNSAFE = set('<>"{}|\\^`')


def org_segment(org: str) -> str:
    """The path segment of one CA under the base URL: its O value in lower case."""
    return org.lower()


@dataclass(frozen=True)
class CaUrls:
    """Every URL one CA writes into certificates.

    ``base`` is the data home's PKI URL, or ``None`` for a data home made before it
    existed (whose certificates keep the ``.invalid`` URLs of its :class:`CaProfile`).
    """

    base: str | None
    crl: str
    ocsp: str
    issuing_certificate: str
    arl: str
    root_certificate: str
    cps: str

    @classmethod
    def under(cls, base: str, org: str) -> CaUrls:
        """The layout above under ``base`` (a URL :func:`validate_pki_url` accepted)."""
        prefix = f"{base}/{org_segment(org)}"
        return cls(
            base=base,
            crl=f"{prefix}/{CRL_NAME}",
            ocsp=f"{prefix}/{OCSP_NAME}",
            issuing_certificate=f"{prefix}/{ISSUING_CERT_NAME}",
            arl=f"{prefix}/{ARL_NAME}",
            root_certificate=f"{prefix}/{ROOT_CERT_NAME}",
            cps=f"{prefix}/{CPS_NAME}",
        )


def validate_pki_url(url: str) -> str:
    """``url`` as a PKI base URL (surrounding spaces and trailing slashes removed).

    Accepted: ``http://`` or ``https://``, a host (name, IPv4 or ``[IPv6]``), an
    optional port and path; ASCII only, no user name or password, no ``?`` query and no
    ``#`` fragment. Anything else is :class:`InvalidPkiUrl`.
    """
    text = url.strip()
    if (
        not text
        or len(text) > MAX_PKI_URL_LENGTH
        or not text.isascii()
        or any(ch.isspace() or ord(ch) < 0x21 or ord(ch) == 0x7F or ch in _UNSAFE for ch in text)
        or "?" in text
        or "#" in text
    ):
        raise InvalidPkiUrl(url)
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError for a port that is not a number in 0..65535
    except ValueError as exc:
        raise InvalidPkiUrl(url) from exc
    scheme = parts.scheme.lower()
    if (
        scheme not in _SCHEMES
        or not parts.hostname
        or parts.username is not None
        or parts.password is not None
        or port == 0
        or parts.netloc.endswith(":")
    ):
        raise InvalidPkiUrl(url)
    path = parts.path.rstrip("/")
    if any(segment in {".", ".."} for segment in path.split("/")):
        raise InvalidPkiUrl(url)
    return f"{scheme}://{parts.netloc}{path}"
