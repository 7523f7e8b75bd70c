"""One issued fixture: where its files are, and every value a test needs to use them."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.messages import testing as msg
from mgcert.npki.layouts import medium_root
from mgcert.npki.storage import CertificateFolderExists, write_certificate
from mgcert.testing.errors import TargetFolderTaken

SIGN_CERT = "signCert.der"
SIGN_KEY = "signPri.key"
KM_CERT = "kmCert.der"
KM_KEY = "kmPri.key"


@dataclass(frozen=True)
class NpkiCertificate:
    """A certificate :class:`~mgcert.testing.NpkiCA` issued, already on disk.

    ``folder`` is the ``cn=...`` folder holding ``signCert.der`` (``cert_path``) and
    ``signPri.key`` (``key_path``), and ``kmCert.der`` / ``kmPri.key`` when issued with
    ``km=True``. ``rrn`` is the holder's 13 digits without hyphen (``None`` for a 법인
    certificate, whose VID input is ``brn``, 10 digits). ``vid`` and ``random_num`` are
    what a consumer's identity check recomputes; ``password`` opens the key files.
    """

    name: str
    kind: str
    cn: str
    serial: int
    not_before: datetime
    not_after: datetime
    folder: Path
    password: str = field(repr=False)
    rrn: str | None = field(repr=False)
    brn: str | None
    vid: bytes = field(repr=False)
    random_num: bytes | None = field(repr=False)
    key_form: str
    iterations: int
    ca_org: str
    certificate: x509.Certificate = field(repr=False)
    private_key: rsa.RSAPrivateKey = field(repr=False)
    chain: tuple[x509.Certificate, ...] = field(repr=False)
    km_certificate: x509.Certificate | None = field(default=None, repr=False)

    @property
    def cert_path(self) -> Path:
        return self.folder / SIGN_CERT

    @property
    def key_path(self) -> Path:
        return self.folder / SIGN_KEY

    @property
    def km_cert_path(self) -> Path | None:
        return self.folder / KM_CERT if self.km_certificate is not None else None

    @property
    def km_key_path(self) -> Path | None:
        return self.folder / KM_KEY if self.km_certificate is not None else None

    @property
    def serial_hex(self) -> str:
        """The serial in lower-case hex without leading zeros, as the certificate
        center and the CLI's ``list`` / ``show`` print it."""
        return format(self.serial, "x")

    @property
    def cert_der(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.DER)

    @property
    def id_number(self) -> str:
        """What the VID was computed from: the 주민등록번호 or the 사업자등록번호."""
        number = self.rrn if self.rrn is not None else self.brn
        assert number is not None
        return number

    def write_to(self, root: str | os.PathLike[str], layout: str = "windows") -> Path:
        """Copy the files where real software looks for them under ``root``.

        ``layout`` is ``windows`` (``root/AppData/LocalLow/NPKI/<CA>/USER``), ``macos``
        (``root/Library/Preferences/NPKI/...``), ``linux`` (``root/NPKI/...``), ``android``
        (``root/NPKI/<CA>/USER`` on the SD card root) or ``removable`` (drive root).
        ``root`` is always explicit: pass ``Path.home()`` yourself to write into your
        real home folder. Returns the new ``cn=...`` folder; writing the same
        certificate twice is harmless, another certificate in the way is
        :class:`TargetFolderTaken`.
        """
        parent = medium_root(Path(root), layout)
        km_cert, km_key = self._km_files()
        try:
            return write_certificate(
                parent,
                self.ca_org,
                self.folder.name,
                self.cert_der,
                self.key_path.read_bytes(),
                km_cert_der=km_cert,
                km_key_der=km_key,
            )
        except CertificateFolderExists as exc:
            folder = parent / "NPKI" / self.ca_org / "USER" / self.folder.name
            raise TargetFolderTaken(msg.TARGET_EXISTS.format(folder=folder)) from exc

    def to_pfx(self, path: str | os.PathLike[str], password: str | None = None) -> Path:
        """Write a PKCS #12 file holding the key (with its randomNum), the certificate
        and the issuing CA certificate; ``password`` defaults to the certificate's."""
        from mgcert.npki.pfx import pfx_bytes

        data = pfx_bytes(
            self.certificate,
            self.private_key,
            self.random_num,
            self.password if password is None else password,
            chain=self.chain,
            friendly_name=self.cn,
        )
        target = Path(path)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        return target

    def _km_files(self) -> tuple[bytes | None, bytes | None]:
        if self.km_certificate is None:
            return None, None
        return (
            self.km_certificate.public_bytes(serialization.Encoding.DER),
            (self.folder / KM_KEY).read_bytes(),
        )
