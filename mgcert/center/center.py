"""The certificate center facade: wiring plus one method per use case (docs/architecture.md)."""

from __future__ import annotations

import contextlib
from pathlib import Path
from types import TracebackType

from cryptography import x509

from mgcert.bank import Bank
from mgcert.bank.limits import TIMERS_RUN, CodeTimers
from mgcert.bank.models import CloudCertificateInfo
from mgcert.ca import MG_CA_PROFILE, OTHER_CA_PROFILE, CertificateAuthority, validate_pki_url
from mgcert.ca.files import exclusive_lock
from mgcert.center import media
from mgcert.center.catalog import Catalog
from mgcert.center.completion import save_parked
from mgcert.center.context import CenterContext
from mgcert.center.demo import ensure_demo_certificate
from mgcert.center.errors import CenterError
from mgcert.center.financial import FinancialFlow, open_financial
from mgcert.center.issuance import IssuanceFlow
from mgcert.center.job_lock import HomeInUse
from mgcert.center.jobs import Progress, resume_jobs
from mgcert.center.journal import Job, Journal
from mgcert.center.login_check import LoginChecker
from mgcert.center.management import Management
from mgcert.center.manifest import (
    check_ids,
    discard_partial_home,
    has_registers,
    read_manifest,
    write_manifest,
)
from mgcert.center.models import (
    CertificateDetails,
    CertificateEntry,
    CertificateListing,
    ExportTicket,
    FinancialCertificate,
    IssuanceResult,
    LoginReport,
    MediumLocation,
    RevocationResult,
)
from mgcert.center.pfx import PfxExport, PfxTransfer, suggested_file_name
from mgcert.center.recovery import parked_folders
from mgcert.center.registration import RegistrationFlow
from mgcert.center.renewal import RenewalFlow
from mgcert.center.simulator import Simulator
from mgcert.center.transfer import Transfer
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.npki import storage
from mgcert.npki.keyform import KeyProtection, KeyScheme
from mgcert.npki.profile import CertificateKind
from mgcert.npki.storage import MediumKind

CREATION_LOCK = ".creating.lock"
CREATING_MARKER = ".creating"


