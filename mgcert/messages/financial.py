"""Wording of 금융인증서 발급/재발급 (kept in 금융결제원's cloud)."""

from __future__ import annotations

# ---------------------------------------------------------------- 금융인증서
FIN_TITLE = "금융인증서 발급/재발급"
FIN_NOTICE_NEW = "{name}님, 금융인증서를 새로 발급합니다. (무료, 유효기간 3년, 클라우드 보관)"
FIN_NOTICE_REISSUE = "{reason}"
FIN_PIN_HEADING = "금융인증서 PIN 설정"
FIN_PIN_INTRO = (
    "클라우드의 금융인증서를 열 때 쓰는 숫자 6자리입니다. "
    "같은 숫자 반복(111111)이나 연속 숫자(123456)는 쓸 수 없습니다."
)
FIN_PIN_LABEL = "PIN 6자리"
FIN_PIN_CONFIRM_LABEL = "PIN 확인"
FIN_PIN_BUTTON = "발급"
FIN_PIN_FORMAT = "PIN은 숫자 6자리입니다."
FIN_DONE = "발급완료 — 클라우드에 저장되었습니다"
FIN_DONE_REISSUE = "재발급완료 — 클라우드에 저장되었습니다"
FIN_DONE_FIELDS = ("이름", "구분", "유효기간", "일련번호", "보관")
FIN_DONE_STORAGE = "금융결제원 클라우드 (PIN 6자리로 열기)"
FIN_DONE_REPLACED = "이전 금융인증서(일련번호 {serial})는 폐기되었습니다."
FIN_TRY_HEADING = "PIN으로 금융인증서 열어 보기"
FIN_TRY_INTRO = (
    "PIN을 {pin_attempts}번 연속 틀리면 금융인증서가 잠깁니다. 잠기면 재발급해야 합니다."
)
FIN_TRY_BUTTON = "열기"
FIN_TRY_OK = "금융인증서를 열었습니다. PIN이 맞습니다."
