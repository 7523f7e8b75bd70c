"""Failures of the PKI server a user may see (one Korean sentence each)."""

from __future__ import annotations

import errno

from mgcert.errors import MgcertError
from mgcert.pki import messages as msg


class PkiServerError(MgcertError):
    """Base class of the PKI server's failures."""


class PkiAddressUnavailable(PkiServerError):
    """The server cannot listen at the address (in use, not allowed, not ours)."""

    def __init__(self, host: str, port: int, error: OSError) -> None:
        self.host = host
        self.port = port
        if error.errno == errno.EADDRINUSE:
            text = msg.ADDRESS_IN_USE.format(host=host, port=port)
        elif error.errno in (errno.EACCES, errno.EPERM):
            text = msg.ADDRESS_FORBIDDEN.format(host=host, port=port)
        else:
            reason = error.strerror or str(error)
            text = msg.ADDRESS_UNAVAILABLE.format(host=host, port=port, reason=reason)
        super().__init__(text)


class PkiUrlUnusable(PkiServerError):
    """The data home's PKI URL has no host and port a server can listen at."""

    def __init__(self, url: str) -> None:
        self.url = url
        super().__init__(msg.BAD_PKI_URL.format(url=url))


class PkiWorkersFailed(PkiServerError):
    """Every worker process of ``mgcert serve`` ended on its own."""

    default_message = msg.WORKERS_FAILED
