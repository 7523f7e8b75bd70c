"""A simulated certificate authority: issue from a CSR, revoke, publish the CRL, report status.

The CA never sees a subscriber's private key: it gets a PKCS #10 request, checks the
proof of possession, and decides subject, validity and extensions itself.
"""

from __future__ import annotations

import contextlib
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca.certificate import SubscriberTerms, build_subscriber_certificate
from mgcert.ca.crl import (
    ARL,
    CRL,
    ListKind,
    build_list,
    is_current,
    publish_crl,
    read_crl,
)
from mgcert.ca.csr import subscriber_public_key
from mgcert.ca.errors import (
    AlreadyRevoked,
    CaDatabaseUnavailable,
    CaError,
    CaFolderUnusable,
    InvalidIssueRequest,
    InvalidRevocationReason,
    SerialUnavailable,
    UnknownSerial,
)
from mgcert.ca.files import exclusive_lock
from mgcert.ca.hierarchy import (
    ISSUING_CERT_FILE,
    ROOT_CERT_FILE,
    CaHierarchy,
    load_or_create,
    new_serial,
)
from mgcert.ca.profile import CaProfile
from mgcert.ca.records import AuditAction, AuditEntry, CertificateStatus, IssuedRecord
from mgcert.ca.store import (
    CertificateRow,
    CertificateStore,
    DuplicateCn,
    DuplicateSerial,
    NewCertificate,
    StoreWriter,
)
from mgcert.ca.urls import DEFAULT_PKI_URL, CaUrls, validate_pki_url
from mgcert.ca.validity import start_of_day_kst, validity_period
from mgcert.clock import Clock
from mgcert.messages import ca as msg
from mgcert.npki.names import InvalidName, make_cn
from mgcert.npki.profile import CertificateKind

LOCK_FILE = ".lock"
VID_LENGTH = 32
MAX_REAL_NAME_LENGTH = 64
# Serials are drawn from 2**31 - 2**24 values (4 DER bytes). A draw collides with
# probability (issued / 2.1e9); even with half the space used, 64 draws all colliding
# has probability 2**-64. The UNIQUE column catches every collision.
SERIAL_ATTEMPTS = 64


@dataclass(frozen=True)
class IssueRequest:
    """What the certificate center asks the CA to certify besides the key.

    ``not_after`` is an explicit end (reissue keeps the old expiry, renewal is the old
    expiry + 1 year); ``None`` means the kind's full term from today.
    """

    cn: str
    real_name: str
    vid: bytes
    kind: CertificateKind
    not_after: datetime | None = None
    # The center's job: issuing again for the same job returns the first certificate.
    job_id: str | None = None
    # > 0: the CA appends its next CN number, zero-padded to this many digits, to ``cn``
    # (kept in the register, so no two certificates ever share a CN).
    cn_number_digits: int = 0


@dataclass(frozen=True)
class PublishedLists:
    """The lists :meth:`CertificateAuthority.republish` just published."""

    crl: x509.CertificateRevocationList
    arl: x509.CertificateRevocationList


