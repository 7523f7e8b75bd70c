"""Damaged copies of a real certificate's DER, each breaking one field the center reads.

Every edit keeps the DER well-formed where it can, so the file still loads and the
damage shows only when that field is touched (cryptography decodes several fields
lazily). The offsets assume what cryptography writes for an RSA-2048 certificate
between 256 and 65535 bytes: the certificate and its TBS both use 2-byte lengths.

Loaded by path from the center tests (a test folder is not a package).
"""

from __future__ import annotations

from collections.abc import Callable

_TBS = 8  # 30 82 LL LL | 30 82 LL LL | TBS fields...
_VERSION = bytes.fromhex("a003020102")  # [0] EXPLICIT INTEGER 2 (v3)
_CN_OID = bytes.fromhex("0603550403")
_SKI_OID = bytes.fromhex("0603551d0e")
_SAN_OID = bytes.fromhex("0603551d11")
_RSA_2048_SPKI_KEY = bytes.fromhex("0382010f003082010a")  # BIT STRING, 0 unused, SEQUENCE


def _check(der: bytes) -> None:
    assert der[0:2] == b"\x30\x82"
    assert der[4:6] == b"\x30\x82"
    assert der[_TBS : _TBS + 5] == _VERSION


def _set_byte(der: bytes, index: int, value: int) -> bytes:
    return der[:index] + bytes([value]) + der[index + 1 :]


def bad_version(der: bytes) -> bytes:
    """X.509 version byte 0x7f (only v1 and v3 exist)."""
    _check(der)
    return _set_byte(der, _TBS + 4, 0x7F)


def negative_serial(der: bytes) -> bytes:
    """The serial's first content byte 0x80: a negative INTEGER, still minimal DER."""
    _check(der)
    serial = _TBS + 5
    assert der[serial] == 0x02
    return _set_byte(der, serial + 2, 0x80)


def duplicate_extension(der: bytes) -> bytes:
    """subjectKeyIdentifier's OID turned into subjectAltName's: two SAN extensions."""
    _check(der)
    assert der.count(_SKI_OID) == 1
    assert der.count(_SAN_OID) == 1
    return der.replace(_SKI_OID, _SAN_OID)


def broken_issuer(der: bytes) -> bytes:
    """The issuer's CN (the first CN in the TBS) starts with 0xff: not a valid string."""
    _check(der)
    value = der.index(_CN_OID) + len(_CN_OID)  # tag, length, content
    return _set_byte(der, value + 2, 0xFF)


def broken_validity(der: bytes) -> bytes:
    """notBefore's month becomes 13 (UTCTime YYMMDDHHMMSSZ)."""
    _check(der)
    start = der.index(b"\x17\x0d", _TBS) + 2
    return der[: start + 2] + b"13" + der[start + 4 :]


def broken_public_key(der: bytes) -> bytes:
    """The RSAPublicKey SEQUENCE tag becomes SET: the key does not parse."""
    _check(der)
    at = der.index(_RSA_2048_SPKI_KEY) + 5
    return _set_byte(der, at, 0x31)


def truncated(der: bytes) -> bytes:
    """The last 10 bytes cut off (a copy interrupted half-way)."""
    return der[:-10]


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "bad-version": bad_version,
    "negative-serial": negative_serial,
    "duplicate-extension": duplicate_extension,
    "broken-issuer": broken_issuer,
    "broken-validity": broken_validity,
    "broken-public-key": broken_public_key,
    "truncated": truncated,
}
