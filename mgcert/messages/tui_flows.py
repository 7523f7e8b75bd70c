"""Wording of the TUI's part-2 flows (갱신, 금융인증서, 타기관 등록, 관리, 내보내기, 로그인 확인).

Every sentence those screens show lives here; messages/tui.py holds part 1's.
"""

from __future__ import annotations

# ---------------------------------------------------------------- keys (Footer)
KEY_BACK = "뒤로"
KEY_DETAILS = "상세보기"
KEY_CHANGE_PASSWORD = "암호 변경"
KEY_COPY = "복사"
KEY_DELETE = "삭제"
KEY_REVOKE = "폐기"
KEY_UNREGISTER = "등록 해제"
KEY_MAKE_OTHER = "타기관 인증서 만들기"

# ---------------------------------------------------------------- certificate picker
PICKER_COLUMNS = ("저장매체", "이름", "발급기관", "구분", "만료일", "상태")
PICKER_EMPTY = "저장매체에 인증서가 없습니다. 먼저 인증서를 발급받거나 가져오세요."
PICKER_FOLDER_LABEL = "이동식디스크"
PICKER_NOT_CHOSEN = "인증서를 먼저 고르세요."
PICKER_PROBLEMS = "읽을 수 없는 폴더 {count}개를 건너뛰었습니다."
KIND_UNKNOWN = "-"

# ---------------------------------------------------------------- password prompt
PROMPT_HEADING = "인증서 암호 입력"
PROMPT_CERTIFICATE = "{name} · {issuer} · {kind} · 만료 {expiry}"
PROMPT_LABEL = "인증서 암호"
PROMPT_PLACEHOLDER = "인증서 비밀번호 (대소문자 구분)"
PROMPT_OK = "확인"
PROMPT_CANCEL = "취소"
PROMPT_FORGOT = "비밀번호를 잊으셨나요?"
PROMPT_EMPTY = "인증서 암호를 입력해 주세요."
PROMPT_FORGOT_NOTICE = (
    "인증서 비밀번호는 은행도 찾아 드릴 수 없습니다. 재발급을 받으세요 "
    "(이전 인증서는 자동으로 폐기됩니다)."
)

# ---------------------------------------------------------------- common
GO_HOME = "인증센터로"
GO_ISSUE = "공동인증서 발급/재발급으로"
ABANDON_QUESTION = (
    "진행 중인 업무를 그만두고 인증센터로 돌아갈까요?\n입력한 내용은 저장되지 않습니다."
)
DAY_FORMAT = "%Y.%m.%d"
ENTRY_FIELDS = ("이름", "발급기관", "구분", "만료일", "상태", "저장매체", "폴더")

# ---------------------------------------------------------------- 갱신
RENEW_TITLE = "인증서 갱신"
RENEW_PICK_INTRO = (
    "갱신할 MG새마을금고 인증서를 고르세요. 갱신은 만료 {renewal_days}일 전부터 만료일까지 "
    "할 수 있습니다."
)
RENEW_PURPOSE = "갱신할 인증서의 암호를 입력하세요."
RENEW_NOTICE = "{name}님, 갱신하면 유효기간이 {old} → {new} 로 늘어납니다."
RENEW_FEE = " 범용 수수료 {fee:,}원이 출금계좌에서 인출됩니다."
RENEW_PASSWORD_HEADING = "새 인증서 비밀번호"
RENEW_PASSWORD_INTRO = (
    "새 비밀번호를 두 번 입력하거나, 지금 비밀번호를 그대로 쓰려면 [비밀번호 유지]를 누르세요."
)
RENEW_KEEP = "비밀번호 유지하고 갱신"
RENEW_BUTTON = "새 비밀번호로 갱신"
RENEW_DONE = "갱신완료 — 인증서가 갱신되었습니다"
RENEW_DONE_NOTE = (
    "새 만료일은 {end}입니다. 이전 인증서는 폐기되었고 같은 매체에 새 인증서가 저장되었습니다."
)
RENEW_TOO_EARLY_HEADING = "아직 갱신할 수 없습니다"
RENEW_TOO_EARLY_HELP = (
    "갱신은 만료 {renewal_days}일 전부터 만료일까지만 할 수 있습니다. 그때 다시 와 주세요.\n"
    "비밀번호를 잊었거나 파일이 손상되었다면 갱신이 아니라 재발급입니다."
)
RENEW_EXPIRED_HEADING = "만료된 인증서는 갱신할 수 없습니다"
RENEW_EXPIRED_HELP = (
    "만료일이 지나면 갱신이 아니라 재발급을 받아야 합니다. "
    "'공동인증서 발급/재발급' 메뉴를 이용해 주세요."
)
RENEW_REFUSED_HEADING = "이 인증서는 갱신할 수 없습니다"
RENEW_REFUSED_HELP = "MG새마을금고에서 발급하고 등록된 유효한 공동인증서만 갱신할 수 있습니다."

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

