"""A small DER writer for what ``cryptography.hazmat.asn1`` cannot encode.

The declarative encoder has no BMPString (PKCS #9 friendlyName is one) and cannot
re-encode a raw element (``TLV``), and PKCS #12 nests whole structures inside OCTET
STRINGs and ``[0] EXPLICIT ANY`` fields. The PFX writer (:mod:`mgcert.npki.pfx`) builds
its structures with these functions, one per ASN.1 construct, each call named after the
field it writes; reading stays with the declared classes of :mod:`mgcert.npki.pfx_asn1`.
"""

from __future__ import annotations

from cryptography import x509

_INTEGER = 0x02
_OCTET_STRING = 0x04
_NULL = 0x05
_OBJECT_IDENTIFIER = 0x06
_BMP_STRING = 0x1E
_SEQUENCE = 0x30
_SET = 0x31
_CONTEXT_CONSTRUCTED = 0xA0
_CONTEXT_PRIMITIVE = 0x80


def element(tag: int, content: bytes) -> bytes:
    """One DER element: tag, definite length, content (single-byte tags only)."""
    if not 0 <= tag <= 0xFF or tag & 0x1F == 0x1F:
        raise ValueError("only single-byte tags are written")
    length = len(content)
    if length < 0x80:
        header = bytes([tag, length])
    else:
        size = length.to_bytes((length.bit_length() + 7) // 8, "big")
        header = bytes([tag, 0x80 | len(size)]) + size
    return header + content


def sequence(*elements: bytes) -> bytes:
    """SEQUENCE (or SEQUENCE OF) of already encoded elements, in the given order."""
    return element(_SEQUENCE, b"".join(elements))


def set_of(*elements: bytes) -> bytes:
    """SET OF: DER orders the encoded elements (X.690 11.6)."""
    return element(_SET, b"".join(sorted(elements)))


def integer(value: int) -> bytes:
    """INTEGER, two's complement, minimal length."""
    size = (value + (value < 0)).bit_length() // 8 + 1
    return element(_INTEGER, value.to_bytes(size, "big", signed=True))


def octet_string(value: bytes) -> bytes:
    return element(_OCTET_STRING, value)


def null() -> bytes:
    return element(_NULL, b"")


def object_identifier(oid: x509.ObjectIdentifier) -> bytes:
    """OBJECT IDENTIFIER: the first two arcs joined, each arc base-128."""
    arcs = [int(arc) for arc in oid.dotted_string.split(".")]
    if len(arcs) < 2 or arcs[0] > 2 or (arcs[0] < 2 and arcs[1] >= 40):
        raise ValueError(f"not a valid OID: {oid.dotted_string}")
    content = bytearray()
    for arc in [40 * arcs[0] + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        content += bytes(reversed(chunk))
    return element(_OBJECT_IDENTIFIER, bytes(content))


def bmp_string(text: str) -> bytes:
    """BMPString (UCS-2, big-endian); characters beyond the BMP cannot be written."""
    if any(ord(ch) > 0xFFFF for ch in text):
        raise ValueError("a BMPString holds only characters of the Basic Multilingual Plane")
    return element(_BMP_STRING, text.encode("utf-16-be"))


def explicit(number: int, inner: bytes) -> bytes:
    """``[number] EXPLICIT``: the encoded element wrapped in a context-specific tag."""
    return element(_CONTEXT_CONSTRUCTED | _context_number(number), inner)


def implicit_octets(number: int, content: bytes) -> bytes:
    """``[number] IMPLICIT OCTET STRING``: the octets under a context-specific tag."""
    return element(_CONTEXT_PRIMITIVE | _context_number(number), content)


def _context_number(number: int) -> int:
    if not 0 <= number < 0x1F:
        raise ValueError("context tag numbers 0..30 only")
    return number
