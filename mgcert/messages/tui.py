"""Wording of the tui layer: every sentence a screen shows lives here."""

from __future__ import annotations

from mgcert.messages.particles import Template

APP_TITLE = "MG더뱅킹 인증센터"
APP_SUBTITLE = "시뮬레이터 · 실제 은행과 연결되지 않습니다"

# ---------------------------------------------------------------- bindings (Footer)
KEY_HELP = "도움말"
KEY_SIMULATOR = "시뮬레이터"
KEY_QUIT = "종료"
KEY_BACK = "뒤로"
KEY_CLOSE = "닫기"

# ---------------------------------------------------------------- small terminal
TOO_SMALL = (
    "터미널 창이 너무 작습니다.\n\n"
    "인증센터를 보려면 창을 가로 80칸, 세로 24줄 이상으로 늘려 주세요.\n"
    "(현재 {width}×{height})"
)

# ---------------------------------------------------------------- opening the center
CENTER_OPENING = "인증센터를 여는 중입니다…"
CENTER_UNAVAILABLE_TITLE = "인증센터를 열 수 없습니다"
CENTER_UNAVAILABLE_HINT = (
    "데이터 폴더(--home 또는 MGCERT_HOME)를 확인한 뒤 다시 실행해 주세요. "
    "같은 내용이 종료 후 터미널에도 남습니다."
)
CENTER_UNEXPECTED = "예상하지 못한 오류가 발생했습니다. mgcert --debug 로 다시 실행하면 자세한 내용을 볼 수 있습니다."
CENTER_UNAVAILABLE_QUIT = "종료"
CENTER_UNAVAILABLE_RESET = "새 데이터 폴더로 시작"
CENTER_RESET_QUESTION = (
    "새 데이터 폴더로 시작할까요? 지금 폴더({path})는 지우지 않고 옆으로 옮겨 둡니다. "
    "그 안의 인증서와 은행 기록은 새 폴더에서 보이지 않습니다."
)
CENTER_RESET_YES = "옮기고 새로 시작"
CENTER_RESET_NO = "취소"
CENTER_RESET_TITLE = "새 데이터 폴더로 시작합니다"
CENTER_RESET_RESTART = "mgcert를 다시 실행하면 새 데이터 폴더가 만들어집니다."

# ---------------------------------------------------------------- home
HOME_HEADING = "인증센터"
HOME_INTRO = "원하는 업무를 ↑↓로 고르고 Enter를 누르세요."
HOME_PARKED_NOTICE = (
    "발급되었지만 저장매체에 저장하지 못한 인증서가 {count}건 있습니다: {names}. "
    "다시 발급하지 말고 저장을 마치세요(명령줄: mgcert recover --to harddisk)."
)
MENU_ISSUE = "공동인증서 발급/재발급"
MENU_RENEW = "인증서 갱신"
MENU_FINANCIAL = "금융인증서 발급/재발급"
MENU_REGISTER = "타기관 인증서 등록/해제"
MENU_MANAGE = "인증서 관리 (조회·암호변경·복사·삭제·폐기)"
MENU_EXPORT = "인증서 내보내기/가져오기 (PC↔스마트폰)"
MENU_LOGIN = "인증서 로그인 확인"
MENU_NOT_READY_MARK = "준비 중"
MENU_NOT_READY_NOTICE = (
    "'{item}' 메뉴는 아직 준비 중입니다. 지금은 공동인증서 발급/재발급을 이용해 주세요."
)
COMPARISON_TITLE = "금융인증서와 공동인증서 비교"
COMPARISON_HEADERS = ("", "금융인증서", "공동인증서")
COMPARISON_ROWS = (
    ("용도", "금융 거래", "은행·카드·보험·정부민원 (범용: 증권 포함)"),
    ("유효기간", "3년", "1년"),
    ("보관", "클라우드 (6자리 PIN)", "하드디스크·이동식디스크·휴대폰"),
    ("수수료", "무료", "일반 무료 · 범용 4,400원"),
)

# ---------------------------------------------------------------- kind choice
KIND_HEADING = "공동인증서 발급/재발급 — 인증서 종류 선택"
KIND_GENERAL = "은행/신용카드/보험용 (무료) — 인터넷뱅킹·카드·보험·정부민원"
KIND_UNIVERSAL = "범용 (4,400원, 부가세 포함) — 증권 거래까지 거의 모든 전자거래"
KIND_FEE_NOTE = (
    "범용 수수료는 1단계에서 입력하는 출금계좌에서 인출됩니다. 갱신할 때도 다시 부과됩니다."
)
KIND_CONSENT = "위 내용을 확인했으며 인증서 발급에 동의합니다"
KIND_NEED_CONSENT = "발급 동의에 체크해 주세요."
KIND_START = "다음"

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