# ---------------------------------------------------------------- 인증서 관리
MANAGE_TITLE = "인증서 관리"
DETAILS_HEADING = "인증서 상세보기"
DETAILS_FIELDS = (
    "이름",
    "CN",
    "주체 (Subject)",
    "발급자 (Issuer)",
    "발급기관",
    "구분",
    "정책 OID",
    "일련번호",
    "유효기간",
    "상태",
    "MG 등록",
    "저장매체",
    "폴더",
    "인증서 파일",
    "개인키 파일",
    "SHA-256 지문",
    "서명 알고리즘",
    "공개키",
    "본인확인(VID)",
)
YES = "예"
NO = "아니요"
RSA_BITS = "RSA {bits}비트"
CLOSE = "닫기"
CHANGE_HEADING = "인증서 암호 변경"
CHANGE_OLD = "현재 암호"
CHANGE_NEW = "새 암호"
CHANGE_CONFIRM = "새 암호 확인"
CHANGE_BUTTON = "변경"
CHANGED = "인증서 암호를 변경했습니다."
COPY_HEADING = "인증서 복사"
COPY_INTRO = "복사할 저장매체를 고르세요. 개인키는 암호화된 그대로 복사됩니다."
COPY_BUTTON = "복사"
COPIED = "{medium}에 복사했습니다: {folder}"
DELETE_QUESTION = (
    "이 인증서 파일을 {medium}에서 삭제할까요?\n{name} · 만료 {expiry}\n"
    "삭제한 파일은 되살릴 수 없습니다 (인증서 자체는 폐기되지 않습니다)."
)
DELETE_YES = "삭제"
DELETED = "인증서 파일을 삭제했습니다."
REVOKE_QUESTION = (
    "이 인증서를 폐기할까요?\n{name} · 일련번호 {serial}\n"
    "폐기한 인증서는 다시 쓸 수 없고, 되돌릴 수 없습니다."
)
REVOKE_YES = "폐기"
REVOKE_PURPOSE = "폐기할 인증서의 암호를 입력하세요."
REVOKED = "인증서(일련번호 {serial})를 폐기했습니다. 인증서 폐기 목록(CRL)에 올랐습니다."
REVOKED_NOT_LISTED = "인증서(일련번호 {serial})를 폐기했지만 CRL에서 아직 보이지 않습니다."
KEEP = "취소"