class CertificateAuthority:
    """Root + issuing CA in one folder, with its register in one SQLite file."""

    def __init__(
        self,
        directory: Path,
        profile: CaProfile,
        clock: Clock,
        hierarchy: CaHierarchy,
        store: CertificateStore,
        urls: CaUrls,
    ) -> None:
        self._directory = directory
        self._profile = profile
        self._clock = clock
        self._hierarchy = hierarchy
        self._store = store
        self._urls = urls

    @classmethod
    def open(
        cls,
        directory: Path,
        db_path: Path,
        clock: Clock,
        profile: CaProfile,
        *,
        create: bool = True,
        pki_url: str | None = None,
    ) -> CertificateAuthority:
        """Open the CA in ``directory``, creating it on first use.

        Creation makes a root and an issuing CA (RSA 2048, sha256WithRSA), keeps their
        keys under ``private/`` and publishes ``root.der``, ``issuing.der``, an empty
        ``issuing.crl`` and an empty ``root.arl``. A file lock makes this safe when
        several processes open a fresh data home at once: the later ones load what the
        first one made. With ``create=False`` a missing or emptied register is
        :class:`CaRegisterMissing`.

        ``pki_url`` (default :data:`DEFAULT_PKI_URL`) is recorded when the register is
        created and every certificate points under it (:class:`CaUrls`); later opens use
        the recorded one and ignore the argument, and a register made before the PKI
        URL keeps the profile's ``.invalid`` URLs. A malformed ``pki_url`` is
        :class:`InvalidPkiUrl` before anything is touched. Lists that are missing or
        past their nextUpdate are republished.
        """
        base = DEFAULT_PKI_URL if pki_url is None else validate_pki_url(pki_url)
        with contextlib.ExitStack() as held:
            try:
                directory.mkdir(parents=True, exist_ok=True)
                held.enter_context(exclusive_lock(directory / LOCK_FILE))
            except OSError as exc:
                raise CaFolderUnusable(directory) from exc
            store = CertificateStore.open(db_path, create=create, pki_url=base)
            try:
                urls = _urls_of(store, profile)
                try:
                    hierarchy = load_or_create(
                        directory, profile, clock.today_kst(), urls, create=create
                    )
                except OSError as exc:
                    raise CaFolderUnusable(directory) from exc
            except BaseException:
                store.close()
                raise
            authority = cls(directory, profile, clock, hierarchy, store, urls)
            try:
                authority._refresh(CRL)
                authority._refresh(ARL)
            except BaseException:
                authority.close()
                raise
        return authority

    # -- what the CA is -------------------------------------------------------------

    @property
    def profile(self) -> CaProfile:
        return self._profile

    @property
    def directory(self) -> Path:
        return self._directory

    @property
    def root_certificate(self) -> x509.Certificate:
        return self._hierarchy.root_certificate

    @property
    def issuing_certificate(self) -> x509.Certificate:
        return self._hierarchy.issuing_certificate

    @property
    def root_path(self) -> Path:
        """``root.der`` (DER)."""
        return self._directory / ROOT_CERT_FILE

    @property
    def issuing_path(self) -> Path:
        """``issuing.der`` (DER)."""
        return self._directory / ISSUING_CERT_FILE

    @property
    def crl_path(self) -> Path:
        """``issuing.crl`` (DER), replaced atomically on every revocation."""
        return self._directory / CRL.file

    @property
    def arl_path(self) -> Path:
        """``root.arl`` (DER): the root's list of revoked CA certificates."""
        return self._directory / ARL.file

    @property
    def pki_url(self) -> str | None:
        """The data home's PKI base URL, or ``None`` for a home made before it."""
        return self._urls.base

    @property
    def urls(self) -> CaUrls:
        """The URLs written into this CA's certificates (CRL DP, AIA, CPS)."""
        return self._urls

    def close(self) -> None:
        """Close the register."""
        self._store.close()

    def __enter__(self) -> CertificateAuthority:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- issuing --------------------------------------------------------------------

    def issue(self, csr_der: bytes, request: IssueRequest) -> x509.Certificate:
        """Issue a certificate for the key in ``csr_der`` and record it.

        Raises :class:`InvalidCsr`, :class:`CsrSignatureInvalid`, :class:`WeakKey` or
        :class:`InvalidIssueRequest`. Validity starts 00:00:00 KST today and ends
        23:59:59 KST of the term's last day, or at ``request.not_after``.
        """
        public_key = subscriber_public_key(csr_der)
        cn = _checked_cn(request.cn) if not request.cn_number_digits else request.cn
        real_name = _checked_real_name(request.real_name)
        if len(request.vid) != VID_LENGTH:
            raise InvalidIssueRequest(msg.DETAIL_BAD_VID)
        not_before, not_after = self._validity(request)
        for _ in range(SERIAL_ATTEMPTS):
            try:
                with self._store.write() as writer:
                    if request.job_id is not None:
                        done = writer.find_by_job(request.job_id)
                        if done is not None:
                            return _same_key_or_refuse(done, public_key)
                    if request.cn_number_digits:
                        number = writer.next_cn_number()
                        cn = _checked_cn(f"{request.cn}{number:0{request.cn_number_digits}d}")
                    terms = SubscriberTerms(
                        serial=new_serial(),
                        cn=cn,
                        real_name=real_name,
                        vid=bytes(request.vid),
                        kind=request.kind,
                        not_before=not_before,
                        not_after=not_after,
                    )
                    certificate = build_subscriber_certificate(
                        public_key, terms, self._profile, self._hierarchy, self._urls
                    )
                    writer.add_certificate(
                        NewCertificate(
                            serial=terms.serial,
                            cn=cn,
                            kind=request.kind.value,
                            not_before=not_before,
                            not_after=not_after,
                            der=certificate.public_bytes(serialization.Encoding.DER),
                            job_id=request.job_id,
                        )
                    )
                    writer.add_audit(
                        self._clock.now(),
                        AuditAction.ISSUE,
                        terms.serial,
                        f"kind={request.kind.value} cn={cn} not_after={not_after.isoformat()}"
                        + (f" job={request.job_id}" if request.job_id else ""),
                    )
            except DuplicateSerial:
                continue
            except DuplicateCn as exc:
                raise InvalidIssueRequest(msg.DETAIL_CN_TAKEN) from exc
            return certificate
        raise SerialUnavailable

    def _validity(self, request: IssueRequest) -> tuple[datetime, datetime]:
        today = self._clock.today_kst()
        if request.not_after is None:
            return validity_period(today, request.kind.validity_years)
        not_before = start_of_day_kst(today)
        if request.not_after.tzinfo is None or request.not_after <= not_before:
            raise InvalidIssueRequest(msg.DETAIL_BAD_NOT_AFTER)
        return not_before, request.not_after.replace(microsecond=0)

    # -- revocation -----------------------------------------------------------------

    def revoke(self, serial: int, reason: x509.ReasonFlags) -> None:
        """Revoke ``serial`` and republish ``issuing.crl`` in the same transaction.

        Raises :class:`UnknownSerial`, :class:`AlreadyRevoked`,
        :class:`InvalidRevocationReason` (``removeFromCRL`` belongs to delta CRLs) or
        :class:`CrlPublishFailed` (nothing is recorded then).
        """
        if reason is x509.ReasonFlags.remove_from_crl:
            raise InvalidRevocationReason(reason.value)
        now = self._clock.now()
        try:
            with self._store.write() as writer:
                row = writer.find(serial)
                if row is None:
                    raise UnknownSerial(serial)
                if row.revoked:
                    raise AlreadyRevoked(serial)
                writer.mark_revoked(serial, now, reason.value)
                writer.add_audit(now, AuditAction.REVOKE, serial, f"reason={reason.value}")
                self._publish(writer, CRL, now)
        except CaDatabaseUnavailable:
            # The new CRL may be on disk although the commit failed: bring the file
            # back in line with the register if the database lets us.
            with contextlib.suppress(CaError):
                self._republish_crl()
            raise

    def crl(self) -> x509.CertificateRevocationList:
        """The issuing CA's current CRL; republished first when missing, unreadable or
        past its nextUpdate at the simulated time (see :meth:`_refresh`)."""
        return self._refresh(CRL)

    def arl(self) -> x509.CertificateRevocationList:
        """The root's current ARL, republished as :meth:`crl` is."""
        return self._refresh(ARL)

    def republish(self) -> PublishedLists:
        """Publish a new CRL and a new ARL now, whatever state the old ones are in."""
        now = self._clock.now()
        with self._store.write() as writer:
            crl = self._publish(writer, CRL, now)
            arl = self._publish(writer, ARL, now)
        return PublishedLists(crl, arl)

    def _refresh(self, kind: ListKind) -> x509.CertificateRevocationList:
        # A list whose thisUpdate lies after now (the clock went back) stays: a new one
        # could not start earlier. Checked again inside the transaction, so processes
        # that find the same stale list publish one new list, not one each.
        now = self._clock.now()
        current = read_crl(self._directory / kind.file)
        if current is not None and is_current(current, now):
            return current
        with self._store.write() as writer:
            current = read_crl(self._directory / kind.file)
            if current is not None and is_current(current, now):
                return current
            return self._publish(writer, kind, now)

    def _republish_crl(self) -> x509.CertificateRevocationList:
        with self._store.write() as writer:
            return self._publish(writer, CRL, self._clock.now())

    def _publish(
        self, writer: StoreWriter, kind: ListKind, now: datetime
    ) -> x509.CertificateRevocationList:
        # Runs inside the write transaction, so concurrent publishers write the file in
        # the order of their commits and the CRL never misses a committed revocation.
        # thisUpdate = max(now, the last one published): never backwards in time.
        path = self._directory / kind.file
        if kind is CRL:
            signer, key = self._hierarchy.issuing_certificate, self._hierarchy.issuing_key
            revoked = writer.revoked()
        else:
            # The root issued one CA certificate, which is in service: nothing to list.
            signer, key = self._hierarchy.root_certificate, self._hierarchy.root_key
            revoked = []
        this_update = now.replace(microsecond=0)
        earlier = [writer.last_this_update(kind.name), _published_this_update(path, signer)]
        this_update = max([this_update, *(moment for moment in earlier if moment is not None)])
        number = writer.next_list_number(kind.name, this_update)
        crl = build_list(signer, key, revoked, number, this_update, kind.lifetime)
        publish_crl(path, crl)
        writer.add_audit(
            now,
            kind.audit_action,
            None,
            f"number={number} entries={len(revoked)} this_update={this_update.isoformat()}",
        )
        return crl

    # -- lookups --------------------------------------------------------------------

    def status(self, serial: int) -> CertificateStatus:
        """GOOD, REVOKED (also when expired), EXPIRED (past not_after at the clock's
        time) or UNKNOWN (never issued here)."""
        row = self._store.find(serial)
        return CertificateStatus.UNKNOWN if row is None else self._status_of(row)

    def record(self, serial: int) -> IssuedRecord | None:
        """The register entry of ``serial``, or ``None`` if this CA never issued it."""
        row = self._store.find(serial)
        return None if row is None else self._record_of(row)

    def _record_of(self, row: CertificateRow) -> IssuedRecord:
        return IssuedRecord(
            serial=row.serial,
            cn=row.cn,
            kind=CertificateKind(row.kind),
            not_before=row.not_before,
            not_after=row.not_after,
            status=self._status_of(row),
            revoked_at=row.revoked_at,
            reason=x509.ReasonFlags(row.reason) if row.reason is not None else None,
            der=row.der,
        )

    def record_for_job(self, job_id: str) -> IssuedRecord | None:
        """The certificate issued for the center's job ``job_id``, or ``None``."""
        row = self._store.find_by_job(job_id)
        return None if row is None else self._record_of(row)

    @property
    def register_id(self) -> str:
        """The register's own id (the data home's manifest records it)."""
        return self._store.register_id()

    def audit_log(self, serial: int | None = None) -> list[AuditEntry]:
        """The audit log, oldest first (one serial's lines if given)."""
        return self._store.audit_entries(serial)

    def is_issuer_of(self, certificate: x509.Certificate) -> bool:
        """True when this CA's issuing CA issued ``certificate``: the issuer name matches
        and the signature verifies with the issuing CA's key."""
        try:
            certificate.verify_directly_issued_by(self.issuing_certificate)
        except (ValueError, TypeError, InvalidSignature):
            return False
        return True

    def _status_of(self, row: CertificateRow) -> CertificateStatus:
        if row.revoked:
            return CertificateStatus.REVOKED
        if self._clock.now() > row.not_after:
            return CertificateStatus.EXPIRED
        return CertificateStatus.GOOD


