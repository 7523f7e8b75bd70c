"""Extensions the CA writes as real accredited CAs do (NPKI.md "Learned from real certificates").

- **authorityKeyIdentifier** with key id, issuer (DirName) and serial of the signer's
  certificate, on user certificates, the issuing CA certificate, CRLs and ARLs.
- **certificatePolicies** with the user notice first, its text a BMPString, then the CPS
  URI. cryptography's :class:`x509.UserNotice` writes UTF8String, and its ASN.1 module
  has no BMPString, so the extension value is assembled here from DER pieces (each
  primitive encoded by ``cryptography.hazmat.asn1``; only the SEQUENCE and BMPString
  headers are written by hand) and added as an :class:`x509.UnrecognizedExtension` of
  the certificatePolicies OID. cryptography, OpenSSL and PyPinkSign read it as usual.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.hazmat import asn1
from cryptography.x509.oid import (
    AuthorityInformationAccessOID,
    CertificatePoliciesOID,
    ExtensionOID,
)

_TAG_SEQUENCE = 0x30
_TAG_BMP_STRING = 0x1E
# RFC 5280 4.2.1.4: explicitText is at most 200 characters.
MAX_NOTICE_LENGTH = 200


def _der(tag: int, content: bytes) -> bytes:
    """One DER TLV with a definite length."""
    size = len(content)
    if size < 0x80:
        length = bytes([size])
    else:
        octets = size.to_bytes((size.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(octets)]) + octets
    return bytes([tag]) + length + content


def _sequence(*parts: bytes) -> bytes:
    return _der(_TAG_SEQUENCE, b"".join(parts))


def bmp_string(text: str) -> bytes:
    """``text`` as a DER BMPString (UCS-2 big-endian); every character must be in the BMP."""
    if any(ord(ch) > 0xFFFF for ch in text):
        raise ValueError("BMPString holds only characters of the Basic Multilingual Plane")
    return _der(_TAG_BMP_STRING, text.encode("utf-16-be"))


def certificate_policies(
    policy: x509.ObjectIdentifier, notice: str, cps_url: str
) -> x509.UnrecognizedExtension:
    """certificatePolicies with one policy: userNotice (explicitText as BMPString), then CPS.

    ``SEQUENCE { PolicyInformation { policy, SEQUENCE { unotice, cps } } }`` (RFC 5280).
    The caller marks it critical, as real NPKI certificates do.
    """
    if not notice or len(notice) > MAX_NOTICE_LENGTH:
        raise ValueError("explicitText must have 1 to 200 characters")
    user_notice = _sequence(
        asn1.encode_der(CertificatePoliciesOID.CPS_USER_NOTICE),
        _sequence(bmp_string(notice)),  # UserNotice { explicitText } without noticeRef
    )
    cps = _sequence(
        asn1.encode_der(CertificatePoliciesOID.CPS_QUALIFIER),
        asn1.encode_der(asn1.IA5String(cps_url)),
    )
    information = _sequence(asn1.encode_der(policy), _sequence(user_notice, cps))
    return x509.UnrecognizedExtension(ExtensionOID.CERTIFICATE_POLICIES, _sequence(information))


def authority_key_identifier(signer: x509.Certificate) -> x509.AuthorityKeyIdentifier:
    """AKI naming the certificate of whoever signs: its key id, its issuer and its serial."""
    ski = signer.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value
    return x509.AuthorityKeyIdentifier(
        key_identifier=ski.digest,
        authority_cert_issuer=[x509.DirectoryName(signer.issuer)],
        authority_cert_serial_number=signer.serial_number,
    )


def crl_distribution_point(url: str) -> x509.CRLDistributionPoints:
    """One distribution point with one URI (full name), no reasons, no CRL issuer."""
    return x509.CRLDistributionPoints(
        [
            x509.DistributionPoint(
                full_name=[x509.UniformResourceIdentifier(url)],
                relative_name=None,
                reasons=None,
                crl_issuer=None,
            )
        ]
    )


def authority_information_access(
    *, ocsp: str | None, ca_issuers: str
) -> x509.AuthorityInformationAccess:
    """AIA: the OCSP responder (when there is one), then where the issuer's certificate is."""
    descriptions = []
    if ocsp is not None:
        descriptions.append(
            x509.AccessDescription(
                AuthorityInformationAccessOID.OCSP, x509.UniformResourceIdentifier(ocsp)
            )
        )
    descriptions.append(
        x509.AccessDescription(
            AuthorityInformationAccessOID.CA_ISSUERS, x509.UniformResourceIdentifier(ca_issuers)
        )
    )
    return x509.AuthorityInformationAccess(descriptions)
