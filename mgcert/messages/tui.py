"""Wording of the tui layer: every sentence a screen shows lives here."""

from __future__ import annotations

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

# ---------------------------------------------------------------- confirmation
ABANDON_QUESTION = (
    "진행 중인 발급을 그만두고 인증센터로 돌아갈까요?\n입력한 내용은 저장되지 않습니다."
)
ABANDON_YES = "그만두기"
ABANDON_NO = "계속하기"

# ---------------------------------------------------------------- errors (TUI-side)
WORKER_FAILED = "처리 중 알 수 없는 오류가 발생했습니다. 다시 시도해 주세요."

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
