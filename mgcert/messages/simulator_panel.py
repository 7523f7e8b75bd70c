"""Wording of the simulator panel (F2): the phone, 보안카드, OTP, clock, 지점 방문, 고객."""

from __future__ import annotations

from mgcert.messages.particles import Template

# 고객 tab: what step ① asks for first, so that at 80 columns the columns a trainee types
# (and the balance the 범용 fee needs) are on screen; the phone number is on the 휴대폰 tab too.
SIM_CUSTOMER_COLUMNS = (
    "이름",
    "주민등록번호",
    "계좌번호",
    "비밀번호",
    "잔액",
    "휴대폰",
)
SIM_BALANCE = "{won:,}원"

# 휴대폰 tab: as on a real ARS call, # ends the input and * starts it again.
SIM_PHONE_KEYS_HINT = "승인번호 두 자리를 누른 뒤 #을 누르세요. (*: 다시 입력)"

# ---------------------------------------------------------------- simulator panel
SIM_TITLE = "시뮬레이터 — 고객이 가진 휴대폰·보안카드·OTP를 대신 보여 줍니다"
SIM_TAB_CUSTOMERS = "고객"
SIM_TAB_CARD = "보안카드"
SIM_TAB_OTP = "OTP"
SIM_TAB_PHONE = "휴대폰"
SIM_TAB_CLOCK = "시계"
SIM_TAB_BRANCH = "지점 방문"
SIM_CURRENT = "현재 고객: {name}"
SIM_CUSTOMERS_INTRO = "데모 고객의 정보입니다. 선택(Enter)하면 현재 고객이 바뀝니다."
SIM_CUSTOMER_NOTE = "{name}: {note}"
SIM_SWITCHED = Template("현재 고객을 {name:으로} 바꿨습니다.")
SIM_CARD_SERIAL = "{name}님의 보안카드 (일련번호 {serial})"
SIM_OTP_TITLE = "{name}님의 OTP"
SIM_OTP_LEFT = "{seconds}초 후 바뀜"
SIM_PHONE_TITLE = "{name}님의 휴대폰 ({phone})"
SIM_PHONE_IDLE = "걸려 온 전화가 없습니다."
SIM_PHONE_RINGING = (
    "[전화 수신 중] MG새마을금고 ARS 인증 전화입니다. 화면의 승인번호 2자리를 누르세요."
)
SIM_PHONE_SEND = "입력 완료 (#)"
SIM_PHONE_CLEAR = "지우기"
SIM_PHONE_ACCEPTED = "승인번호가 확인되었습니다. 전화를 끊고 화면의 [확인]을 누르세요."
SIM_PHONE_REJECTED = "승인번호가 맞지 않습니다. 다시 눌러 주세요."
SIM_PHONE_NEED_TWO = "두 자리를 누른 뒤 입력 완료를 누르세요."
SIM_SMS_TITLE = "문자함"
SIM_SMS_EMPTY = "받은 문자가 없습니다."
SIM_CLOCK_NOW = "시뮬레이션 시각: {now}"
SIM_CLOCK_OFFSET = "실제(고정) 시각보다 {days}일 앞"
SIM_CLOCK_DAY = "+1일"
SIM_CLOCK_MONTH = "+30일"
SIM_CLOCK_YEAR = "+1년"
SIM_CLOCK_RESET = "초기화"
SIM_BRANCH_INTRO = (
    "계좌비밀번호·보안카드·OTP를 여러 번 틀려 잠긴 경우, 실제로는 지점을 방문해 풀어야 합니다.\n"
    "여기서는 버튼 하나로 현재 고객의 잠금을 모두 풉니다."
)
SIM_BRANCH_STATE = "현재 잠금 상태: {state}"
SIM_BRANCH_UNLOCK = "지점 방문 (잠금 해제)"
SIM_BRANCH_DONE = "{name}님의 잠금을 모두 풀었습니다."
SIM_NONE = "없음"
