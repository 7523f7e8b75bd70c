"""The PKI server around the simulated CAs: CA certificates, CRL/ARL and OCSP over HTTP.

``PkiServer(home, clock, host="127.0.0.1", port=0)`` is the Python API (a context
manager that serves on a free port; ``.base_url``); ``mgcert serve`` runs it from the
command line. The responder logic is in :mod:`mgcert.pki.ocsp`.
"""

from mgcert.ca.urls import DEFAULT_PKI_URL
from mgcert.pki.errors import PkiAddressUnavailable, PkiServerError
from mgcert.pki.server import PkiServer

__all__ = [
    "DEFAULT_PKI_URL",
    "PkiAddressUnavailable",
    "PkiServer",
    "PkiServerError",
]
