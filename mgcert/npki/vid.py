"""VID: proves a certificate belongs to a 주민등록번호 without containing it (NPKI.md).

``VID = SHA256(SHA256(DER(HashContent{idn, randomNum})))``; it travels in the
certificate's subjectAltName as an otherName of type identifyData.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat import asn1 as der

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg
from mgcert.npki import asn1

RANDOM_NUM_LENGTH = 20  # 160 bits


class VidError(MgcertError):
    """The certificate has no readable VID."""

    default_message = msg.VID_MISSING


@dataclass(frozen=True)
class IdentifyData:
    real_name: str
    vid: bytes


# The idn is a person's 13-digit 주민등록번호 or a 법인's 10-digit 사업자등록번호.
_IDN_LENGTHS = (13, 10)


def compute_vid(rrn_digits: str, random_num: bytes) -> bytes:
    """The 32-byte VID of an idn (no hyphens) and a 20-byte randomNum.

    The idn is a 13-digit 주민등록번호, or for a 법인 certificate the 10-digit
    사업자등록번호 (:mod:`mgcert.npki.brn`).
    """
    if len(rrn_digits) not in _IDN_LENGTHS or not rrn_digits.isascii() or not rrn_digits.isdigit():
        raise ValueError("rrn_digits must be 13 (주민등록번호) or 10 (사업자등록번호) ASCII digits")
    content = asn1.HashContent(
        idn=der.PrintableString(rrn_digits),
        random_num=der.BitString(random_num, 0),
    )
    encoded = der.encode_der(content)
    return hashlib.sha256(hashlib.sha256(encoded).digest()).digest()


def identify_data_other_name(real_name: str, vid: bytes) -> x509.OtherName:
    """The subjectAltName entry that carries the holder's name and VID."""
    value = asn1.IdentifyData(
        real_name=real_name,
        user_infos=[
            asn1.UserInfo(
                type_id=asn1.OID_VID,
                vid=asn1.VirtualId(
                    hash_alg=asn1.HashAlgorithm(algorithm=asn1.OID_SHA256, parameters=None),
                    virtual_id=vid,
                ),
            )
        ],
    )
    return x509.OtherName(asn1.OID_IDENTIFY_DATA, der.encode_der(value))


def read_identify_data(certificate: x509.Certificate) -> IdentifyData:
    """Name and VID from a certificate's subjectAltName; :class:`VidError` if absent."""
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName)
    except (x509.ExtensionNotFound, ValueError) as exc:
        raise VidError from exc
    for other in san.value.get_values_for_type(x509.OtherName):
        if other.type_id != asn1.OID_IDENTIFY_DATA:
            continue
        try:
            data = der.decode_der(asn1.IdentifyData, other.value)
        except ValueError as exc:
            raise VidError from exc
        for info in data.user_infos:
            if info.type_id == asn1.OID_VID and info.vid.hash_alg.algorithm == asn1.OID_SHA256:
                return IdentifyData(real_name=data.real_name, vid=info.vid.virtual_id)
    raise VidError


def verify_vid(certificate: x509.Certificate, rrn_digits: str, random_num: bytes) -> bool:
    """True when the certificate's VID matches this idn (주민등록번호, or a 법인's
    사업자등록번호) and randomNum."""
    expected = read_identify_data(certificate).vid
    return hmac.compare_digest(expected, compute_vid(rrn_digits, random_num))