# ---------------------------------------------------------------- 내보내기/가져오기
TRANSFER_TITLE = "인증서 내보내기/가져오기 (PC↔스마트폰)"
TRANSFER_INTRO = (
    "내보내기: 이 매체의 인증서를 골라 암호를 넣으면 12자리 인증번호가 나옵니다.\n"
    "가져오기: 다른 매체(예: 휴대폰)에서 그 번호를 {export_minutes}분 안에 입력하면 인증서가 "
    "복사됩니다."
)
TRANSFER_EXPORT = "내보내기 (인증번호 받기)"
TRANSFER_IMPORT = "가져오기 (인증번호 입력)"
EXPORT_PURPOSE = "내보낼 인증서의 암호를 입력하세요."
EXPORT_HEADING = "인증번호"
EXPORT_INTRO = "가져올 기기에서 아래 12자리 번호를 입력하세요. 한 번만 쓸 수 있습니다."
EXPORT_LEFT = "남은 시간 {minutes}:{seconds:02d}"
EXPORT_TO_IMPORT = "가져오기로"
IMPORT_HEADING = "인증서 가져오기"
IMPORT_CODE_LABEL = "인증번호 12자리"
IMPORT_CODE_PLACEHOLDER = "1234-5678-9012"
IMPORT_MEDIUM = "저장할 매체"
IMPORT_BUTTON = "가져오기"
IMPORT_CODE_FORMAT = "인증번호 12자리를 숫자로 입력해 주세요."
IMPORT_DONE = "가져오기 완료 — 인증서를 저장했습니다"

# ---------------------------------------------------------------- 로그인 확인
LOGIN_TITLE = "인증서 로그인 확인"
LOGIN_PICK_INTRO = (
    "로그인에 쓸 인증서를 고르세요. 전자서명을 만들어 은행이 하는 검사를 모두 보여 줍니다."
)
LOGIN_PURPOSE = "로그인할 인증서의 암호를 입력하세요."
LOGIN_COLUMNS = ("검사", "결과", "내용")
LOGIN_PASS = "✔ 통과"
LOGIN_FAIL = "✘ 실패"
LOGIN_OK_HEADING = "로그인 성공 — 모든 검사를 통과했습니다"
LOGIN_FAIL_HEADING = "로그인 거부 — 통과하지 못한 검사가 있습니다"

# ---------------------------------------------------------------- help (F1)
HELP_SCREENS = {
    "picker": "저장매체(하드디스크·휴대폰·이동식디스크)에서 찾은 인증서 목록입니다. "
    "만료 임박은 강조되고, 만료·폐기·미등록 인증서는 상태에 표시됩니다.",
    "prompt": "고른 인증서의 암호를 넣습니다. 암호는 찾을 수 없으니, 잊었다면 "
    "'비밀번호를 잊으셨나요?'로 재발급하세요.",
    "renewal": "갱신은 MG 공동인증서를 만료 {renewal_days}일 전부터 만료일까지 연장합니다. "
    "새 인증서는 이전 만료일에서 1년 뒤까지 유효합니다.",
    "renewal-password": "새 비밀번호를 정하거나 지금 비밀번호를 그대로 씁니다.",
    "explanation": "이 업무를 할 수 없는 이유와 대신 갈 메뉴입니다.",
    "financial": "금융인증서는 클라우드에 보관되고 6자리 PIN으로 엽니다. 유효기간 3년, 무료입니다.",
    "pin": "PIN 6자리를 두 번 입력합니다. 같은 숫자 반복·연속 숫자는 안 됩니다. "
    "{pin_attempts}번 연속 틀리면 잠깁니다.",
    "registration": "다른 기관 인증서를 MG에서 쓰려면 등록해야 합니다. 인증서 암호, "
    "주민등록번호(VID 대조), 출금계좌, 휴대폰·보안카드/OTP 인증이 필요합니다. "
    "'o'로 시뮬레이터의 타기관 인증서를 만들 수 있습니다.",
    "owner": "인증서의 VID는 주민등록번호와 인증서의 난수로 만들어집니다. "
    "다른 사람 번호면 거부됩니다.",
    "account": "등록할 고객 명의의 출금계좌와 계좌비밀번호 4자리를 입력합니다.",
    "manage": "인증서를 보고, 암호를 바꾸고, 다른 매체로 복사하고, 삭제·폐기합니다. "
    "삭제는 파일만 지우고, 폐기는 인증서를 영구히 못 쓰게 합니다.",
    "details": "인증서의 모든 항목, 파일 위치와 SHA-256 지문입니다.",
    "transfer": "PC와 스마트폰 사이 인증서 복사입니다. 내보내기 쪽이 12자리 번호를 보여 주고, "
    "가져오기 쪽이 {export_minutes}분 안에 입력합니다.",
    "login": "인증서로 전자서명을 하고 은행이 하는 검사"
    "(서명, 인증경로, 유효기간, 폐기 여부, 등록)를 하나씩 보여 줍니다.",
    "renewal-done": "갱신된 인증서입니다. 같은 저장매체에 새 인증서가 저장되었고 이전 인증서는 "
    "폐기되었습니다. Enter로 인증센터로 돌아갑니다.",
    "registration-done": "MG새마을금고에 등록된 타기관 인증서입니다. 이제 이 인증서로 로그인할 수 "
    "있습니다. Enter로 인증센터로 돌아갑니다.",
    "financial-done": "클라우드에 저장된 금융인증서입니다. 아래에서 PIN으로 열어 볼 수 있습니다. "
    "Enter로 인증센터로 돌아갑니다.",
    "import-done": "가져온 인증서와 저장된 폴더입니다. 개인키는 암호화된 그대로 저장되었습니다. "
    "Enter로 인증센터로 돌아갑니다.",
    "login-done": "은행이 하는 검사의 결과입니다. 실패한 검사의 내용에 할 일이 적혀 있습니다. "
    "Enter로 인증센터로 돌아갑니다.",
}

