"""The subscriber certificate, built to the NPKI profile (NPKI.md "Certificate profile").

A key-management certificate (kmCert.der) is the same certificate for a second key, with
keyUsage keyEncipherment + dataEncipherment instead of digitalSignature +
nonRepudiation: the key usage real Korean PKI encryption certificates carry (e.g. an
EPKI server KM certificate under GPKIRootCA1: critical, Key Encipherment, Data
Encipherment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa

from mgcert.ca.extensions import (
    authority_information_access,
    authority_key_identifier,
    certificate_policies,
    crl_distribution_point,
)
from mgcert.ca.hierarchy import CaHierarchy
from mgcert.ca.profile import CaProfile
from mgcert.ca.records import CertificatePurpose
from mgcert.ca.urls import CaUrls
from mgcert.messages import ca as msg
from mgcert.npki.names import subject_name
from mgcert.npki.profile import CertificateKind
from mgcert.npki.vid import identify_data_other_name


@dataclass(frozen=True)
class SubscriberTerms:
    """Everything the CA decides about one certificate besides its key."""

    serial: int
    cn: str
    real_name: str
    vid: bytes
    kind: CertificateKind
    not_before: datetime
    not_after: datetime
    purpose: CertificatePurpose = CertificatePurpose.SIGNING


def build_subscriber_certificate(
    public_key: rsa.RSAPublicKey,
    terms: SubscriberTerms,
    profile: CaProfile,
    hierarchy: CaHierarchy,
    urls: CaUrls,
) -> x509.Certificate:
    """Sign a subscriber certificate with the issuing CA key (sha256WithRSAEncryption).

    Subject ``C=kr, O=<org>, OU=<kind.subject_ou>, OU=<profile.bank_ou>, CN=<cn>``
    (``personal4IB``, or ``corporation4EC`` for 법인). Extensions:
    AKI (key id + issuer + serial of the issuing CA certificate), SKI, keyUsage (critical:
    digitalSignature + nonRepudiation; keyEncipherment + dataEncipherment for a KM
    certificate), certificatePolicies (critical: policy OID of the
    kind; the test user notice first, as BMPString, then the CPS URI), subjectAltName
    (identifyData with the VID), CRL distribution point, AIA (OCSP and caIssuers). No
    basicConstraints and no extendedKeyUsage, like real personal certificates.
    """
    issuer = hierarchy.issuing_certificate
    return (
        x509.CertificateBuilder()
        .subject_name(
            subject_name(terms.cn, profile.org, profile.bank_ou, holder_ou=terms.kind.subject_ou)
        )
        .issuer_name(issuer.subject)
        .public_key(public_key)
        .serial_number(terms.serial)
        .not_valid_before(terms.not_before)
        .not_valid_after(terms.not_after)
        .add_extension(authority_key_identifier(issuer), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(_subscriber_key_usage(terms.purpose), critical=True)
        .add_extension(
            certificate_policies(terms.kind.policy_oid, msg.CERT_USER_NOTICE, urls.cps),
            critical=True,
        )
        .add_extension(
            x509.SubjectAlternativeName([identify_data_other_name(terms.real_name, terms.vid)]),
            critical=False,
        )
        .add_extension(crl_distribution_point(urls.crl), critical=False)
        .add_extension(
            authority_information_access(ocsp=urls.ocsp, ca_issuers=urls.issuing_certificate),
            critical=False,
        )
        .sign(hierarchy.issuing_key, hashes.SHA256())
    )


def _subscriber_key_usage(purpose: CertificatePurpose) -> x509.KeyUsage:
    signing = purpose is CertificatePurpose.SIGNING
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,  # nonRepudiation
        key_encipherment=not signing,
        data_encipherment=not signing,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )
