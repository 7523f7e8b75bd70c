"""``NpkiCA``: a throw-away NPKI certificate authority for other projects' tests.

It is mgcert's own CA (the same profile, register, CRL/ARL and OCSP as the simulated
bank's), driven directly: no customers, no identity steps, no fees. One object, one
call per certificate, results that are paths and values::

    with NpkiCA() as ca:
        cert = ca.issue(name="홍길동", kind="general")
        cert.cert_path, cert.key_path, cert.password, cert.rrn
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import MG_CA_PROFILE, CaProfile, CertificateAuthority, IssueRequest
from mgcert.ca.urls import CaUrls
from mgcert.clock import Clock
from mgcert.home import DataHome
from mgcert.messages import testing as msg
from mgcert.npki.keyfile import (
    FIXTURE_ITERATIONS,
    MAX_ITERATIONS,
    KeyScheme,
    encrypt_private_key,
    new_random_num,
)
from mgcert.npki.keyform import check_iterations
from mgcert.npki.layouts import FolderLayout, medium_root
from mgcert.npki.names import folder_name, make_cn
from mgcert.npki.profile import BANK_CODE_MG, CertificateKind
from mgcert.npki.rrn import ResidentNumber
from mgcert.npki.storage import write_certificate
from mgcert.npki.vid import compute_vid
from mgcert.testing.certificate import NpkiCertificate
from mgcert.testing.dates import When, validity
from mgcert.testing.errors import (
    FixtureCaClosed,
    FixtureError,
    HolderNumberInvalid,
    NotIssuedHere,
    PkiPortInUse,
)
from mgcert.testing.holders import checked_brn, checked_rrn, made_up_rrn
from mgcert.testing.keys import KeySource

DEFAULT_NAME = "홍길동"
# Meets the certificate password rule (10+ characters, letters, digits, specials).
DEFAULT_PASSWORD = "npki-Test-2048!"  # noqa: S105 — a published test password
# CN tail as MG's: 0 + bank code + 045 + YYYYMMDD, then the CA's 9-digit number.
_CN_HEAD = f"0{BANK_CODE_MG}045"
_CN_NUMBER_DIGITS = 9
KINDS = {
    "general": CertificateKind.GENERAL,
    "universal": CertificateKind.UNIVERSAL,
    "corporate": CertificateKind.CORPORATE,
}
KEY_FORMS = {scheme.cli_name: scheme for scheme in KeyScheme}
_T = TypeVar("_T")


@dataclass(frozen=True)
class _Holder:
    rrn: ResidentNumber | None
    brn: str | None

    @property
    def digits(self) -> str:
        if self.rrn is not None:
            return self.rrn.digits
        assert self.brn is not None
        return self.brn


class NpkiCA:
    """A root and an issuing CA in a data home of their own.

    ``home=None`` makes a temporary folder that :meth:`close` removes; a given ``home``
    is kept (open it again later, or serve it with ``mgcert serve --home``). ``now``
    pins the CA's clock (an aware datetime); by default it follows real time.
    ``reuse_keys=True`` reuses two key pairs across all fixtures of this process
    instead of generating RSA-2048 for each: a fixture then costs milliseconds
    (see :mod:`mgcert.testing.keys`). ``pki_url`` is what the certificates' CRL DP and
    AIA point at, fixed when the home is made; by default a free loopback port, which
    :meth:`serve` then answers on. Fixtures are written without fsync (atomic against a
    killed process, not a power cut); ``durable=True`` syncs as the certificate center
    does.
    """

    def __init__(
        self,
        home: str | os.PathLike[str] | None = None,
        *,
        now: datetime | None = None,
        reuse_keys: bool = False,
        pki_url: str | None = None,
        profile: CaProfile = MG_CA_PROFILE,
        durable: bool = False,
    ) -> None:
        self._temporary = home is None
        root = Path(tempfile.mkdtemp(prefix="mgcert-npki-")) if home is None else Path(home)
        self._home = DataHome(root.resolve()).ensure()
        self._clock = Clock(pinned=now)
        self._keys = KeySource(reuse=reuse_keys)
        self._profile = profile
        self._durable = durable
        if pki_url is None and not self._home.ca_db.exists():
            pki_url = f"http://127.0.0.1:{_free_port()}"
        try:
            self._ca: CertificateAuthority | None = CertificateAuthority.open(
                self._home.ca_dir,
                self._home.ca_db,
                self._clock,
                profile,
                pki_url=pki_url,
                durable=durable,
            )
        except BaseException:
            self._remove_temporary()
            raise

    # -- what the CA is --------------------------------------------------------------

    @property
    def home(self) -> Path:
        return self._home.root

    @property
    def org(self) -> str:
        """The CA's O, which is also its NPKI folder name (``NPKI/<org>/USER``)."""
        return self._profile.org

    @property
    def root_cert_path(self) -> Path:
        return self._authority.root_path

    @property
    def issuing_cert_path(self) -> Path:
        return self._authority.issuing_path

    @property
    def crl_path(self) -> Path:
        """The issuing CA's CRL (DER), republished on every :meth:`revoke`."""
        return self._authority.crl_path

    @property
    def arl_path(self) -> Path:
        return self._authority.arl_path

    @property
    def root_certificate(self) -> x509.Certificate:
        return self._authority.root_certificate

    @property
    def issuing_certificate(self) -> x509.Certificate:
        return self._authority.issuing_certificate

    @property
    def urls(self) -> CaUrls:
        """The URLs written into the certificates (CRL DP, OCSP, CA certificates)."""
        return self._authority.urls

    @property
    def today(self) -> date:
        """Today in KST by the CA's clock."""
        return self._clock.today_kst()

    @property
    def authority(self) -> CertificateAuthority:
        """mgcert's CA object underneath, for what this class does not wrap."""
        return self._authority

    @property
    def _authority(self) -> CertificateAuthority:
        if self._ca is None:
            raise FixtureCaClosed
        return self._ca

    # -- issuing ---------------------------------------------------------------------

    def issue(
        self,
        name: str = DEFAULT_NAME,
        rrn: str | None = None,
        *,
        kind: str = "general",
        password: str = DEFAULT_PASSWORD,
        not_before: When | None = None,
        not_after: When | None = None,
        key_form: str = "pbes2",
        iterations: int = FIXTURE_ITERATIONS,
        km: bool = False,
        brn: str | None = None,
        rrn_check_digit: bool = True,
        root: str | os.PathLike[str] | None = None,
        layout: str = "removable",
    ) -> NpkiCertificate:
        """Issue one certificate and write its NPKI folder.

        ``rrn=None`` makes up a valid 주민등록번호; a given one must pass the check digit
        unless ``rrn_check_digit=False``. ``kind="corporate"`` takes ``brn`` (사업자등록번호)
        instead. Dates may lie in the past or the future (expired, not yet valid). The
        folder goes under ``root`` in ``layout`` (default: a folder of its own in the
        CA's home). Raises a :class:`FixtureError` subclass with a Korean message.
        """
        chosen = _choice(KINDS, kind, msg.UNKNOWN_KIND, "kind")
        scheme = _choice(KEY_FORMS, key_form, msg.UNKNOWN_KEY_FORM, "form")
        _check_iterations(iterations)
        if not password:
            raise FixtureError(msg.BAD_PASSWORD)
        holder = _holder(chosen, rrn, brn, check_digit=rrn_check_digit)
        FolderLayout.parse(layout)  # a bad name is refused before anything is issued
        start, end = validity(
            not_before,
            not_after,
            years=chosen.validity_years,
            today=self._clock.today_kst(),
        )
        ca = self._authority
        sign_key = self._keys.sign_key()
        random_num = new_random_num()
        vid = compute_vid(holder.digits, random_num)
        request = IssueRequest(
            cn=make_cn(name, f"{_CN_HEAD}{start.date():%Y%m%d}"),
            real_name=name,
            vid=vid,
            kind=chosen,
            not_before=start,
            not_after=end,
            cn_number_digits=_CN_NUMBER_DIGITS,
            allow_any_dates=True,
        )
        certificate = ca.issue(self._keys.request(sign_key), request)
        km_certificate, km_key = self._issue_km(certificate, request) if km else (None, None)
        target_root = (
            self.home / "issued" / format(certificate.serial_number, "x")
            if root is None
            else Path(root)
        )
        folder = write_certificate(
            medium_root(target_root, layout),
            ca.profile.org,
            folder_name(certificate.subject),
            _der(certificate),
            encrypt_private_key(
                sign_key, password, random_num, iterations=iterations, scheme=scheme
            ),
            km_cert_der=None if km_certificate is None else _der(km_certificate),
            km_key_der=None
            if km_key is None
            else encrypt_private_key(
                km_key, password, random_num, iterations=iterations, scheme=scheme
            ),
            durable=self._durable,
        )
        return NpkiCertificate(
            name=name,
            kind=kind,
            cn=_cn_of(certificate),
            serial=certificate.serial_number,
            not_before=certificate.not_valid_before_utc,
            not_after=certificate.not_valid_after_utc,
            folder=folder,
            password=password,
            rrn=holder.rrn.digits if holder.rrn is not None else None,
            brn=holder.brn,
            vid=vid,
            random_num=random_num,
            key_form=scheme.cli_name,
            iterations=iterations,
            ca_org=ca.profile.org,
            certificate=certificate,
            private_key=sign_key,
            chain=(ca.issuing_certificate,),
            km_certificate=km_certificate,
        )

    def _issue_km(
        self, sign: x509.Certificate, request: IssueRequest
    ) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
        key = self._keys.km_key()
        certificate = self._authority.issue_key_management(
            self._keys.request(key), sign.serial_number
        )
        return certificate, key

    # -- revocation ------------------------------------------------------------------

    def revoke(self, cert: NpkiCertificate | int, reason: str = "keyCompromise") -> None:
        """Revoke a certificate (and its KM certificate) and republish the CRL.

        ``reason`` is an RFC 5280 name (``keyCompromise``, ``superseded``,
        ``cessationOfOperation``, ``affiliationChanged``, ``unspecified``...).
        """
        serial = cert if isinstance(cert, int) else cert.serial
        try:
            flag = x509.ReasonFlags(reason)
        except ValueError:
            raise FixtureError(msg.UNKNOWN_REASON.format(reason=reason)) from None
        ca = self._authority
        if ca.record(serial) is None:
            raise NotIssuedHere(msg.NOT_THIS_CA.format(serial=format(serial, "x")))
        ca.revoke(serial, flag)

    def status(self, cert: NpkiCertificate | int) -> str:
        """``good``, ``revoked`` or ``expired`` as the CA's register says now."""
        serial = cert if isinstance(cert, int) else cert.serial
        return self._authority.status(serial).value

    # -- the PKI over HTTP -----------------------------------------------------------

    @contextlib.contextmanager
    def serve(self, *, port: int | None = None) -> Iterator[CaUrls]:
        """Serve the CA certificates, CRL, ARL and OCSP on loopback while inside.

        By default on the port written into the certificates, so a consumer that
        follows the certificate's CRL DP and AIA reaches this server. ``port=0`` picks
        any free port (then use the yielded URLs, not the certificate's).
        """
        from mgcert.pki.errors import PkiAddressUnavailable
        from mgcert.pki.server import PkiServer

        self._authority  # noqa: B018 — a closed CA is refused before binding
        try:
            server = PkiServer(
                self._home,
                self._clock,
                host="127.0.0.1",
                port=port,
                log=None,
                profiles=(self._profile,),
            )
        except PkiAddressUnavailable as exc:
            raise PkiPortInUse(msg.PORT_IN_USE.format(url=self.urls.base)) from exc
        with server:
            yield server.urls[next(iter(server.urls))]

    # -- the gallery -----------------------------------------------------------------

    def gallery(self, directory: str | os.PathLike[str]) -> list[dict[str, object]]:
        """Write the gallery of good and bad certificates (see :mod:`mgcert.testing.gallery`)."""
        from mgcert.testing.gallery import write_gallery

        return write_gallery(self, Path(directory))

    # -- lifetime --------------------------------------------------------------------

    def close(self) -> None:
        """Close the register; a temporary home is removed."""
        if self._ca is not None:
            self._ca.close()
            self._ca = None
        self._remove_temporary()

    def _remove_temporary(self) -> None:
        if self._temporary:
            shutil.rmtree(self._home.root, ignore_errors=True)

    def __enter__(self) -> NpkiCA:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _choice(table: dict[str, _T], value: str, message: str, field: str) -> _T:
    try:
        return table[value]
    except (KeyError, TypeError):
        raise FixtureError(message.format(**{field: value})) from None


