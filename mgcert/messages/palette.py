"""Wording of the command palette (Ctrl+P): command names, their help lines, its prompt."""

from __future__ import annotations

KEY_PALETTE = "명령 검색"
PALETTE_PLACEHOLDER = "업무나 시뮬레이터 기능을 찾습니다 (예: 갱신, OTP, 시간)…"
PALETTE_TOOLTIP = "업무와 시뮬레이터 기능을 이름으로 찾아 실행합니다"

# One help line per menu item (mgcert.tui.menu.MENU keys); the name is the menu's label.
PALETTE_FLOW_HELP = {
    "issue": "공동인증서를 처음 받거나, 만료·분실·비밀번호를 잊은 인증서를 다시 받습니다.",
    "renew": "만료가 가까운 인증서의 유효기간을 새 인증서로 연장합니다.",
    "financial": "금융결제원 클라우드에 보관되는 금융인증서를 발급합니다.",
    "register": "다른 은행에서 받은 인증서를 MG새마을금고에 등록하거나 등록을 풉니다.",
    "manage": "저장된 인증서를 보고, 암호 변경·복사·삭제·폐기를 합니다.",
    "export": "인증서를 PC와 스마트폰 사이에서 인증번호로 옮깁니다.",
    "login": "인증서로 MG새마을금고에 로그인할 수 있는지 확인합니다.",
    "practice": "정해진 상황에서 업무를 따라 해 보고, 무엇을 잘했는지 결과를 봅니다.",
}

PALETTE_SIM_TAB = "시뮬레이터: {tab} 탭"
# By the panel's tab names (mgcert.tui.screens.simulator.which_tab.TAB_NAMES).
PALETTE_SIM_TAB_HELP = {
    "customers": "데모 고객의 주민등록번호·계좌번호·계좌비밀번호를 보고 현재 고객을 바꿉니다.",
    "card": "현재 고객의 보안카드 번호표를 봅니다.",
    "otp": "현재 고객의 OTP 기기에 지금 표시되는 6자리를 봅니다.",
    "phone": "ARS 전화를 받아 승인번호를 누르고, 문자함에서 SMS 인증번호를 봅니다.",
    "clock": "시뮬레이션 시각을 보고 앞으로 옮깁니다.",
    "branch": "지점을 방문한 것처럼 잠긴 본인확인을 풉니다.",
}

PALETTE_CLOCK = "시간 이동: {step}"
PALETTE_CLOCK_HELP = "시뮬레이션 시계를 {step} 앞으로 옮겨 갱신 기간·만료를 미리 봅니다."
PALETTE_CLOCK_RESET = "시간 이동: 처음 시각으로"
PALETTE_CLOCK_RESET_HELP = "시뮬레이션 시계를 실제(고정) 시각으로 되돌립니다."
PALETTE_BRANCH = "지점 방문: 잠금 해제"
PALETTE_BRANCH_HELP = "현재 고객의 계좌비밀번호·보안카드·OTP 잠금을 모두 풉니다."

# Choosing a flow while another one is on screen.
PALETTE_LEAVE_FLOW = "지금 화면을 닫고 '{target}' 화면으로 갈까요? 입력한 내용은 사라집니다."
PALETTE_BUSY = "인증서를 발급·저장하는 중입니다. 끝난 뒤에 다른 메뉴로 가세요."
PALETTE_LEAVE_FLOW_YES = "이동"
PALETTE_LEAVE_FLOW_NO = "계속하기"