# ---------------------------------------------------------------- confirmation
ABANDON_QUESTION = (
    "진행 중인 발급을 그만두고 인증센터로 돌아갈까요?\n입력한 내용은 저장되지 않습니다."
)
ABANDON_YES = "그만두기"
ABANDON_NO = "계속하기"

# ---------------------------------------------------------------- errors (TUI-side)
WORKER_FAILED = "처리 중 알 수 없는 오류가 발생했습니다. 다시 시도해 주세요."

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

# ---------------------------------------------------------------- help
HELP_TITLE = "도움말"
HELP_KEYS_TITLE = "이 화면의 키"
HELP_COMMON_KEYS = (
    ("Tab / Shift+Tab", "다음 / 이전 항목"),
    ("↑ ↓", "목록에서 이동"),
    ("Enter / Space", "선택 · 버튼 누르기 · 체크"),
    ("Esc", "뒤로 (진행 중이면 확인 후)"),
    ("F1", "도움말"),
    ("F2", "시뮬레이터 (휴대폰·보안카드·OTP·시계)"),
    ("Ctrl+P", "명령 검색 (업무·시뮬레이터 기능을 이름으로 찾아 실행)"),
)
HELP_MISTAKES_TITLE = "자주 하는 실수"
HELP_MISTAKES = (
    "인증서 비밀번호를 잊었다 → 찾을 수 없습니다. 재발급을 받으세요 (이전 인증서는 폐기됩니다).",
    "갱신과 재발급을 헷갈린다 → 갱신은 만료 {renewal_days}일 전부터 만료일까지, "
    "재발급은 비밀번호 분실·파일 손상 때입니다.",
    "연말정산 때에야 인증서가 만료된 것을 안다 → 만료 전에 갱신하세요. "
    "만료 후에는 재발급을 받아야 합니다.",
    "새 인증서를 다른 은행에서 못 쓴다 → 다른 은행마다 '타기관 인증서 등록'을 다시 해야 합니다.",
    "OTP·보안카드를 여러 번 틀려 잠겼다 → 지점을 방문해야 합니다 (시뮬레이터의 '지점 방문').",
)
HELP_SCREENS = {
    "home": "인증센터 첫 화면입니다. 인증서 발급·갱신·관리 등 원하는 업무를 고릅니다.",
    "kind": "발급할 공동인증서의 종류를 고릅니다. "
    "일반(은행/신용카드/보험용)은 무료, 범용은 4,400원입니다.",
    "customer": "주민등록번호, 출금계좌번호, 계좌비밀번호 4자리로 본인 계좌를 확인합니다. "
    "계좌비밀번호를 {account_attempts}번 틀리면 전자금융이 잠깁니다.",
    "terms": "발급에 필요한 약관입니다. 모두 동의해야 합니다. "
    "'전체 동의'로 한 번에 체크할 수 있습니다.",
    "identity": "휴대폰(ARS 또는 SMS)과 보안카드 또는 OTP로 두 번 본인인증을 합니다. "
    "코드는 시뮬레이터(F2)에서 볼 수 있습니다.",
    "medium": "인증서를 저장할 곳을 고릅니다. 이동식디스크는 폴더를 직접 지정합니다. "
    "보안토큰은 시뮬레이터에서 쓸 수 없습니다.",
    "password": "인증서 비밀번호를 두 번 입력합니다. 10자 이상, 영문·숫자·특수문자를 모두 넣고 "
    "' \" ₩ | 는 쓸 수 없습니다.",
    "progress": "키를 만들고 인증기관에 발급을 요청하는 중입니다. 잠시 기다려 주세요.",
    "done": "발급된 인증서의 정보와 저장된 폴더입니다.",
    "simulator": "실제 고객이 가진 휴대폰·보안카드·OTP와 시계를 흉내 냅니다. "
    "Tab/←→로 탭을 바꾸고 Esc나 F2로 닫습니다. 닫아도 진행 중인 화면은 그대로입니다.",
}

# ---------------------------------------------------------------- input feel (issue 14)
# What is wrong with a new certificate password, said positively (never "… 없음" after
# "맞지 않습니다"); the checklist shows ✘ beside the same part.
PASSWORD_PROBLEM_MISMATCH = "비밀번호 확인이 비밀번호와 다릅니다."
PASSWORD_PROBLEM_EMPTY = "인증서 비밀번호를 입력해 주세요."
PASSWORD_MISMATCH_RULE = "두 비밀번호가 다릅니다"
BACK_QUESTION = "입력한 내용은 지워집니다. 이전 단계로 돌아갈까요?"
BACK_YES = "이전 단계로"
BACK_NO = "계속 입력"
QUIT_MID_FLOW_QUESTION = "진행 중인 업무가 있습니다. 인증센터를 종료할까요?"
QUIT_MID_FLOW_YES = "종료"
QUIT_MID_FLOW_NO = "계속하기"