def _check_iterations(iterations: int) -> None:
    try:
        check_iterations(iterations)
    except (TypeError, ValueError):
        raise FixtureError(
            msg.BAD_ITERATIONS.format(limit=MAX_ITERATIONS, value=iterations)
        ) from None


def _holder(
    kind: CertificateKind, rrn: str | None, brn: str | None, *, check_digit: bool
) -> _Holder:
    if kind is CertificateKind.CORPORATE:
        if rrn is not None:
            raise HolderNumberInvalid(msg.RRN_NOT_FOR_CORPORATE)
        if brn is None:
            raise HolderNumberInvalid(msg.BRN_NEEDED)
        return _Holder(rrn=None, brn=checked_brn(brn))
    if brn is not None:
        raise HolderNumberInvalid(msg.BRN_NOT_FOR_PERSONAL)
    number = made_up_rrn() if rrn is None else checked_rrn(rrn, check_digit=check_digit)
    return _Holder(rrn=number, brn=None)


def _der(certificate: x509.Certificate) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return certificate.public_bytes(serialization.Encoding.DER)


def _cn_of(certificate: x509.Certificate) -> str:
    from mgcert.npki.names import common_name

    return common_name(certificate.subject)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


__all__ = ["DEFAULT_NAME", "DEFAULT_PASSWORD", "NpkiCA"]
