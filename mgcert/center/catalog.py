"""Turning files on a medium into :class:`CertificateEntry` values with their status.

Each certificate is judged on its own: one whose fields cannot be used becomes the
listing's problem line "손상된 인증서: <folder>" and the others stay usable.
"""

from __future__ import annotations

from pathlib import Path

from cryptography import x509

from mgcert.ca import CertificateAuthority, CertificateStatus
from mgcert.center import rules
from mgcert.center.certinfo import days_left, holder, issuer_org, kind_of
from mgcert.center.context import CenterContext
from mgcert.center.errors import CertificateGone
from mgcert.center.models import CertificateEntry, CertificateListing, EntryStatus, MediumLocation
from mgcert.errors import MgcertError
from mgcert.messages import center as msg
from mgcert.messages import npki as npki_msg
from mgcert.npki import storage
from mgcert.npki.keyfile import DecryptedKey, decrypt_private_key
from mgcert.npki.storage import CertificateDamaged, DiscoveryProblem, StoredCertificate


class Catalog:
    """Looks certificates up on media and judges them against the CAs and the bank."""

    def __init__(self, ctx: CenterContext) -> None:
        self._ctx = ctx

    def ca_for(self, certificate: x509.Certificate) -> CertificateAuthority | None:
        """The known CA that issued ``certificate`` (name and signature), or ``None``."""
        for ca in self._ctx.known_cas:
            if ca.is_issuer_of(certificate):
                return ca
        return None

    def is_mg(self, certificate: x509.Certificate) -> bool:
        return self._ctx.mg_ca.is_issuer_of(certificate)

    def is_revoked(self, certificate: x509.Certificate) -> bool:
        ca = self.ca_for(certificate)
        return ca is not None and ca.status(certificate.serial_number) is CertificateStatus.REVOKED

    def is_registered(self, certificate: x509.Certificate) -> bool:
        registration = self._ctx.bank.registration(
            issuer_org(certificate), certificate.serial_number
        )
        return registration is not None

    def status_of(self, cert: x509.Certificate) -> tuple[EntryStatus, int, bool]:
        """(status, KST days left, registered at MG) as of the center's clock."""
        not_after = cert.not_valid_after_utc
        left = days_left(not_after, self._ctx.clock.today_kst())
        registered = self.is_registered(cert)
        if self.is_revoked(cert):
            status = EntryStatus.REVOKED
        elif self._ctx.clock.now() > not_after:
            status = EntryStatus.EXPIRED
        elif not registered:
            status = EntryStatus.UNREGISTERED
        elif left <= rules.RENEWAL_WINDOW_DAYS:  # renewable now: one rule, not two
            status = EntryStatus.EXPIRING
        else:
            status = EntryStatus.VALID
        return status, left, registered

    def entry(self, location: MediumLocation, stored: StoredCertificate) -> CertificateEntry:
        """One certificate with its status as of the center's clock."""
        cert = stored.certificate
        status, left, registered = self.status_of(cert)
        return CertificateEntry(
            location=location,
            stored=stored,
            name=holder(cert),
            issuer_org=issuer_org(cert),
            kind=kind_of(cert),
            serial=cert.serial_number,
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            status=status,
            days_left=left,
            registered=registered,
        )

    def listing(self, location: MediumLocation) -> CertificateListing:
        """All certificates under ``location``; unreadable or damaged ones become problems."""
        if not location.kind.available or not location.root.exists():
            return CertificateListing(entries=[], problems=[])
        found = storage.discover(location.root)
        problems = [_problem_line(problem) for problem in found.problems]
        entries: list[CertificateEntry] = []
        for stored in found.certificates:
            try:
                entries.append(self._judged(location, stored))
            except CertificateDamaged as damaged:
                problems.append(str(damaged))
        entries.sort(key=lambda e: (e.name, e.not_after))
        return CertificateListing(entries=entries, problems=problems)

    def find(self, location: MediumLocation, folder: Path) -> CertificateEntry:
        """The entry stored in ``folder`` on ``location``.

        :class:`CertificateGone` if it is not there, :class:`CertificateDamaged` if its
        certificate cannot be used; other folders on the medium do not matter.
        """
        wanted = folder.resolve()
        found = storage.discover(location.root)
        for stored in found.certificates:
            if stored.folder.resolve() == wanted:
                return self._judged(location, stored)
        for problem in found.problems:
            if problem.damaged and problem.path.resolve() == wanted:
                raise CertificateDamaged(problem.path, problem.reason)
        raise CertificateGone

    def _judged(self, location: MediumLocation, stored: StoredCertificate) -> CertificateEntry:
        """:meth:`entry`, with a failure caused by the certificate's content reported as
        :class:`CertificateDamaged`. An unavailable CA or bank (a ``MgcertError`` of its
        own) is not the file's fault and is raised as it is."""
        try:
            return self.entry(location, stored)
        except MgcertError:
            raise
        except Exception as exc:  # whatever a field the checks missed makes code raise
            raise CertificateDamaged(stored.folder) from exc

    def refresh(self, entry: CertificateEntry) -> CertificateEntry:
        """Re-read an entry's files (a list shown on screen may be stale)."""
        return self.find(entry.location, entry.stored.folder)


def _problem_line(problem: DiscoveryProblem) -> str:
    if problem.damaged:
        return npki_msg.DAMAGED_CERTIFICATE.format(folder=problem.path)
    return msg.PROBLEM_LINE.format(path=problem.path, reason=problem.reason)


def open_key(entry: CertificateEntry, password: str) -> DecryptedKey:
    """Decrypt the entry's signPri.key: proves possession (``WrongKeyPassword`` if not)."""
    return decrypt_private_key(storage.read_key_file(entry.stored), password)
