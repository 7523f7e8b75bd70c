"""The terms a customer agrees to before a certificate is issued, and what each says.

The texts are the simulator's own plain summaries (not the real contracts): what a
learner should know before ticking each box. 공동인증서 terms name the 인증기관;
금융인증서 terms name 금융결제원, whose cloud keeps the certificate.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    title: str
    summary: str


ELECTRONIC_BANKING = Term(
    "전자금융거래 기본약관 (필수)",
    "은행과 고객이 인터넷·모바일뱅킹으로 거래할 때의 권리와 책임을 정합니다. "
    "인증서와 비밀번호는 본인만 알고 관리해야 하며, 남에게 알려 준 데서 생긴 손해는 "
    "고객이 책임질 수 있습니다.",
)
JOINT_CERTIFICATE_SERVICE = Term(
    "공동인증서비스 이용약관 (필수)",
    "인증기관이 공동인증서를 발급·갱신·폐기하는 방법과 유효기간(1년), 수수료(범용 4,400원)를 "
    "정합니다. 인증서를 잃어버리거나 비밀번호가 알려졌다면 바로 폐기해야 합니다.",
)
PERSONAL_INFO = Term(
    "개인정보 수집·이용 동의 (필수)",
    "본인 확인을 위해 이름, 주민등록번호, 계좌번호, 휴대폰번호를 수집하고 인증서가 "
    "유효한 동안 보관합니다.",
)
THIRD_PARTY_CA = Term(
    "개인정보 제3자(인증기관) 제공 동의 (필수)",
    "인증서를 만들기 위해 이름과 본인확인값(VID에 쓰이는 정보)을 인증기관에 제공합니다. "
    "인증서 비밀번호는 누구에게도 제공되지 않습니다.",
)
FINANCIAL_CERTIFICATE_SERVICE = Term(
    "금융인증서비스 이용약관 (필수)",
    "금융인증서는 금융결제원의 클라우드에 보관되고 6자리 PIN으로 엽니다. 유효기간 3년, "
    "무료이며 PIN을 여러 번 틀리면 잠깁니다.",
)
THIRD_PARTY_KFTC = Term(
    "개인정보 제3자(금융결제원) 제공 동의 (필수)",
    "금융인증서를 발급하고 클라우드에 보관하기 위해 이름, 본인확인값, 휴대폰번호를 "
    "금융결제원에 제공합니다. PIN은 누구에게도 제공되지 않습니다.",
)

JOINT_CERTIFICATE_TERMS = (
    ELECTRONIC_BANKING,
    JOINT_CERTIFICATE_SERVICE,
    PERSONAL_INFO,
    THIRD_PARTY_CA,
)
FINANCIAL_CERTIFICATE_TERMS = (
    ELECTRONIC_BANKING,
    FINANCIAL_CERTIFICATE_SERVICE,
    PERSONAL_INFO,
    THIRD_PARTY_KFTC,
)

KEY_VIEW = "약관 보기"
VIEW_HINT = "약관에서 V를 누르면 내용을 볼 수 있습니다."
CLOSE = "닫기"
