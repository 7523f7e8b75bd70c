"""Certificates a real CA would never issue, for the gallery's negative cases.

A copy of an issued certificate, changed in one way and signed again: with a policy
outside the NPKI arc, or by a key that is not the issuing CA's (the issuer name and
authority key id still claim it is). These are not in the CA's register, so OCSP
answers ``unknown`` for them.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca import CertificateAuthority
from mgcert.ca.hierarchy import ISSUING_KEY_FILE, PRIVATE_DIR, read_ca_key
from mgcert.npki.keys import generate_key_pair


def with_policy(
    ca: CertificateAuthority, certificate: x509.Certificate, policy: x509.ObjectIdentifier
) -> x509.Certificate:
    """``certificate`` with its policy OID replaced, signed by the issuing CA."""
    policies = certificate.extensions.get_extension_for_class(x509.CertificatePolicies)
    changed = x509.CertificatePolicies(
        [x509.PolicyInformation(policy, info.policy_qualifiers) for info in policies.value]
    )
    return _resign(certificate, _issuing_key(ca), replace=(changed, policies.critical))


def signed_by_stranger(certificate: x509.Certificate) -> x509.Certificate:
    """``certificate`` signed by a fresh key that only claims to be the issuing CA."""
    return _resign(certificate, generate_key_pair())


def _issuing_key(ca: CertificateAuthority) -> rsa.RSAPrivateKey:
    return read_ca_key(ca.directory / PRIVATE_DIR / ISSUING_KEY_FILE, ca.issuing_certificate)


def _resign(
    certificate: x509.Certificate,
    key: rsa.RSAPrivateKey,
    *,
    replace: tuple[x509.ExtensionType, bool] | None = None,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(certificate.subject)
        .issuer_name(certificate.issuer)
        .public_key(certificate.public_key())
        .serial_number(certificate.serial_number)
        .not_valid_before(certificate.not_valid_before_utc)
        .not_valid_after(certificate.not_valid_after_utc)
    )
    for extension in certificate.extensions:
        if replace is not None and extension.oid == replace[0].oid:
            builder = builder.add_extension(replace[0], critical=replace[1])
        else:
            builder = builder.add_extension(extension.value, critical=extension.critical)
    return builder.sign(key, hashes.SHA256())
