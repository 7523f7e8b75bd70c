"""The CA's own key pairs and certificates: created once per data home, then loaded.

Layout under the CA folder (DESIGN.md "Data home")::

    root.der            root CA certificate (public)
    issuing.der         issuing CA certificate (public) — written last: marks a complete CA
    private/root.key    root key (PEM PKCS #8), 0600, folder 0700
    private/issuing.key issuing key (PEM PKCS #8), 0600

The keys are stored unencrypted, protected by file permissions only: this is a
simulator CA whose certificates say they are test certificates, and there is no place
to keep a key-encryption password that would be safer than the key file itself.

The issuing CA certificate is made like a real accredited CA's (TradeSign CA4 under KISA
RootCA 4, NPKI.md): certificatePolicies (critical: anyPolicy with a test user notice and
the CPS), policyConstraints (critical: requireExplicitPolicy 0), a CRL distribution point
at the root's ARL, AIA caIssuers at the root certificate, and an AKI with key id, issuer
and serial. CA certificates are made once: a data home made before keeps its CA
certificates as they were (without those extensions); only new data homes get this form.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import CertificatePoliciesOID

from mgcert.ca.errors import CaStateDamaged
from mgcert.ca.extensions import (
    authority_information_access,
    authority_key_identifier,
    certificate_policies,
    crl_distribution_point,
)
from mgcert.ca.files import write_atomic
from mgcert.ca.profile import CaProfile
from mgcert.ca.urls import CaUrls
from mgcert.ca.validity import end_of_day_kst, start_of_day_kst
from mgcert.messages import ca as msg

ROOT_CERT_FILE = "root.der"
ISSUING_CERT_FILE = "issuing.der"
PRIVATE_DIR = "private"
ROOT_KEY_FILE = "root.key"
ISSUING_KEY_FILE = "issuing.key"

CA_KEY_BITS = 2048
PUBLIC_FILE_MODE = 0o644
KEY_FILE_MODE = 0o600
KEY_DIR_MODE = 0o700
# The CA is backdated to 1 January of the previous year so that moving the simulated
# clock back (reset after time travel, or a later --now) still finds a valid CA.
_BACKDATE_YEARS = 1
_ROOT_YEARS = 25
_ISSUING_YEARS = 20
ANY_POLICY = CertificatePoliciesOID.ANY_POLICY
# Serials are 4 bytes as in every real NPKI sample: the first byte 0x01..0x7F, so the
# DER INTEGER is positive and exactly 4 bytes long. 2**31 - 2**24 values.
SERIAL_MIN = 0x0100_0000
SERIAL_MAX = 0x7FFF_FFFF


@dataclass(frozen=True)
class CaHierarchy:
    """What issuing needs: both CA certificates and the issuing key."""

    root_certificate: x509.Certificate
    issuing_certificate: x509.Certificate
    issuing_key: rsa.RSAPrivateKey
    root_key: rsa.RSAPrivateKey  # signs the ARL


def new_serial() -> int:
    """A random serial of 4 DER bytes: :data:`SERIAL_MIN` .. :data:`SERIAL_MAX`."""
    return SERIAL_MIN + secrets.randbelow(SERIAL_MAX - SERIAL_MIN + 1)


def ensure_private_dir(directory: Path) -> Path:
    """``<directory>/private`` with mode 0700 (tightened if it already existed)."""
    private = directory / PRIVATE_DIR
    private.mkdir(mode=KEY_DIR_MODE, parents=True, exist_ok=True)
    os.chmod(private, KEY_DIR_MODE)
    return private


def load_or_create(
    directory: Path, profile: CaProfile, today: date, urls: CaUrls, *, create: bool = True
) -> CaHierarchy:
    """Load the CA in ``directory``, creating root and issuing CA if it is not complete.

    The caller holds the creation lock. A folder without ``issuing.der`` is a CA whose
    creation never finished: with ``create`` everything in it is made anew, pointing at
    ``urls``; without (the data home says this CA exists) it is :class:`CaStateDamaged`,
    and its keys are never overwritten.
    """
    private = ensure_private_dir(directory)
    if (directory / ISSUING_CERT_FILE).exists():
        return _load(directory, private, profile)
    if not create:
        raise CaStateDamaged(directory / ISSUING_CERT_FILE)
    return _create(directory, private, profile, today, urls)


def _create(
    directory: Path, private: Path, profile: CaProfile, today: date, urls: CaUrls
) -> CaHierarchy:
    not_before = start_of_day_kst(date(today.year - _BACKDATE_YEARS, 1, 1))
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=CA_KEY_BITS)
    issuing_key = rsa.generate_private_key(public_exponent=65537, key_size=CA_KEY_BITS)
    root = _root_certificate(
        profile, root_key, not_before, end_of_day_kst(date(today.year + _ROOT_YEARS, 12, 31))
    )
    issuing = _issuing_certificate(
        profile,
        issuing_key.public_key(),
        root,
        root_key,
        not_before,
        end_of_day_kst(date(today.year + _ISSUING_YEARS, 12, 31)),
        urls,
    )
    write_atomic(private / ROOT_KEY_FILE, _key_pem(root_key), KEY_FILE_MODE)
    write_atomic(private / ISSUING_KEY_FILE, _key_pem(issuing_key), KEY_FILE_MODE)
    write_atomic(
        directory / ROOT_CERT_FILE, root.public_bytes(serialization.Encoding.DER), PUBLIC_FILE_MODE
    )
    write_atomic(
        directory / ISSUING_CERT_FILE,
        issuing.public_bytes(serialization.Encoding.DER),
        PUBLIC_FILE_MODE,
    )
    return CaHierarchy(root, issuing, issuing_key, root_key)


def _load(directory: Path, private: Path, profile: CaProfile) -> CaHierarchy:
    root = _read_certificate(directory / ROOT_CERT_FILE)
    issuing = _read_certificate(directory / ISSUING_CERT_FILE)
    key = read_ca_key(private / ISSUING_KEY_FILE, issuing)
    root_key = read_ca_key(private / ROOT_KEY_FILE, root)
    if root.subject != profile.root_name or issuing.subject != profile.issuing_name:
        raise CaStateDamaged(directory)
    try:
        issuing.verify_directly_issued_by(root)
    except (ValueError, TypeError, InvalidSignature) as exc:
        raise CaStateDamaged(directory / ISSUING_CERT_FILE) from exc
    return CaHierarchy(root, issuing, key, root_key)


def read_ca_key(path: Path, certificate: x509.Certificate) -> rsa.RSAPrivateKey:
    """The RSA key in ``path``, which must be the key of ``certificate``.

    OpenSSL's full RSA check (primality of p and q, ~60 ms a key) is skipped: the file
    is the CA's own, 0600 in its private folder, and a key that does not belong to the
    certificate is refused below anyway. Every command and every TUI start loads two
    keys, so the check was a third of ``mgcert fixture issue``'s run time.
    """
    try:
        key = serialization.load_pem_private_key(
            path.read_bytes(), password=None, unsafe_skip_rsa_key_validation=True
        )
    except (OSError, ValueError, TypeError) as exc:
        raise CaStateDamaged(path) from exc
    if not isinstance(key, rsa.RSAPrivateKey) or key.public_key() != certificate.public_key():
        raise CaStateDamaged(path)
    return key


def _read_certificate(path: Path) -> x509.Certificate:
    try:
        return x509.load_der_x509_certificate(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise CaStateDamaged(path) from exc


def _key_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _ca_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _root_certificate(
    profile: CaProfile, key: rsa.RSAPrivateKey, not_before: datetime, not_after: datetime
) -> x509.Certificate:
    public = key.public_key()
    return (
        x509.CertificateBuilder()
        .subject_name(profile.root_name)
        .issuer_name(profile.root_name)
        .public_key(public)
        .serial_number(new_serial())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_ca_key_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def _issuing_certificate(
    profile: CaProfile,
    public: rsa.RSAPublicKey,
    root: x509.Certificate,
    root_key: rsa.RSAPrivateKey,
    not_before: datetime,
    not_after: datetime,
    urls: CaUrls,
) -> x509.Certificate:
    return (
        x509.CertificateBuilder()
        .subject_name(profile.issuing_name)
        .issuer_name(root.subject)
        .public_key(public)
        .serial_number(new_serial())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_ca_key_usage(), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(authority_key_identifier(root), critical=False)
        .add_extension(
            certificate_policies(ANY_POLICY, msg.CA_CERT_USER_NOTICE, urls.cps), critical=True
        )
        .add_extension(
            x509.PolicyConstraints(require_explicit_policy=0, inhibit_policy_mapping=None),
            critical=True,
        )
        .add_extension(crl_distribution_point(urls.arl), critical=False)
        .add_extension(
            authority_information_access(ocsp=None, ca_issuers=urls.root_certificate),
            critical=False,
        )
        .sign(root_key, hashes.SHA256())
    )
