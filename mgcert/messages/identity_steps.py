"""Wording of the 본인인증 steps every flow asks: ARS or SMS, then 보안카드 or OTP."""

from __future__ import annotations

from mgcert.messages.particles import Template

# step 3
IDENTITY_HEADING = "③ 본인인증"
PHONE_METHOD_INTRO = "먼저 휴대폰으로 본인인증을 합니다(전자금융사기 예방서비스). 방법을 고르세요."
PHONE_METHOD_ARS = "ARS 전화인증"
PHONE_METHOD_SMS = "1회용 SMS 인증번호"
SECOND_METHOD_INTRO = "추가 인증 수단으로 보안매체를 고르세요."
SECOND_METHOD_CARD = "보안카드"
SECOND_METHOD_OTP = "OTP"
METHOD_NEXT = "선택"

ARS_INTRO = Template("등록된 휴대폰 {phone:으로} 전화가 걸려 옵니다.")
ARS_CODE_LABEL = "승인번호"
ARS_INSTRUCTION = (
    "전화를 받고 안내에 따라 위 승인번호 2자리를 휴대폰 키패드로 누르세요.\n"
    "(시뮬레이터: F2 → '휴대폰' 탭에서 전화를 받으세요.) 통화를 마친 뒤 [확인]을 누르세요."
)
ARS_EXPIRES = "유효시간: {time}까지 ({ars_minutes}분)"
ARS_CONFIRM = "확인"
ARS_RETRY = "다시 걸기"

SMS_INTRO = Template("등록된 휴대폰 {phone:으로} 인증번호 6자리를 보냅니다.")
SMS_SEND = "인증번호 받기"
SMS_SENT = (
    "인증번호를 보냈습니다. {time}까지 입력해 주세요. (시뮬레이터: F2 → '휴대폰' 탭의 문자함)"
)
SMS_CODE_LABEL = "인증번호"
SMS_VERIFY = "확인"
SMS_NOT_SENT = "먼저 [인증번호 받기]를 눌러 주세요."

CARD_INTRO = "보안카드 뒷면의 번호를 입력해 주세요. (시뮬레이터: F2 → '보안카드' 탭)"
CARD_FIRST = "[{cell:02d}]번 앞 두 자리"
CARD_SECOND = "[{cell:02d}]번 뒤 두 자리"
CARD_VERIFY = "확인"

OTP_INTRO = "OTP 기기의 버튼을 눌러 표시되는 6자리를 입력해 주세요. (시뮬레이터: F2 → 'OTP' 탭)"
OTP_LABEL = "OTP 번호"
OTP_VERIFY = "확인"
