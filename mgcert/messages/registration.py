"""Wording of 타기관 인증서 등록/해제."""

from __future__ import annotations

# ---------------------------------------------------------------- 타기관 인증서 등록/해제
REG_TITLE = "타기관 인증서 등록/해제"
REG_PICK_INTRO = (
    "다른 은행·인증기관에서 받은 인증서를 골라 MG새마을금고에 등록합니다 (Enter). "
    "등록된 인증서는 'u'로 해제합니다."
)
REG_PURPOSE = "등록할 인증서의 암호를 입력하세요."
REG_UNREGISTER_PURPOSE = "등록을 해제할 인증서의 암호를 입력하세요."
REG_UNREGISTERED = (
    "{name}님의 인증서 등록을 해제했습니다. 이 인증서로는 더 이상 로그인할 수 없습니다."
)
REG_OWNER_HEADING = "주민등록번호 확인"
REG_OWNER_INTRO = (
    "인증서 주인의 주민등록번호를 입력하세요. 인증서에 담긴 식별번호(VID)와 대조합니다."
)
REG_OWNER_NEXT = "확인"
REG_ACCOUNT_HEADING = "출금계좌 확인"
REG_ACCOUNT_INTRO = "{name}님 명의의 출금계좌번호와 계좌비밀번호를 입력하세요."
REG_ACCOUNT_NEXT = "확인"
REG_DONE = "등록완료 — 타기관 인증서가 등록되었습니다"
REG_DONE_FIELDS = ("이름", "발급기관", "구분", "일련번호", "만료일")
REG_DONE_NOTE = "이제 이 인증서로 MG더뱅킹에 로그인할 수 있습니다."
REG_OTHER_HEADING = "타기관 인증서 만들기 (시뮬레이터)"
REG_OTHER_INTRO = (
    "다른 인증기관(OTHERSIM)이 발급한 인증서를 골라 둔 고객 명의로 만들어 "
    "저장합니다. MG에는 등록되지 않은 상태입니다."
)
REG_OTHER_PASSWORD = "인증서 암호"
REG_OTHER_MAKE = "만들기"
REG_OTHER_MADE = "{name}님의 타기관 인증서를 {medium}에 만들었습니다. (암호: 입력한 암호)"
