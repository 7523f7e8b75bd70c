"""The delegated OCSP responder of one CA (RFC 6960 §4.2.2.2).

The issuing CA certifies a separate responder key once, so the issuing key signs
certificates and CRLs only and the responder can be renewed on its own::

    ocsp.der            the responder certificate (DER, public)
    private/ocsp.key    its key (PEM PKCS #8, unencrypted like the CA keys), 0600

The certificate carries extendedKeyUsage id-kp-OCSPSigning (what makes a client accept
a response signed by someone other than the CA) and id-pkix-ocsp-nocheck (a client need
not ask about the responder itself). Its validity is short (:data:`RESPONDER_LIFETIME`)
and it is replaced when it has less than :data:`RENEW_BEFORE` left at the simulated
time, when that time lies before its start (the clock was moved back), or when the
issuing CA no longer matches (a new data home). Creating and renewing run under the CA
folder's lock (:func:`mgcert.ca.files.exclusive_lock`), so two servers on one data home
make one responder.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mgcert.ca.authority import LOCK_FILE, CertificateAuthority
from mgcert.ca.errors import CaFolderUnusable
from mgcert.ca.files import exclusive_lock, write_atomic
from mgcert.ca.hierarchy import (
    CA_KEY_BITS,
    ISSUING_KEY_FILE,
    KEY_FILE_MODE,
    PRIVATE_DIR,
    PUBLIC_FILE_MODE,
    ROOT_KEY_FILE,
    ensure_private_dir,
    read_ca_key,
)
from mgcert.ca.profile import CaProfile

RESPONDER_CERT_FILE = "ocsp.der"
RESPONDER_KEY_FILE = "ocsp.key"
RESPONDER_LIFETIME = timedelta(days=30)
RENEW_BEFORE = timedelta(days=7)
# Started a little before "now", so a client whose clock is slightly behind accepts it.
_BACKDATE = timedelta(hours=1)
_RESPONDER_OU = "OCSP"


@dataclass(frozen=True)
class OcspSigner:
    """Who signs OCSP responses for the certificates one CA certificate issued.

    ``certificate`` is the delegated responder certificate sent along with each response,
    or ``None`` when the CA signs its own responses (the root, for the issuing CA).
    """

    issuer: x509.Certificate
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate | None

    @property
    def signer_certificate(self) -> x509.Certificate:
        """The certificate whose key signs: the responder's, or the CA's own."""
        return self.certificate if self.certificate is not None else self.issuer

    def fresh_at(self, now: datetime) -> bool:
        """True while the responder certificate needs no renewal at ``now``."""
        return self.certificate is None or _fresh(self.certificate, now)


def responder_paths(directory: Path) -> tuple[Path, Path]:
    """``(<ca dir>/ocsp.der, <ca dir>/private/ocsp.key)``."""
    return directory / RESPONDER_CERT_FILE, directory / PRIVATE_DIR / RESPONDER_KEY_FILE


def ensure_responder(ca: CertificateAuthority, now: datetime) -> OcspSigner:
    """The CA's delegated responder, made (or renewed) if the one on disk cannot serve at
    ``now``. Raises :class:`CaStateDamaged` if the issuing key is unreadable and
    :class:`CaFolderUnusable` if the new files cannot be written."""
    found = _load(ca)
    if found is not None and found.fresh_at(now):
        return found
    try:
        with exclusive_lock(ca.directory / LOCK_FILE):
            found = _load(ca)  # another process may have renewed it meanwhile
            if found is not None and found.fresh_at(now):
                return found
            return _create(ca, now)
    except OSError as exc:
        raise CaFolderUnusable(ca.directory) from exc


def root_signer(ca: CertificateAuthority) -> OcspSigner:
    """The root signing for the certificates it issued (the issuing CA certificate)."""
    return OcspSigner(ca.root_certificate, _ca_key(ca, ROOT_KEY_FILE, ca.root_certificate), None)


def _load(ca: CertificateAuthority) -> OcspSigner | None:
    cert_path, key_path = responder_paths(ca.directory)
    try:
        certificate = x509.load_der_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return None  # missing or damaged: a derived file, simply made anew
    if not isinstance(key, rsa.RSAPrivateKey) or key.public_key() != certificate.public_key():
        return None
    try:
        certificate.verify_directly_issued_by(ca.issuing_certificate)
    except (ValueError, TypeError, InvalidSignature):
        return None
    return OcspSigner(ca.issuing_certificate, key, certificate)


def _create(ca: CertificateAuthority, now: datetime) -> OcspSigner:
    issuing = ca.issuing_certificate
    issuing_key = _ca_key(ca, ISSUING_KEY_FILE, issuing)
    key = rsa.generate_private_key(public_exponent=65537, key_size=CA_KEY_BITS)
    start = (now - _BACKDATE).replace(microsecond=0)
    end = min(start + RESPONDER_LIFETIME, issuing.not_valid_after_utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_responder_name(ca.profile))
        .issuer_name(issuing.subject)
        .public_key(key.public_key())
        .serial_number(_responder_serial())
        .not_valid_before(max(start, issuing.not_valid_before_utc))
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_responder_key_usage(), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.OCSP_SIGNING]), critical=False)
        .add_extension(x509.OCSPNoCheck(), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(_authority_key_id(issuing), critical=False)
        .sign(issuing_key, hashes.SHA256())
    )
    cert_path, key_path = responder_paths(ca.directory)
    ensure_private_dir(ca.directory)
    # Key first: a crash between the two writes leaves a pair that does not match,
    # which the next call replaces (never a certificate without its key).
    write_atomic(key_path, _key_pem(key), KEY_FILE_MODE)
    write_atomic(cert_path, certificate.public_bytes(serialization.Encoding.DER), PUBLIC_FILE_MODE)
    return OcspSigner(issuing, key, certificate)


def _fresh(certificate: x509.Certificate, now: datetime) -> bool:
    return (
        certificate.not_valid_before_utc <= now
        and certificate.not_valid_after_utc - now > RENEW_BEFORE
    )


def _ca_key(
    ca: CertificateAuthority, name: str, certificate: x509.Certificate
) -> rsa.RSAPrivateKey:
    return read_ca_key(ca.directory / PRIVATE_DIR / name, certificate)


def _responder_name(profile: CaProfile) -> x509.Name:
    """``C=kr, O=<org>, OU=OCSP, CN=<issuing CA CN> OCSP``."""
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "kr"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, profile.org),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, _RESPONDER_OU),
            x509.NameAttribute(NameOID.COMMON_NAME, f"{profile.issuing_cn} OCSP"),
        ]
    )


def _responder_serial() -> int:
    """159 random bits with the top one set: 20 bytes, so it can never equal a
    subscriber's serial (4 bytes in the register) and needs no entry there."""
    return secrets.randbits(158) | (1 << 158)


def _responder_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _authority_key_id(issuing: x509.Certificate) -> x509.AuthorityKeyIdentifier:
    """Key id + issuer (DirName) + serial of the issuing CA, as real NPKI certificates."""
    ski = issuing.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return x509.AuthorityKeyIdentifier(
        key_identifier=ski.digest,
        authority_cert_issuer=[x509.DirectoryName(issuing.issuer)],
        authority_cert_serial_number=issuing.serial_number,
    )


def _key_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
