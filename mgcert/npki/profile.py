"""Certificate kinds and the NPKI-profile constants they map to (NPKI.md, DOMAIN.md)."""

from __future__ import annotations

import enum

from cryptography import x509

BANK_CODE_MG = "045"
# The other institution's certificates carry Shinhan's code (088) in their CN tail, so
# their subject says so too (real SHB certificates: OU=SHB).
BANK_CODE_OTHER = "088"
UNIVERSAL_FEE_WON = 4_400

POLICY_GENERAL_PERSONAL = x509.ObjectIdentifier("1.2.410.200005.1.1.4")  # 은행/신용카드/보험용
POLICY_UNIVERSAL_PERSONAL = x509.ObjectIdentifier("1.2.410.200005.1.1.1")  # 범용
POLICY_FINANCIAL = x509.ObjectIdentifier("1.2.410.200005.1.1.6.8")  # 금융인증서 (simulation)

SUBJECT_OU_PERSONAL = "personal4IB"
SUBJECT_OU_BANK = "MG"  # MG새마을금고
SUBJECT_OU_OTHER_BANK = "SHB"  # 신한은행, bank code 088


class CertificateKind(enum.Enum):
    """What a certificate is for; decides policy OID, validity and fee."""

    GENERAL = "general"  # 공동인증서 은행/신용카드/보험용 (일반)
    UNIVERSAL = "universal"  # 공동인증서 범용
    FINANCIAL = "financial"  # 금융인증서

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def short_label(self) -> str:
        return _SHORT_LABELS[self]

    @property
    def policy_oid(self) -> x509.ObjectIdentifier:
        return _POLICIES[self]

    @property
    def validity_years(self) -> int:
        return 3 if self is CertificateKind.FINANCIAL else 1

    @property
    def fee_won(self) -> int:
        return UNIVERSAL_FEE_WON if self is CertificateKind.UNIVERSAL else 0

    @classmethod
    def from_policy(cls, oid: x509.ObjectIdentifier) -> CertificateKind | None:
        for kind, policy in _POLICIES.items():
            if policy == oid:
                return kind
        return None


_LABELS = {
    CertificateKind.GENERAL: "은행/신용카드/보험용",
    CertificateKind.UNIVERSAL: "범용",
    CertificateKind.FINANCIAL: "금융인증서",
}
_SHORT_LABELS = {
    CertificateKind.GENERAL: "일반",
    CertificateKind.UNIVERSAL: "범용",
    CertificateKind.FINANCIAL: "금융",
}
_POLICIES = {
    CertificateKind.GENERAL: POLICY_GENERAL_PERSONAL,
    CertificateKind.UNIVERSAL: POLICY_UNIVERSAL_PERSONAL,
    CertificateKind.FINANCIAL: POLICY_FINANCIAL,
}
