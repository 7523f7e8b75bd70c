"""The subscriber certificate, built to the NPKI profile (NPKI.md "Certificate profile")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import AuthorityInformationAccessOID

from mgcert.ca.hierarchy import CaHierarchy
from mgcert.ca.profile import CaProfile
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


def build_subscriber_certificate(
    public_key: rsa.RSAPublicKey,
    terms: SubscriberTerms,
    profile: CaProfile,
    hierarchy: CaHierarchy,
) -> x509.Certificate:
    """Sign a subscriber certificate with the issuing CA key (sha256WithRSAEncryption).

    Extensions: AKI, SKI, keyUsage (critical: digitalSignature + nonRepudiation),
    certificatePolicies (critical: policy OID of the kind, CPS URI, test user notice),
    subjectAltName (identifyData with the VID), CRL distribution point, AIA (OCSP).
    No basicConstraints and no extendedKeyUsage, like real personal certificates.
    """
    issuer = hierarchy.issuing_certificate
    issuer_ski = issuer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return (
        x509.CertificateBuilder()
        .subject_name(subject_name(terms.cn, profile.org))
        .issuer_name(issuer.subject)
        .public_key(public_key)
        .serial_number(terms.serial)
        .not_valid_before(terms.not_before)
        .not_valid_after(terms.not_after)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_ski),
            critical=False,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
        .add_extension(_subscriber_key_usage(), critical=True)
        .add_extension(_policies(terms.kind, profile), critical=True)
        .add_extension(
            x509.SubjectAlternativeName([identify_data_other_name(terms.real_name, terms.vid)]),
            critical=False,
        )
        .add_extension(
            x509.CRLDistributionPoints(
                [
                    x509.DistributionPoint(
                        full_name=[x509.UniformResourceIdentifier(profile.crl_url)],
                        relative_name=None,
                        reasons=None,
                        crl_issuer=None,
                    )
                ]
            ),
            critical=False,
        )
        .add_extension(
            x509.AuthorityInformationAccess(
                [
                    x509.AccessDescription(
                        AuthorityInformationAccessOID.OCSP,
                        x509.UniformResourceIdentifier(profile.ocsp_url),
                    )
                ]
            ),
            critical=False,
        )
        .sign(hierarchy.issuing_key, hashes.SHA256())
    )


def _subscriber_key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=True,  # nonRepudiation
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _policies(kind: CertificateKind, profile: CaProfile) -> x509.CertificatePolicies:
    return x509.CertificatePolicies(
        [
            x509.PolicyInformation(
                kind.policy_oid,
                [profile.cps_url, x509.UserNotice(None, msg.CERT_USER_NOTICE)],
            )
        ]
    )
