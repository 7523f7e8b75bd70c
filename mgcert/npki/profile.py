"""Certificate kinds and the NPKI-profile constants they map to (NPKI.md, DOMAIN.md)."""

from __future__ import annotations

import enum

from cryptography import x509

BANK_CODE_MG = "045"
# The other institution's certificates carry Shinhan's code (088) in their CN tail, so
# their subject says so too (real SHB certificates: OU=SHB).
BANK_CODE_OTHER = "088"
UNIVERSAL_FEE_WON = 4_400
# 법인 범용 costs 110,000원 a year (VAT included) at the accredited CAs; shown only: the
# bank app never issues it, so nothing is ever charged for it.
CORPORATE_FEE_WON = 110_000

POLICY_GENERAL_PERSONAL = x509.ObjectIdentifier("1.2.410.200005.1.1.4")  # 은행/신용카드/보험용
POLICY_UNIVERSAL_PERSONAL = x509.ObjectIdentifier("1.2.410.200005.1.1.1")  # 범용
POLICY_FINANCIAL = x509.ObjectIdentifier("1.2.410.200005.1.1.6.8")  # 금융인증서 (simulation)
# yessign (금융결제원) 범용 for 법인, 임의단체 and 개인사업자 (NPKI.md, consumer configs).
POLICY_CORPORATE_UNIVERSAL = x509.ObjectIdentifier("1.2.410.200005.1.1.5")

SUBJECT_OU_PERSONAL = "personal4IB"
# Real 법인 certificates: ``cn=<company>()<digits>,ou=<bank>,ou=corporation4EC,o=yessign,c=kr``
# (yessign), ``...,ou=KMB,ou=corporation4EC,o=CrossCert,c=KR`` (CrossCert).
SUBJECT_OU_CORPORATE = "corporation4EC"
SUBJECT_OU_BANK = "MG"  # MG새마을금고
SUBJECT_OU_OTHER_BANK = "SHB"  # 신한은행, bank code 088


class CertificateKind(enum.Enum):
    """What a certificate is for; decides policy OID, validity and fee."""

    GENERAL = "general"  # 공동인증서 은행/신용카드/보험용 (일반)
    UNIVERSAL = "universal"  # 공동인증서 범용
    FINANCIAL = "financial"  # 금융인증서
    # 공동인증서 법인 범용: for test fixtures (mgcert.testing). The bank app (MG더뱅킹's
    # personal certificate center) never offers, issues, renews or registers it.
    CORPORATE = "corporate"

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
        return _FEES.get(self, 0)

    @property
    def subject_ou(self) -> str:
        """The subject's first OU: ``personal4IB``, or ``corporation4EC`` for 법인."""
        return SUBJECT_OU_CORPORATE if self is CertificateKind.CORPORATE else SUBJECT_OU_PERSONAL

    @property
    def is_personal(self) -> bool:
        """True for the kinds a person holds, the only ones the bank app deals in."""
        return self is not CertificateKind.CORPORATE

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
    CertificateKind.CORPORATE: "법인 범용",
}
_SHORT_LABELS = {
    CertificateKind.GENERAL: "일반",
    CertificateKind.UNIVERSAL: "범용",
    CertificateKind.FINANCIAL: "금융",
    CertificateKind.CORPORATE: "법인",
}
_POLICIES = {
    CertificateKind.GENERAL: POLICY_GENERAL_PERSONAL,
    CertificateKind.UNIVERSAL: POLICY_UNIVERSAL_PERSONAL,
    CertificateKind.FINANCIAL: POLICY_FINANCIAL,
    CertificateKind.CORPORATE: POLICY_CORPORATE_UNIVERSAL,
}
_FEES = {
    CertificateKind.UNIVERSAL: UNIVERSAL_FEE_WON,
    CertificateKind.CORPORATE: CORPORATE_FEE_WON,
}
