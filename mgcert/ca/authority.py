"""A simulated certificate authority: issue from a CSR, revoke, publish the CRL, report status.

The CA never sees a subscriber's private key: it gets a PKCS #10 request, checks the
proof of possession, and decides subject, validity and extensions itself.
"""

from __future__ import annotations

import contextlib
import dataclasses
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
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
from mgcert.ca.records import (
    AuditAction,
    AuditEntry,
    CertificatePurpose,
    CertificateStatus,
    IssuedRecord,
)
from mgcert.ca.store import (
    CertificateRow,
    CertificateStore,
    DuplicateCn,
    DuplicateSerial,
    NewCertificate,
    StoreWriter,
)
from mgcert.ca.urls import DEFAULT_PKI_URL, CaUrls, validate_pki_url
from mgcert.ca.validity import end_of_day_kst, last_day, start_of_day_kst, validity_period
from mgcert.clock import KST, Clock
from mgcert.messages import ca as msg
from mgcert.npki.names import InvalidName, make_cn
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import VidError, read_identify_data

LOCK_FILE = ".lock"
VID_LENGTH = 32
MAX_REAL_NAME_LENGTH = 64
# Serials are drawn from 2**31 - 2**24 values (4 DER bytes). A draw collides with
# probability (issued / 2.1e9); even with half the space used, 64 draws all colliding
# has probability 2**-64. The UNIQUE column catches every collision.
SERIAL_ATTEMPTS = 64
# What X.509 can carry (UTCTime from 1950, GeneralizedTime to 9999) and cryptography writes.
EARLIEST_DATE = datetime(1950, 1, 1, tzinfo=UTC)
LATEST_DATE = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