def _urls_of(store: CertificateStore, profile: CaProfile) -> CaUrls:
    base = store.pki_url()
    return profile.legacy_urls() if base is None else CaUrls.under(base, profile.org)


def _published_this_update(path: Path, signer: x509.Certificate) -> datetime | None:
    """The thisUpdate of the list in ``path`` if ``signer`` signed it (the file may be
    ahead of the register when a commit failed after the file was written)."""
    published = read_crl(path)
    if published is None or published.issuer != signer.subject:
        return None
    public_key = signer.public_key()
    if not isinstance(public_key, rsa.RSAPublicKey) or not published.is_signature_valid(public_key):
        return None
    return published.last_update_utc


def _same_key_or_refuse(row: CertificateRow, public_key: object) -> x509.Certificate:
    """The job's certificate, if it certifies the same key (a retried step)."""
    certificate = x509.load_der_x509_certificate(row.der)
    if certificate.public_key() != public_key:
        raise InvalidIssueRequest(msg.DETAIL_JOB_OTHER_KEY)
    return certificate


def _checked_cn(cn: str) -> str:
    value = unicodedata.normalize("NFC", cn)
    name, separator, digits = value.partition("()")
    try:
        if not separator or make_cn(name, digits) != value:
            raise InvalidIssueRequest(msg.DETAIL_BAD_CN)
    except InvalidName as exc:
        raise InvalidIssueRequest(msg.DETAIL_BAD_CN) from exc
    return value


def _checked_real_name(real_name: str) -> str:
    value = unicodedata.normalize("NFC", real_name).strip()
    if (
        not value
        or len(value) > MAX_REAL_NAME_LENGTH
        or any(unicodedata.category(ch).startswith("C") for ch in value)
    ):
        raise InvalidIssueRequest(msg.DETAIL_BAD_REAL_NAME)
    return value