# ---------------------------------------------------------------- 인증서 관리: PFX
KEY_PFX_EXPORT = "PFX 내보내기"
KEY_PFX_IMPORT = "PFX 가져오기"
MANAGE_INTRO_WITH_PFX = (
    "Enter 상세보기 · p 암호 변경 · c 복사 · d 삭제 · x 폐기 · "
    "e PFX 내보내기 · i PFX 가져오기. 만료가 가까운 인증서는 강조되어 보입니다."
)
PFX_EXPORT_HEADING = "PFX 파일로 내보내기"
PFX_EXPORT_INTRO = (
    "은행·브라우저 인증서 서비스에 넣을 PKCS #12(PFX) 파일을 만듭니다. 개인키의 "
    "본인확인 난수(randomNum)와 CA 인증서가 함께 담깁니다. PFX 암호도 인증서 암호 규칙을 따릅니다."
)
PFX_CERT_PASSWORD = "인증서 암호"
PFX_PASSWORD = "PFX 암호"
PFX_PASSWORD_CONFIRM = "PFX 암호 확인"
PFX_TARGET_FILE = "저장할 파일"
PFX_EXPORT_BUTTON = "내보내기"
PFX_IMPORT_HEADING = "PFX 파일 가져오기"
PFX_IMPORT_INTRO = (
    "PFX 파일의 인증서와 개인키를 고른 저장매체의 NPKI 폴더에 새 인증서 암호로 저장합니다. "
    "본인확인 난수(randomNum)가 없는 PFX는 은행이 본인확인(VID)을 할 수 없어 가져오지 않습니다."
)
PFX_SOURCE_FILE = "PFX 파일"
PFX_NEW_PASSWORD = "새 암호"
PFX_NEW_CONFIRM = "새 암호 확인"
PFX_IMPORT_BUTTON = "가져오기"

# ---------------------------------------------------------------- step bars (①–④ of each flow)
RENEW_STAGES = ("인증서 선택", "본인인증", "암호 설정", "갱신완료")
FIN_STAGES = ("고객정보 입력", "약관동의", "본인인증", "PIN 설정", "발급완료")
REG_STAGES = ("인증서 선택", "명의 확인", "본인인증", "등록완료")
TRANSFER_STAGES = ("방법 선택", "인증서·인증번호", "완료")
LOGIN_STAGES = ("인증서 선택", "로그인 결과")
