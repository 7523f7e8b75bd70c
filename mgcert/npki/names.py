"""CN, subject DN and NPKI folder names — and refusal of names that could escape a folder.

CN is ``<name>()<digits>``; the subject is ``C=kr, O=<CA org>, OU=personal4IB,
OU=<bank>, CN=...`` (``OU=MG`` for MG새마을금고; a 법인 certificate has
``OU=corporation4EC`` in place of ``personal4IB``, as yessign's do); the folder is the DN
written from CN outwards with lower-case keys and no spaces:
``cn=홍길동()0045...,ou=MG,ou=personal4IB,o=<CA org>,c=kr`` (NPKI.md).
"""

from __future__ import annotations

import re
import unicodedata

from cryptography import x509
from cryptography.x509.oid import NameOID

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg
from mgcert.npki.profile import SUBJECT_OU_BANK, SUBJECT_OU_CORPORATE, SUBJECT_OU_PERSONAL

MAX_NAME_LENGTH = 20
# Letters (Hangul included), spaces and a few punctuation marks real names use.
# Everything that is special in a path or a DN string is refused.
_FORBIDDEN_IN_NAME = set('/\\\x00,=+<>#;"|?*:')
_DIGITS = re.compile(r"[0-9]{1,40}")
_ORG = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}")
_BANK_OU = re.compile(r"[A-Za-z0-9]{1,16}")
_HOLDER_OUS = frozenset({SUBJECT_OU_PERSONAL, SUBJECT_OU_CORPORATE})


class InvalidName(MgcertError):
    """A name that cannot become a CN or a folder."""

    default_message = msg.INVALID_NAME


def normalize_name(name: str) -> str:
    """NFC-normalize and validate a holder's name; raises :class:`InvalidName`."""
    value = unicodedata.normalize("NFC", name).strip()
    if not value or len(value) > MAX_NAME_LENGTH:
        raise InvalidName
    if any(ch in _FORBIDDEN_IN_NAME or unicodedata.category(ch).startswith("C") for ch in value):
        raise InvalidName
    if value in {".", ".."} or value.startswith("."):
        raise InvalidName
    return value


def make_cn(name: str, digits: str) -> str:
    """``<name>()<digits>`` after validating both parts."""
    if not _DIGITS.fullmatch(digits):
        raise InvalidName
    return f"{normalize_name(name)}(){digits}"


def validate_org(org: str) -> str:
    """A CA organisation name, which is also a folder name under ``NPKI/``."""
    if not _ORG.fullmatch(org) or org.strip() != org:
        raise InvalidName
    return org


def validate_bank_ou(bank_ou: str) -> str:
    """The bank OU of a subject (``MG``, ``SHB``): ASCII letters and digits only."""
    if not _BANK_OU.fullmatch(bank_ou):
        raise InvalidName
    return bank_ou


def subject_name(
    cn: str,
    ca_org: str,
    bank_ou: str = SUBJECT_OU_BANK,
    *,
    holder_ou: str = SUBJECT_OU_PERSONAL,
) -> x509.Name:
    """The subject DN in DER order: C, O, OU=<holder_ou>, OU=<bank_ou> (default MG), CN.

    ``holder_ou`` is ``personal4IB`` (default) or ``corporation4EC``
    (:attr:`CertificateKind.subject_ou <mgcert.npki.profile.CertificateKind.subject_ou>`).
    """
    if holder_ou not in _HOLDER_OUS:
        raise InvalidName
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "kr"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, validate_org(ca_org)),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, holder_ou),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, validate_bank_ou(bank_ou)),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


_KEYS = {
    NameOID.COMMON_NAME: "cn",
    NameOID.ORGANIZATIONAL_UNIT_NAME: "ou",
    NameOID.ORGANIZATION_NAME: "o",
    NameOID.COUNTRY_NAME: "c",
}


def folder_name(subject: x509.Name) -> str:
    """The NPKI folder for a subject: DN from CN outwards, lower-case keys, no spaces."""
    parts: list[str] = []
    for attribute in reversed(list(subject)):
        key = _KEYS.get(attribute.oid)
        if key is None:
            continue
        value = attribute.value if isinstance(attribute.value, str) else attribute.value.decode()
        parts.append(f"{key}={value.replace(' ', '')}")
    name = ",".join(parts)
    if not name.startswith("cn=") or not is_safe_folder_name(name):
        raise InvalidName
    return name


def is_safe_folder_name(name: str) -> bool:
    """True when ``name`` is one path component that cannot escape its parent."""
    return (
        bool(name)
        and name not in {".", ".."}
        and "/" not in name
        and "\\" not in name
        and "\x00" not in name
        and len(name.encode("utf-8")) <= 255
    )


def common_name(subject: x509.Name) -> str:
    values = subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if not values:
        return ""
    value = values[0].value
    return value if isinstance(value, str) else value.decode()


def holder_name(cn: str) -> str:
    """The person's name part of ``<name>()<digits>``."""
    return cn.split("()", 1)[0]