@dataclass(frozen=True)
class IssueRequest:
    """What the certificate center asks the CA to certify besides the key.

    ``not_after`` is an explicit end (reissue keeps the old expiry, renewal is the old
    expiry + 1 year); ``None`` means the kind's full term from today. It must lie after
    00:00:00 KST today: the bank flows never issue an expired certificate.

    ``not_before`` (``None``: 00:00:00 KST today) and an end already past are for test
    certificates (expired, not yet valid) and need ``allow_any_dates=True``; then any
    start and end are accepted as long as the end is after the start, and ``None`` for
    ``not_after`` means the kind's full term from the start's KST day (23:59:59 KST on
    the same calendar date ``validity_years`` later). Times must be timezone-aware and
    are kept to the second (microseconds dropped).
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
    not_before: datetime | None = None
    # True: not_before may be given and the validity may lie wholly in the past or the
    # future (test fixtures). The bank flows never set it.
    allow_any_dates: bool = False


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
        durable: bool = True,
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
        past their nextUpdate are republished. ``durable=False`` is for test fixtures
        (:class:`mgcert.testing.NpkiCA`): the register commits without fsync.
        """
        base = DEFAULT_PKI_URL if pki_url is None else validate_pki_url(pki_url)
        with contextlib.ExitStack() as held:
            try:
                directory.mkdir(parents=True, exist_ok=True)
                held.enter_context(exclusive_lock(directory / LOCK_FILE))
            except OSError as exc:
                raise CaFolderUnusable(directory) from exc
            store = CertificateStore.open(db_path, create=create, pki_url=base, durable=durable)
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
        """Issue a signing certificate for the key in ``csr_der`` and record it.

        Raises :class:`InvalidCsr`, :class:`CsrSignatureInvalid`, :class:`WeakKey` or
        :class:`InvalidIssueRequest`. Validity starts 00:00:00 KST today and ends
        23:59:59 KST of the term's last day, or as ``request`` says (see
        :class:`IssueRequest`).
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
                    certificate = self._record_new(
                        writer,
                        public_key,
                        terms,
                        job_id=request.job_id,
                        detail=f" job={request.job_id}" if request.job_id else "",
                    )
            except DuplicateSerial:
                continue
            except DuplicateCn as exc:
                raise InvalidIssueRequest(msg.DETAIL_CN_TAKEN) from exc
            return certificate
        raise SerialUnavailable

    def issue_key_management(self, csr_der: bytes, sign_serial: int) -> x509.Certificate:
        """Issue the key-management certificate (kmCert.der) of signing certificate
        ``sign_serial`` for the second key in ``csr_der``, and record it.

        The KM certificate repeats its signing certificate's subject, validity, kind
        (policy), subjectAltName (real name and VID), CRL DP and AIA; its keyUsage is
        keyEncipherment + dataEncipherment (critical). A signing certificate has at most
        one: asking again with the same key returns the first, with another key is
        :class:`InvalidIssueRequest`. Revoking the signing certificate revokes it too.

        Raises :class:`UnknownSerial` (not issued here), :class:`InvalidIssueRequest`
        (``sign_serial`` is a KM certificate or revoked; the key is the signing key or
        another KM key is certified already) and what :meth:`issue` raises for the CSR.
        """
        public_key = subscriber_public_key(csr_der)
        for _ in range(SERIAL_ATTEMPTS):
            try:
                with self._store.write() as writer:
                    sign = writer.find(sign_serial)
                    if sign is None:
                        raise UnknownSerial(sign_serial)
                    done = writer.find_key_management(sign_serial)
                    if done is not None:
                        return _same_key_or_refuse(
                            done,
                            public_key,
                            msg.DETAIL_KM_TAKEN.format(serial=f"{sign_serial:X}"),
                        )
                    terms = _key_management_terms(sign, public_key)
                    certificate = self._record_new(
                        writer,
                        public_key,
                        terms,
                        purpose=CertificatePurpose.KEY_MANAGEMENT,
                        sign_serial=sign_serial,
                        detail=f" purpose=key_management sign={sign_serial:x}",
                    )
            except DuplicateSerial:
                continue
            except DuplicateCn as exc:
                # Another process certified a KM key for it at the same moment.
                raise InvalidIssueRequest(
                    msg.DETAIL_KM_TAKEN.format(serial=f"{sign_serial:X}")
                ) from exc
            return certificate
        raise SerialUnavailable

    def _record_new(
        self,
        writer: StoreWriter,
        public_key: rsa.RSAPublicKey,
        terms: SubscriberTerms,
        *,
        job_id: str | None = None,
        purpose: CertificatePurpose = CertificatePurpose.SIGNING,
        sign_serial: int | None = None,
        detail: str = "",
    ) -> x509.Certificate:
        """Build, sign and record one subscriber certificate inside ``writer``."""
        terms = dataclasses.replace(terms, purpose=purpose)
        certificate = build_subscriber_certificate(
            public_key, terms, self._profile, self._hierarchy, self._urls
        )
        writer.add_certificate(
            NewCertificate(
                serial=terms.serial,
                cn=terms.cn,
                kind=terms.kind.value,
                not_before=terms.not_before,
                not_after=terms.not_after,
                der=certificate.public_bytes(serialization.Encoding.DER),
                job_id=job_id,
                purpose=purpose.value,
                sign_serial=sign_serial,
            )
        )
        writer.add_audit(
            self._clock.now(),
            AuditAction.ISSUE,
            terms.serial,
            f"kind={terms.kind.value} cn={terms.cn} not_after={terms.not_after.isoformat()}"
            + detail,
        )
        return certificate

    def _validity(self, request: IssueRequest) -> tuple[datetime, datetime]:
        today = self._clock.today_kst()
        if request.allow_any_dates:
            return _any_validity(request, today)
        if request.not_before is not None:
            raise InvalidIssueRequest(msg.DETAIL_DATES_NEED_PERMISSION)
        if request.not_after is None:
            return validity_period(today, request.kind.validity_years)
        not_before = start_of_day_kst(today)
        if request.not_after.tzinfo is None or request.not_after <= not_before:
            raise InvalidIssueRequest(msg.DETAIL_BAD_NOT_AFTER)
        not_after = request.not_after.replace(microsecond=0)
        _check_range(not_after)
        return not_before, not_after

    # -- revocation -----------------------------------------------------------------

    def revoke(self, serial: int, reason: x509.ReasonFlags) -> None:
        """Revoke ``serial`` and republish ``issuing.crl`` in the same transaction.

        Revoking a signing certificate revokes its key-management certificate too (same
        time and reason, when it is not revoked already); a KM certificate can also be
        revoked on its own.

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
                km = writer.find_key_management(serial)
                if km is not None and not km.revoked:
                    writer.mark_revoked(km.serial, now, reason.value)
                    writer.add_audit(
                        now,
                        AuditAction.REVOKE,
                        km.serial,
                        f"reason={reason.value} with_sign={serial:x}",
                    )
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
            purpose=CertificatePurpose(row.purpose),
            sign_serial=row.sign_serial,
        )

    def key_management_record(self, sign_serial: int) -> IssuedRecord | None:
        """The register entry of the KM certificate of ``sign_serial``, or ``None``."""
        row = self._store.find_key_management(sign_serial)
        return None if row is None else self._record_of(row)

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


