"""The OCSP responder of one simulated CA (RFC 6960), on ``cryptography.x509.ocsp``.

:meth:`OcspService.answer` turns request bytes into response bytes and never raises:

- a request this CA can answer → ``successful`` with one SingleResponse: ``good``,
  ``revoked`` (time, and reason unless unspecified, as in the CRL) or ``unknown`` (a
  serial the register never held); signed by the CA's delegated responder
  (:mod:`mgcert.ca.responder`), whose certificate goes along; the nonce is echoed;
- about the issuing CA certificate itself (issuer = the root) → the root answers,
  ``revoked`` if the ARL lists it;
- bytes that are not an OCSP request, a nonce of 0 or more than 32 octets (RFC 8954
  §2.1), an unknown critical request extension → ``malformedRequest``;
- several certificates in one request → ``malformedRequest`` as well
  (``cryptography`` reads and answers one CertID per message; real clients send one);
- a CA this endpoint does not serve, or a hash it cannot match → ``unauthorized``
  (RFC 5019 §2.2.3: the responder is not authoritative);
- the register busy past its timeout → ``tryLater``; any other failure → ``internalError``.

A request without a nonce may be answered with the response signed for the same
CertID up to :data:`REUSE_FOR` earlier (simulated time), if the register still gives the
same status and the same responder signs (RFC 5019 §2.2's pre-produced responses);
a request with a nonce always gets a response signed for it.

A certificate past its end but never revoked is ``good``: OCSP reports revocation,
expiry is the client's check.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp

from mgcert.ca import CaDatabaseUnavailable, CertificateAuthority, CertificateStatus
from mgcert.ca.responder import OcspSigner, ensure_responder, root_signer
from mgcert.clock import Clock

# How long a response may be relied on (nextUpdate - thisUpdate). Revocations show at
# once for a client that asks again; one that caches is told to ask within the hour.
RESPONSE_LIFETIME = timedelta(hours=1)
MAX_NONCE_OCTETS = 32  # RFC 8954 §2.1
# A request without a nonce may get a response signed a little earlier (RFC 5019 §2.2:
# pre-produced responses), as long as the register still says the same thing.
REUSE_FOR = timedelta(seconds=60)
_CACHE_LIMIT = 4096
_HASHES: tuple[Callable[[], hashes.HashAlgorithm], ...] = (
    hashes.SHA1,
    hashes.SHA224,
    hashes.SHA256,
    hashes.SHA384,
    hashes.SHA512,
)
OCSP_REQUEST_TYPE = "application/ocsp-request"
OCSP_RESPONSE_TYPE = "application/ocsp-response"


class Subject(enum.Enum):
    """Whose certificates a request asks about."""

    SUBSCRIBER = "subscriber"  # issued by the issuing CA
    CA = "ca"  # issued by the root (the issuing CA certificate)


@dataclass(frozen=True)
class OcspAnswer:
    """One response and what it said (for the server's log line)."""

    der: bytes
    response_status: ocsp.OCSPResponseStatus
    cert_status: ocsp.OCSPCertStatus | None = None
    serial: int | None = None
    nonce: bool = False
    note: str = ""

    @property
    def summary(self) -> str:
        """``good serial=1a2b3c4d nonce`` / ``malformed_request (not an OCSP request)``."""
        if self.cert_status is None:
            text = self.response_status.name.lower()
            return f"{text} ({self.note})" if self.note else text
        parts = [self.cert_status.name.lower()]
        if self.serial is not None:
            parts.append(f"serial={self.serial:x}")
        if self.nonce:
            parts.append("nonce")
        if self.note:
            parts.append(self.note)
        return " ".join(parts)


@dataclass(frozen=True)
class _Signed:
    """A response kept for nonce-less requests: what it said and when."""

    der: bytes
    said: tuple[object, ...]
    this_update: datetime

    def fits(self, now: datetime) -> bool:
        return self.this_update <= now < self.this_update + REUSE_FOR


class _Malformed(Exception):
    """The request cannot be answered as sent (→ malformedRequest)."""


def failure(status: ocsp.OCSPResponseStatus, note: str) -> OcspAnswer:
    """An unsuccessful response (no signature, no content: RFC 6960 §4.2.1)."""
    der = ocsp.OCSPResponseBuilder.build_unsuccessful(status).public_bytes(
        serialization.Encoding.DER
    )
    return OcspAnswer(der, status, note=note)


def issuer_hashes(issuer: x509.Certificate) -> list[tuple[str, bytes, bytes]]:
    """``(hash name, issuerNameHash, issuerKeyHash)`` of ``issuer`` for every hash a
    CertID may use (RFC 6960 §4.1.1: the hash of the DN, and of the key's BIT STRING)."""
    name_der = issuer.subject.public_bytes()
    found: list[tuple[str, bytes, bytes]] = []
    for make in _HASHES:
        algorithm = make()
        digest = hashes.Hash(algorithm)
        digest.update(name_der)
        # The builder hashes the issuer argument's subjectPublicKey: the CA's own key.
        probe = ocsp.OCSPRequestBuilder().add_certificate(issuer, issuer, algorithm).build()
        found.append((algorithm.name, digest.finalize(), probe.issuer_key_hash))
    return found


class OcspService:
    """Answers for one CA: the issuing CA's subscribers (through its delegated
    responder) and the issuing CA certificate (through the root).

    Thread-safe: the register lookups go through the CA's store, which serializes its
    connection; the responder is renewed under a lock here and the CA folder's lock.
    """

    def __init__(
        self,
        ca: CertificateAuthority,
        clock: Clock,
        *,
        arl: Callable[[], x509.CertificateRevocationList] | None = None,
    ) -> None:
        self._ca = ca
        self._clock = clock
        self._arl = arl
        self._lock = threading.Lock()
        self._delegate: OcspSigner | None = None
        self._root: OcspSigner | None = None
        self._issuers: dict[tuple[str, bytes, bytes], Subject] = {}
        self._cache: dict[tuple[str, bytes, bytes, int], _Signed] = {}
        for key in issuer_hashes(ca.issuing_certificate):
            self._issuers[key] = Subject.SUBSCRIBER
        for key in issuer_hashes(ca.root_certificate):
            self._issuers[key] = Subject.CA

    @property
    def ca(self) -> CertificateAuthority:
        return self._ca

    def responder(self) -> OcspSigner:
        """The delegated responder valid now (made or renewed when needed)."""
        now = self._clock.now()
        with self._lock:
            if self._delegate is None or not self._delegate.fresh_at(now):
                self._delegate = ensure_responder(self._ca, now)
            return self._delegate

    def answer(self, request_der: bytes) -> OcspAnswer:
        """The DER OCSPResponse for ``request_der``; never raises."""
        try:
            return self._answer(request_der)
        except _Malformed as exc:
            return failure(ocsp.OCSPResponseStatus.MALFORMED_REQUEST, str(exc))
        except CaDatabaseUnavailable:
            return failure(ocsp.OCSPResponseStatus.TRY_LATER, "register busy")
        except Exception as exc:  # never a traceback to the client
            return failure(ocsp.OCSPResponseStatus.INTERNAL_ERROR, type(exc).__name__)

    def _answer(self, request_der: bytes) -> OcspAnswer:
        if not request_der:
            raise _Malformed("empty request")
        request = _parse(request_der)
        try:
            algorithm = request.hash_algorithm
        except Exception:  # an algorithm cryptography does not know (e.g. MD5)
            return failure(ocsp.OCSPResponseStatus.UNAUTHORIZED, "unsupported CertID hash")
        subject = self._issuers.get(
            (algorithm.name, request.issuer_name_hash, request.issuer_key_hash)
        )
        if subject is None:
            return failure(ocsp.OCSPResponseStatus.UNAUTHORIZED, "not this CA")
        nonce = _nonce(request)
        serial = request.serial_number
        now = self._clock.now().replace(microsecond=0)
        if subject is Subject.SUBSCRIBER:
            signer = self.responder()
            status, revoked_at, reason = self._subscriber_status(serial)
        else:
            signer = self._root_signer()
            status, revoked_at, reason = self._ca_status(serial)
        key = (algorithm.name, request.issuer_name_hash, request.issuer_key_hash, serial)
        said = (status, revoked_at, reason, signer.signer_certificate.serial_number)
        if nonce is None:
            earlier = self._cache.get(key)
            if earlier is not None and earlier.said == said and earlier.fits(now):
                return OcspAnswer(
                    earlier.der, ocsp.OCSPResponseStatus.SUCCESSFUL, status, serial, note="reused"
                )
        builder = (
            ocsp.OCSPResponseBuilder()
            .add_response_by_hash(
                issuer_name_hash=request.issuer_name_hash,
                issuer_key_hash=request.issuer_key_hash,
                serial_number=serial,
                algorithm=algorithm,
                cert_status=status,
                this_update=now,
                next_update=now + RESPONSE_LIFETIME,
                revocation_time=revoked_at,
                revocation_reason=reason,
            )
            .responder_id(ocsp.OCSPResponderEncoding.HASH, signer.signer_certificate)
        )
        if signer.certificate is not None:
            builder = builder.certificates([signer.certificate])
        if nonce is not None:
            builder = builder.add_extension(x509.OCSPNonce(nonce), critical=False)
        der = builder.sign(signer.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
        if nonce is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[key] = _Signed(der, said, now)
        return OcspAnswer(
            der,
            ocsp.OCSPResponseStatus.SUCCESSFUL,
            status,
            serial,
            nonce is not None,
            "" if subject is Subject.SUBSCRIBER else "ca",
        )

    def _subscriber_status(
        self, serial: int
    ) -> tuple[ocsp.OCSPCertStatus, datetime | None, x509.ReasonFlags | None]:
        record = self._ca.record(serial)
        if record is None:
            return ocsp.OCSPCertStatus.UNKNOWN, None, None
        if record.status is CertificateStatus.REVOKED and record.revoked_at is not None:
            reason = record.reason
            if reason is x509.ReasonFlags.unspecified:
                reason = None  # as in the CRL: RFC 5280 §5.3.1 says leave it out
            return ocsp.OCSPCertStatus.REVOKED, record.revoked_at, reason
        return ocsp.OCSPCertStatus.GOOD, None, None

    def _ca_status(
        self, serial: int
    ) -> tuple[ocsp.OCSPCertStatus, datetime | None, x509.ReasonFlags | None]:
        arl = self._arl() if self._arl is not None else self._ca.arl()
        entry = arl.get_revoked_certificate_by_serial_number(serial)
        if entry is not None:
            reason: x509.ReasonFlags | None = None
            try:
                reason = entry.extensions.get_extension_for_class(x509.CRLReason).value.reason
            except x509.ExtensionNotFound:
                reason = None
            return ocsp.OCSPCertStatus.REVOKED, entry.revocation_date_utc, reason
        if serial == self._ca.issuing_certificate.serial_number:
            return ocsp.OCSPCertStatus.GOOD, None, None
        return ocsp.OCSPCertStatus.UNKNOWN, None, None

    def _root_signer(self) -> OcspSigner:
        with self._lock:
            if self._root is None:
                self._root = root_signer(self._ca)
            return self._root


def _parse(request_der: bytes) -> ocsp.OCSPRequest:
    try:
        request = ocsp.load_der_ocsp_request(request_der)
    except NotImplementedError as exc:  # "more than one request"
        raise _Malformed("more than one certificate") from exc
    except ValueError as exc:
        raise _Malformed("not an OCSP request") from exc
    try:
        extensions = request.extensions
    except ValueError as exc:  # a duplicate or undecodable extension
        raise _Malformed("bad request extensions") from exc
    for extension in extensions:
        if extension.critical and not isinstance(extension.value, x509.OCSPNonce):
            raise _Malformed("unknown critical extension")
    return request


def _nonce(request: ocsp.OCSPRequest) -> bytes | None:
    try:
        value = request.extensions.get_extension_for_class(x509.OCSPNonce).value
    except x509.ExtensionNotFound:
        return None
    if not 1 <= len(value.nonce) <= MAX_NONCE_OCTETS:
        raise _Malformed("nonce length")
    return value.nonce
