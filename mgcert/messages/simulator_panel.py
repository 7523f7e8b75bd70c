"""Wording of the simulator panel added with issue 14 (the rest is in ``messages.tui``)."""

from __future__ import annotations

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