class CertificateCenter:
    """MG더뱅킹's 인증센터 over the simulated bank and CAs; TUI and CLI call only this."""

    def __init__(self, ctx: CenterContext) -> None:
        self._ctx = ctx
        self._in_use: HomeInUse | None = None
        self._catalog = Catalog(ctx)
        self._management = Management(ctx, self._catalog)
        self._transfer = Transfer(ctx, self._catalog)
        self._login = LoginChecker(ctx, self._catalog)
        self.simulator = Simulator(ctx, self._catalog)

    @classmethod
    def open(
        cls,
        home: DataHome,
        clock: Clock,
        *,
        key_protection: KeyProtection | None = None,
        iterations: int | None = None,
        pki_url: str | None = None,
        timers: CodeTimers = TIMERS_RUN,
    ) -> CertificateCenter:
        """Open (creating on first use) the bank, both CAs and the demo certificate.

        ``key_protection`` is the form and KDF count of every new signPri.key (issue,
        reissue, renew, the demo and simulator certificates; a password change keeps
        the file's own); default ``KeyProtection()``, PBES2 at 1,300,000 rounds.
        ``iterations=n`` is short for ``key_protection=KeyProtection(iterations=n)``
        (PBES2); give one or the other. ``pki_url`` is the base of the CRL/OCSP/CA URLs
        written into the certificates of a *new* home (default
        ``http://127.0.0.1:8389``); an existing home keeps the one it was made with.
        ``timers`` says whether the ARS/SMS and 내보내기 codes run out (a practice home's
        시간 제한 없음: ``mgcert.practice.marker.PracticeTimers(home.root)``).
        """
        protection = _protection(key_protection, iterations)
        if pki_url is not None:
            validate_pki_url(pki_url)  # a typo is reported, also for an existing home
        home.ensure()
        in_use = HomeInUse.share(home.root)
        try:
            if read_manifest(home) is not None:
                center = cls._open_registers(home, clock, protection, fresh=False, timers=timers)
            else:
                center = cls._first_open(home, clock, protection, pki_url, timers)
        except BaseException:
            in_use.release()
            raise
        center._in_use = in_use
        try:
            center._start()
        except BaseException:
            center.close()
            raise
        return center

    @classmethod
    def _first_open(
        cls,
        home: DataHome,
        clock: Clock,
        protection: KeyProtection,
        pki_url: str | None,
        timers: CodeTimers = TIMERS_RUN,
    ) -> CertificateCenter:
        """A new home (or one made before the manifest), under a lock so that two
        processes opening it at once make it once. A first open that was interrupted
        (its marker is still there, no manifest yet) held no user data: start it over."""
        creating = home.root / CREATING_MARKER
        with exclusive_lock(home.root / CREATION_LOCK):
            if read_manifest(home) is not None:
                return cls._open_registers(home, clock, protection, fresh=False, timers=timers)
            if creating.exists():
                discard_partial_home(home)
            fresh = not has_registers(home)
            if fresh:
                creating.touch(mode=0o600)
            center = cls._open_registers(
                home, clock, protection, fresh=fresh, pki_url=pki_url, timers=timers
            )
            creating.unlink(missing_ok=True)  # the manifest is written: the home exists
            return center

    @classmethod
    def _open_registers(
        cls,
        home: DataHome,
        clock: Clock,
        protection: KeyProtection,
        *,
        fresh: bool,
        pki_url: str | None = None,
        timers: CodeTimers = TIMERS_RUN,
    ) -> CertificateCenter:
        """Open bank, CAs and journal; only a ``fresh`` home may create them."""
        manifest = read_manifest(home)
        with contextlib.ExitStack() as undo:
            bank = Bank.open(home.bank_db, clock, create=fresh, timers=timers)
            undo.callback(bank.close)
            mg_ca = CertificateAuthority.open(
                home.ca_dir, home.ca_db, clock, MG_CA_PROFILE, create=fresh, pki_url=pki_url
            )
            undo.callback(mg_ca.close)
            other_ca = CertificateAuthority.open(
                home.other_ca_dir,
                home.other_ca_db,
                clock,
                OTHER_CA_PROFILE,
                create=fresh,
                pki_url=pki_url,
            )
            undo.callback(other_ca.close)
            # A home made before the journal gets one; a home that had one must keep it.
            journal = Journal.open(home.journal_db, create=manifest is None)
            undo.callback(journal.close)
            ids = {
                "bank_id": bank.register_id,
                "ca_id": mg_ca.register_id,
                "other_ca_id": other_ca.register_id,
                "journal_id": journal.register_id,
            }
            if manifest is None:
                write_manifest(home, **ids)
            else:
                check_ids(home, manifest, **ids)
            undo.pop_all()
        return cls(CenterContext(home, clock, bank, mg_ca, other_ca, protection, journal, timers))

    def _start(self) -> None:
        """Finish or cancel what killed processes left, refresh stale revocation lists,
        tidy the media, make the demo."""
        resume_jobs(self._ctx)
        for ca in self._ctx.known_cas:
            ca.crl()  # republished when past its nextUpdate at the simulated time
        for location in self.media():
            with contextlib.suppress(OSError):
                storage.clean_stale_staging(location.root)
        ensure_demo_certificate(self._ctx)

    def close(self) -> None:
        """Close the databases."""
        self._ctx.journal.close()
        if self._in_use is not None:
            self._in_use.release()
            self._in_use = None
        self._ctx.mg_ca.close()
        self._ctx.other_ca.close()
        self._ctx.bank.close()

    def __enter__(self) -> CertificateCenter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- wiring ----------------------------------------------------------------------
    @property
    def bank(self) -> Bank:
        return self._ctx.bank

    @property
    def mg_ca(self) -> CertificateAuthority:
        return self._ctx.mg_ca

    @property
    def other_ca(self) -> CertificateAuthority:
        return self._ctx.other_ca

    @property
    def clock(self) -> Clock:
        return self._ctx.clock

    @property
    def home(self) -> DataHome:
        return self._ctx.home

    @property
    def key_protection(self) -> KeyProtection:
        """Form and KDF count of the new key files this center writes."""
        return self._ctx.key_protection

    @property
    def iterations(self) -> int:
        """The KDF count of new key files (``key_protection.iterations``)."""
        return self._ctx.key_protection.iterations

    # --- media -----------------------------------------------------------------------
    def media(self) -> list[MediumLocation]:
        """하드디스크, 이동식디스크 (default mount point), 휴대폰, 보안토큰 (unavailable)."""
        return media.standard_media(self._ctx.home)

    def medium(self, kind: MediumKind) -> MediumLocation:
        """The standard location of one medium kind."""
        return media.location_of(self._ctx.home, kind)

    def removable(self, root: Path) -> MediumLocation:
        """An 이동식디스크 at a folder the user picked (must exist)."""
        return media.removable(root)

    def medium_at(self, kind: MediumKind, folder: Path | None = None) -> MediumLocation:
        """``kind`` at the chosen ``folder`` if the kind takes one (이동식디스크), else at
        its standard place (see :data:`mgcert.center.media.MEDIA_TABLE`)."""
        return media.location_for(self._ctx.home, kind, folder)

    # --- flows -----------------------------------------------------------------------
    def start_issuance(self, kind: CertificateKind) -> IssuanceFlow:
        """공동인증서 발급/재발급 of ``kind`` (GENERAL or UNIVERSAL)."""
        return IssuanceFlow(self._ctx, kind)

    def start_renewal(self) -> RenewalFlow:
        return RenewalFlow(self._ctx, self._catalog)

    def start_financial(self) -> FinancialFlow:
        return FinancialFlow(self._ctx)

    def start_registration(self) -> RegistrationFlow:
        return RegistrationFlow(self._ctx, self._catalog)

    # --- management ------------------------------------------------------------------
    def list_certificates(self, location: MediumLocation) -> CertificateListing:
        return self._catalog.listing(location)

    def refresh(self, entry: CertificateEntry) -> CertificateEntry:
        """The entry re-read from its medium with its current status."""
        return self._catalog.refresh(entry)

    def details(self, entry: CertificateEntry) -> CertificateDetails:
        return self._management.details(entry)

    def change_password(
        self,
        entry: CertificateEntry,
        old: str,
        new: str,
        confirm: str,
        *,
        scheme: KeyScheme | None = None,
        iterations: int | None = None,
    ) -> KeyProtection:
        """Re-encrypt under ``new``, keeping the file's form and count unless ``scheme`` /
        ``iterations`` override them; returns what was written."""
        return self._management.change_password(
            entry, old, new, confirm, scheme=scheme, iterations=iterations
        )

    def copy_certificate(
        self, entry: CertificateEntry, target: MediumLocation, *, overwrite: bool = False
    ) -> CertificateEntry:
        """복사; refused before writing when ``target`` holds it already, or holds another
        certificate in its folder (unless ``overwrite``). Returns the copy's entry."""
        return self._management.copy_certificate(entry, target, overwrite=overwrite)

    def delete_certificate(self, entry: CertificateEntry) -> None:
        self._management.delete_certificate(entry)

    def revocation_refusal(self, entry: CertificateEntry) -> CenterError | None:
        """Why 폐기 of ``entry`` is impossible (known before any password), or None."""
        return self._management.revocation_refusal(entry)

    def revoke_certificate(self, entry: CertificateEntry, password: str) -> RevocationResult:
        return self._management.revoke_certificate(entry, password)

    def unregister(self, entry: CertificateEntry, password: str) -> None:
        self._management.unregister(entry, password)

    def export_certificate(self, entry: CertificateEntry, password: str) -> ExportTicket:
        return self._transfer.export_certificate(entry, password)

    def import_certificate(self, code: str, target: MediumLocation) -> CertificateEntry:
        return self._transfer.import_certificate(code, target)

    def financial_certificate(self, customer_id: int) -> CloudCertificateInfo | None:
        """Serial, expiry and PIN lock state of the customer's 금융인증서 in the cloud."""
        return self._ctx.bank.cloud_info(customer_id)

    def open_financial(self, customer_id: int, pin: str) -> FinancialCertificate:
        """Open the cloud 금융인증서 with its PIN (WrongPin / PinLocked / NoCloudCertificate)."""
        return open_financial(self._ctx, self._catalog, customer_id, pin)

    def login_check(self, entry: CertificateEntry, password: str) -> LoginReport:
        return self._login.login_check(entry, password)

    def verify_login(
        self, certificate: x509.Certificate, challenge: bytes, signature: bytes
    ) -> LoginReport:
        """The bank side of a login alone (for a challenge signed elsewhere)."""
        return self._login.verify(certificate, challenge, signature)

    def parked_jobs(self) -> list[Job]:
        """Issued certificates waiting for a medium (the TUI's home screen says so)."""
        return [job for job in self._ctx.journal.active() if job.state.value == "parked"]

    @property
    def journal(self) -> Journal:
        return self._ctx.journal

    def pending_recoveries(self) -> list[Path]:
        """Recovery folders of issued certificates never saved to a medium."""
        return parked_folders(self._ctx.home.recovery_dir)

    def save_recovered(
        self, folder: Path, location: MediumLocation, progress: Progress | None = None
    ) -> IssuanceResult:
        """Write a parked certificate (from :meth:`pending_recoveries`) to ``location`` and
        finish its issuance: also after the flow that parked it is gone."""
        return save_parked(self._ctx, folder, location, progress)

    # --- PFX (PKCS #12) --------------------------------------------------------------
    def export_pfx(
        self,
        entry: CertificateEntry,
        password: str,
        pfx_password: str,
        confirm: str,
        target: Path | str,
    ) -> PfxExport:
        """PFX 내보내기: the certificate, its key with the randomNum and the CA chain in a
        new 0600 PKCS #12 file at ``target`` (a file, or a folder for
        :meth:`suggested_pfx_name`); an existing file is never replaced. The PFX password
        follows the certificate password rule."""
        return PfxTransfer(self._ctx, self._catalog).export_pfx(
            entry, password, pfx_password, confirm, target
        )

    def import_pfx(
        self,
        source: Path | str,
        pfx_password: str,
        new_password: str,
        confirm: str,
        target: MediumLocation,
    ) -> CertificateEntry:
        """PFX 가져오기: signCert.der + signPri.key (under ``new_password``) on ``target``.
        A PFX without randomNum is refused (``PfxWithoutRandomNum``): the bank could not
        check the VID."""
        return PfxTransfer(self._ctx, self._catalog).import_pfx(
            source, pfx_password, new_password, confirm, target
        )

    def suggested_pfx_name(self, entry: CertificateEntry) -> str:
        """``<holder>_<serial>.pfx``: the file name offered for an export."""
        return suggested_file_name(entry)


def _protection(key_protection: KeyProtection | None, iterations: int | None) -> KeyProtection:
    if key_protection is not None and iterations is not None:
        raise TypeError("give key_protection or iterations, not both")
    if key_protection is not None:
        return key_protection
    return KeyProtection() if iterations is None else KeyProtection(iterations=iterations)