def _same_key_or_refuse(
    row: CertificateRow, public_key: object, detail: str = msg.DETAIL_JOB_OTHER_KEY
) -> x509.Certificate:
    """The job's certificate, if it certifies the same key (a retried step)."""
    certificate = x509.load_der_x509_certificate(row.der)
    if certificate.public_key() != public_key:
        raise InvalidIssueRequest(detail)
    return certificate


def _key_management_terms(sign: CertificateRow, public_key: rsa.RSAPublicKey) -> SubscriberTerms:
    """The terms of ``sign``'s KM certificate: its CN, kind, validity, name and VID."""
    if sign.purpose != CertificatePurpose.SIGNING.value:
        raise InvalidIssueRequest(msg.DETAIL_KM_NEEDS_SIGNING.format(serial=f"{sign.serial:X}"))
    if sign.revoked:
        raise InvalidIssueRequest(msg.DETAIL_KM_OF_REVOKED.format(serial=f"{sign.serial:X}"))
    certificate = x509.load_der_x509_certificate(sign.der)
    if certificate.public_key() == public_key:
        raise InvalidIssueRequest(msg.DETAIL_KM_SAME_KEY)
    try:
        identify = read_identify_data(certificate)
    except VidError as exc:  # every certificate this CA issues has one
        raise InvalidIssueRequest(msg.DETAIL_BAD_VID) from exc
    return SubscriberTerms(
        serial=new_serial(),
        cn=sign.cn,
        real_name=identify.real_name,
        vid=identify.vid,
        kind=CertificateKind(sign.kind),
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
    )


def _any_validity(request: IssueRequest, today: date) -> tuple[datetime, datetime]:
    """The validity of a request with ``allow_any_dates`` (see :class:`IssueRequest`)."""
    for moment in (request.not_before, request.not_after):
        if moment is not None and moment.tzinfo is None:
            raise InvalidIssueRequest(msg.DETAIL_NAIVE_DATE)
    if request.not_before is None:
        not_before = start_of_day_kst(today)
    else:
        not_before = request.not_before.replace(microsecond=0)
    _check_range(not_before)
    if request.not_after is None:
        first_day = not_before.astimezone(KST).date()
        if first_day.year + request.kind.validity_years > LATEST_DATE.year:
            raise InvalidIssueRequest(msg.DETAIL_DATE_OUT_OF_RANGE)
        not_after = end_of_day_kst(last_day(first_day, request.kind.validity_years))
    else:
        not_after = request.not_after.replace(microsecond=0)
    _check_range(not_after)
    if not_after <= not_before:
        raise InvalidIssueRequest(
            msg.DETAIL_BAD_VALIDITY.format(
                not_before=not_before.isoformat(), not_after=not_after.isoformat()
            )
        )
    return not_before, not_after


def _check_range(moment: datetime) -> None:
    if not EARLIEST_DATE <= moment <= LATEST_DATE:
        raise InvalidIssueRequest(msg.DETAIL_DATE_OUT_OF_RANGE)


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
