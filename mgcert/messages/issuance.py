"""Wording of 공동인증서 발급/재발급: the kind's steps ①–④, the medium, the password, the result, and a certificate issued but not yet saved."""

from __future__ import annotations

# ---------------------------------------------------------------- wizard steps
STEP_LABELS = ("고객정보 입력", "약관동의", "본인인증", "발급완료")
STEP_DONE_MARK = "✓"
WIZARD_TITLE = "공동인증서 발급/재발급 · {kind}"
WIZARD_TITLE_REISSUE = "공동인증서 재발급 · {kind}"

# step 1
CUSTOMER_HEADING = "① 고객정보 입력"
CUSTOMER_INTRO = "본인 확인을 위해 주민등록번호와 출금계좌 정보를 입력해 주세요."
RRN_LABEL = "주민등록번호"
RRN_FRONT_PLACEHOLDER = "앞 6자리"
RRN_BACK_PLACEHOLDER = "뒤 7자리"
ACCOUNT_LABEL = "출금계좌번호"
ACCOUNT_PLACEHOLDER = "13자리 ('-' 없이 입력해도 됩니다)"
ACCOUNT_PASSWORD_LABEL = "계좌비밀번호"
ACCOUNT_PASSWORD_PLACEHOLDER = "숫자 4자리"
CUSTOMER_NEXT = "확인"
REISSUE_NOTICE = "{reason}"
NEW_NOTICE = "{name}님, 신규 발급으로 진행합니다."
FEE_NOTICE = "범용 수수료 {fee:,}원이 발급할 때 출금계좌에서 인출됩니다. (잔액 {balance:,}원)"
LOCKED_NEXT_STEP = "시뮬레이터(F2)의 '지점 방문' 탭에서 잠금을 풀 수 있습니다."

# validators
V_RRN_FRONT = "주민등록번호 앞 6자리를 숫자로 입력해 주세요."
V_RRN_BACK = "주민등록번호 뒤 7자리를 숫자로 입력해 주세요."
V_ACCOUNT = "출금계좌번호 13자리를 입력해 주세요. (예: 9002-1234-5678-9)"
V_ACCOUNT_PASSWORD = "계좌비밀번호 숫자 4자리를 입력해 주세요."
V_DIGITS = "숫자 {count}자리를 입력해 주세요."
V_FOLDER = "폴더 경로를 입력해 주세요."

# step 2
TERMS_HEADING = "② 약관동의"
TERMS_INTRO = "인증서 발급을 위해 아래 약관에 모두 동의해 주세요."
TERMS_ALL = "전체 동의"
TERMS_NEED_ALL = "모든 필수 약관에 동의해야 다음 단계로 갈 수 있습니다."
TERMS_NEXT = "동의하고 다음"

# step 4
MEDIUM_HEADING = "④ 저장매체 선택"
MEDIUM_INTRO = "인증서를 저장할 곳을 고르세요. 이동식디스크(USB)에 저장하는 것을 권장합니다."
MEDIUM_UNAVAILABLE = "사용할 수 없음"
USB_FOLDER_LABEL = "USB 폴더"
MEDIUM_FOLDER_LABEL = "이동식디스크 폴더 (USB 위치)"
MEDIUM_NEXT = "다음"

PASSWORD_HEADING = "④ 인증서 비밀번호 설정"
PASSWORD_INTRO = "은행도 알 수 없는 비밀번호입니다. 잊으면 찾을 수 없고 재발급해야 합니다."
PASSWORD_LABEL = "인증서 비밀번호"
PASSWORD_CONFIRM_LABEL = "비밀번호 확인"
PASSWORD_PLACEHOLDER = "영문·숫자·특수문자 포함 10자 이상"
PASSWORD_CONFIRM_PLACEHOLDER = "한 번 더 입력"
PASSWORD_MATCH = "두 비밀번호가 같습니다"
ISSUE_BUTTON = "발급"

PROGRESS_HEADING = "인증서를 발급하고 있습니다…"
PROGRESS_HINT = "키 생성과 암호화에 몇 초 걸릴 수 있습니다. 창을 닫지 마세요."

DONE_HEADING_NEW = "④ 발급완료 — 인증서가 발급되었습니다"
DONE_HEADING_REISSUE = "④ 발급완료 — 인증서가 재발급되었습니다"
DONE_REISSUE_NOTE = "이전 인증서는 자동으로 폐기되었습니다."
DONE_REISSUE_REMOVED = "이전 인증서는 자동으로 폐기되었고, 이 저장매체에서도 지웠습니다."
DONE_RECOVERED = (
    "처음 고른 저장매체에는 쓰지 못해 보관해 두었던 인증서를 이 저장매체에 저장했습니다."
)

# ---------------------------------------------------------------- issued, not yet saved
# The CA issued the certificate but writing it to the chosen medium failed; the encrypted
# files wait in the recovery folder until another medium is chosen (no second issuance).
RECOVERY_HEADING = "④ 저장매체 다시 선택 — 인증서는 발급되었습니다"
RECOVERY_NOTICE = (
    "인증서는 정상적으로 발급되었습니다. 선택한 저장매체에 쓰지 못해, 암호화된 인증서를 "
    "아래 보관 폴더에 안전하게 보관해 두었습니다.\n"
    "보관 폴더: {path}\n"
    "다른 저장매체를 고르고 '{button}'을 누르세요. 다시 발급하지 않으며 비밀번호도 다시 "
    "묻지 않습니다."
)
RECOVERY_SAVE_BUTTON = "이 저장매체에 저장"
RECOVERY_TOAST = "인증서는 발급되었지만 저장하지 못했습니다. 다른 저장매체를 골라 주세요."
RECOVERY_PROGRESS_HEADING = "보관해 둔 인증서를 저장하고 있습니다…"
RECOVERY_SAVE_FAILED = (
    "이 저장매체에도 저장하지 못했습니다. 인증서는 계속 {path}에 보관되어 있으니 다른 "
    "저장매체를 골라 주세요."
)
ABANDON_QUESTION_PARKED = (
    "인증서는 이미 발급되어 {path}에 보관되어 있습니다.\n"
    "지금 그만두면 저장매체에는 저장되지 않습니다(나중에 'mgcert recover'로 저장할 수 "
    "있습니다). 그만둘까요?"
)
DONE_FIELDS = ("이름", "발급기관", "용도", "유효기간", "일련번호", "저장위치", "폴더")
DONE_VALIDITY = "{start} ~ {end}"
DONE_HOME = "인증센터로"
DONE_FEE_AND_BALANCE = "수수료 {fee:,}원을 출금했습니다. 출금 후 잔액은 {balance:,}원입니다."
DONE_FEE = "수수료 {fee:,}원을 출금했습니다."
DONE_DOWNLOAD = "인증서 파일 받기"
DONE_OTHER_BANKS = "다른 은행에서 쓰려면 그 은행에서 '타기관 인증서 등록'을 해야 합니다."
