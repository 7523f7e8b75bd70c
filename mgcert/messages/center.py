"""Wording of the center layer (errors, mode explanations, check names, CLI lines)."""

from mgcert.messages.particles import Template

# --- steps ------------------------------------------------------------------------------
STEP_CUSTOMER = "고객정보 입력"
STEP_TERMS = "약관동의"
STEP_PHONE = "ARS 전화인증 또는 SMS 인증"
STEP_SECOND_FACTOR = "보안카드 또는 OTP 인증"
STEP_CERTIFICATE = "인증서 선택 및 비밀번호 확인"
STEP_OWNER = "주민등록번호 확인"
STEP_ACCOUNT = "출금계좌 확인"
STEPS_INCOMPLETE = "아직 끝나지 않은 단계가 있습니다: {steps}"
TERMS_NOT_AGREED = "약관에 모두 동의해야 다음 단계로 진행할 수 있습니다."
NO_PENDING_ARS = "먼저 ARS 전화인증을 요청해 주세요."
NO_PENDING_SMS = "먼저 SMS 인증번호를 요청해 주세요."
NO_PENDING_CARD = "먼저 보안카드 번호를 요청해 주세요."
STATE_CHANGED = "그사이 인증서 상태가 바뀌었습니다. 처음 단계부터 다시 진행해 주세요."
FLOW_FINISHED = "이미 완료된 절차입니다. 처음부터 다시 시작해 주세요."

# --- modes --------------------------------------------------------------------------------
MODE_NEW = "발급"
MODE_REISSUE = "재발급"
MODE_RENEWAL = "갱신"
MODE_NEW_REASON = "발급받은 적이 있는 {kind} 인증서가 없어 신규로 발급합니다."
MODE_REISSUE_EXPIRED = (
    "{kind} 인증서의 유효기간이 {not_after}에 끝나 재발급합니다. 새 인증서의 유효기간은 "
    "오늘부터 새로 시작합니다."
)
MODE_REISSUE_VALID = (
    "유효한 {kind} 인증서(만료일 {not_after})가 있어 재발급합니다. "
    "만료일은 그대로이고 수수료는 없으며, 이전 인증서는 자동으로 폐기됩니다."
)
MODE_REISSUE_REVOKED = (
    "폐기된 {kind} 인증서(만료일 {not_after})가 있어 재발급으로 처리합니다. "
    "만료일은 그대로이고 수수료는 없습니다."
)
FEE_REASON_ISSUE = "공동인증서 범용 발급 수수료"
FEE_REASON_REISSUE = "공동인증서 범용 재발급 수수료"
FEE_REASON_RENEW = "공동인증서 범용 갱신 수수료"
FEE_REFUND_REASON = "인증서 발급 실패로 수수료 환불"

# --- stages -------------------------------------------------------------------------------
STAGE_KEY_PAIR = "키 쌍 생성 중"
STAGE_CSR = "인증서 요청(CSR) 생성 중"
STAGE_CA_SIGNING = "인증기관에서 발급 중"
STAGE_ENCRYPTING = "개인키 암호화 중"
STAGE_WRITING = "저장매체에 저장 중"
STAGE_DONE = "발급 완료"

# --- media --------------------------------------------------------------------------------
MEDIUM_UNAVAILABLE = Template(
    "{medium:는} 시뮬레이터에서 사용할 수 없습니다. 다른 저장매체를 선택해 주세요."
)
MEDIUM_NOT_WRITABLE = "저장매체에 쓸 수 없습니다: {path}"
ISSUED_BUT_NOT_SAVED = (
    "인증서는 발급되었지만 저장매체에 저장하지 못했습니다. 암호화된 사본을 {path}에 "
    "보관했습니다. 다른 저장매체를 선택해 저장해 주세요(명령줄: mgcert recover --to harddisk). "
    "다시 발급할 필요는 없으며 수수료도 다시 내지 않습니다."
)
NOTHING_TO_SAVE = "다시 저장할 인증서가 없습니다."
SAME_MEDIUM = "같은 저장매체로는 복사할 수 없습니다. 다른 저장매체를 선택해 주세요."
ALREADY_ON_MEDIUM = Template(
    "이 인증서는 이미 그 저장매체({medium})에 있습니다. 복사하지 않았습니다: {folder}"
)
COPY_TARGET_OCCUPIED = Template(
    "{medium}의 같은 이름 폴더에 다른 인증서(일련번호 {serial}, 만료일 {not_after}, "
    "{status})가 있습니다. 복사하지 않았습니다. 그 인증서를 바꾸려면 덮어쓰기를 선택해 "
    "주세요(명령줄: mgcert copy --overwrite)."
)
CERTIFICATE_GONE = "인증서 파일을 찾을 수 없습니다. 목록을 새로 고쳐 주세요."
KEY_WITHOUT_RANDOM_NUM = (
    "이 인증서의 개인키에는 본인확인 정보(randomNum)가 없어 사용할 수 없습니다."
)

# --- renewal ------------------------------------------------------------------------------
RENEWAL_TOO_EARLY = (
    "아직 갱신할 수 없습니다. 갱신은 만료일 {renewal_days}일 전인 {from_date}부터 만료일 {until_date}까지 "
    "가능합니다."
)
RENEWAL_EXPIRED = (
    "유효기간이 끝난 인증서({not_after} 만료)는 갱신할 수 없습니다. '공동인증서 발급/재발급' "
    "메뉴에서 재발급해 주세요."
)
NOT_RENEWABLE_OTHER_CA = "새마을금고에서 발급한 인증서만 갱신할 수 있습니다."
NOT_RENEWABLE_REVOKED = "폐기된 인증서는 갱신할 수 없습니다. 인증서 발급 메뉴를 이용해 주세요."
NOT_RENEWABLE_FINANCIAL = (
    "금융인증서는 갱신 대상이 아닙니다. 금융인증서 발급/재발급을 이용해 주세요."
)
NOT_RENEWABLE_UNREGISTERED = (
    "새마을금고에 등록되지 않은 인증서는 갱신할 수 없습니다. 인증서 발급 메뉴를 이용해 주세요."
)

# --- 금융인증서 ----------------------------------------------------------------------------
FINANCIAL_DAMAGED = "보관된 금융인증서가 손상되어 사용할 수 없습니다. 금융인증서를 재발급해 주세요."
PIN_MISMATCH = "두 번 입력한 PIN이 서로 다릅니다."
FINANCIAL_NEW_REASON = "보관 중인 금융인증서가 없어 새로 발급합니다."
FINANCIAL_REISSUE_REASON = (
    "유효한 금융인증서(만료일 {not_after})가 있어 재발급합니다. 이전 금융인증서는 폐기됩니다."
)

# --- 타기관 인증서 등록 ---------------------------------------------------------------------
UNKNOWN_ISSUER = "확인할 수 없는 기관에서 발급한 인증서입니다. 등록할 수 없습니다."
CERT_REVOKED = "폐기된 인증서입니다. 등록할 수 없습니다."
CERT_EXPIRED = "유효기간이 끝난 인증서({not_after} 만료)입니다. 등록할 수 없습니다."
CERT_NOT_YET_VALID = "아직 유효기간이 시작되지 않은 인증서입니다."
ALREADY_REGISTERED = "이미 새마을금고에 등록된 인증서입니다."
NOT_REGISTERED = "새마을금고에 등록되지 않은 인증서입니다."
VID_MISMATCH = "입력한 주민등록번호와 인증서의 본인확인 정보(VID)가 일치하지 않습니다."
NO_CUSTOMER_FOR_RRN = "입력한 주민등록번호로 가입된 고객이 없습니다."

# --- 관리 ----------------------------------------------------------------------------------
NOT_MG_CERTIFICATE = "새마을금고에서 발급한 인증서만 이곳에서 폐기할 수 있습니다."
NOT_OTHER_INSTITUTION = (
    "새마을금고에서 발급한 인증서는 등록을 해제할 수 없습니다. 타기관 인증서만 해제할 수 "
    "있습니다 (더 쓰지 않을 인증서는 인증서 관리에서 폐기하세요)."
)
STATUS_VALID = "정상"
STATUS_EXPIRING = "만료 임박 ({days}일 남음)"
STATUS_EXPIRED = "만료"
STATUS_REVOKED = "폐기"
STATUS_UNREGISTERED = "미등록"
STATUS_LABEL_EXPIRING = "만료 임박"
PROBLEM_LINE = "{path}: {reason}"

# --- 내보내기/가져오기 ----------------------------------------------------------------------
WRONG_EXPORT_CODE = (
    "인증번호가 올바르지 않습니다. 내보내는 기기에 표시된 12자리 숫자를 입력해 주세요."
)
EXPORT_EXPIRED = "인증번호의 유효시간({export_minutes}분)이 지났습니다. 내보내기를 다시 해 주세요."
EXPORT_USED = "이미 사용된 인증번호입니다. 내보내기를 다시 해 주세요."

# --- 로그인 확인 ---------------------------------------------------------------------------
CHECK_SIGNATURE = "전자서명 검증"
CHECK_CHAIN = "발급기관 확인"
CHECK_VALIDITY = "유효기간"
CHECK_REVOCATION = "폐기 여부(CRL)"
CHECK_REGISTRATION = "새마을금고 등록 여부"
DETAIL_SIGNATURE_OK = "서명이 인증서의 공개키로 검증되었습니다."
DETAIL_SIGNATURE_BAD = "서명이 인증서의 공개키와 맞지 않습니다."
DETAIL_CHAIN_OK = "{issuer}에서 발급한 인증서입니다."
DETAIL_CHAIN_BAD = "신뢰할 수 있는 인증기관에서 발급한 인증서가 아닙니다."
DETAIL_VALID_OK = "{not_after}까지 유효합니다."
DETAIL_NOT_YET = "{not_before}부터 유효합니다."
DETAIL_EXPIRED = "{not_after}에 만료되었습니다."
DETAIL_NOT_REVOKED = "폐기 목록(CRL)에 없습니다."
DETAIL_REVOKED = "{revoked_at}에 폐기된 인증서입니다."
DETAIL_REVOCATION_UNKNOWN = "발급기관을 알 수 없어 폐기 여부를 확인할 수 없습니다."
DETAIL_REGISTERED = "새마을금고에 등록된 인증서입니다."
DETAIL_UNREGISTERED = "새마을금고에 등록되지 않은 인증서입니다. 타기관 인증서 등록을 해 주세요."
DETAIL_MG_UNREGISTERED = (
    "새마을금고에서 발급한 인증서이지만 등록되어 있지 않습니다. 인증서 재발급을 받아 주세요."
)
LOGIN_OK = "로그인할 수 있는 인증서입니다."
LOGIN_FAILED = "로그인할 수 없습니다: {checks}"

# --- simulator ----------------------------------------------------------------------------
NO_ARS_CALL = "걸려 온 ARS 전화가 없습니다."

# --- the `mgcert` command line --------------------------------------------------------
CLI_DESCRIPTION = (
    "MG더뱅킹 인증센터 시뮬레이터. 하위 명령 없이 실행하면 화면(TUI)이 열립니다. "
    "/ MG certificate center simulator; without a subcommand the TUI starts."
)
CLI_ERROR = "mgcert: {message}"
CLI_UNEXPECTED = (
    "mgcert: 예상하지 못한 오류가 발생했습니다. --debug로 자세한 내용을 볼 수 있습니다."
)
CLI_INTERRUPTED = "mgcert: 중단했습니다."
CLI_NO_TUI = "mgcert: 화면(TUI)을 불러올 수 없습니다. 하위 명령을 사용해 주세요 (mgcert --help)."
CLI_MISSING_SECRET = Template(
    "{what:이} 필요합니다. {flag} 옵션으로 표준입력에서 읽거나 환경변수 {env:를} 설정해 주세요."
)
CLI_STDIN_EXHAUSTED = Template("표준입력에서 {what:을} 읽지 못했습니다 (한 줄에 하나씩 입력).")
CLI_SECRET_ACCOUNT_PASSWORD = "계좌비밀번호"
CLI_SECRET_PASSWORD = "인증서 비밀번호"
CLI_SECRET_NEW_PASSWORD = "새 인증서 비밀번호"
CLI_SECRET_PIN = "금융인증서 PIN"
CLI_SECRET_CODE = "인증번호(12자리)"
CLI_UNKNOWN_CUSTOMER = (
    "데모 고객을 찾을 수 없습니다: {value} (mgcert customers로 목록을 확인해 주세요)"
)
CLI_NO_CERTIFICATE = "조건에 맞는 인증서가 없습니다 ({medium})."
CLI_AMBIGUOUS_CERTIFICATE = (
    "조건에 맞는 인증서가 여러 개입니다. --serial로 하나를 골라 주세요: {serials}"
)
CLI_NOT_REISSUE = "재발급 대상 인증서가 없습니다. 인증서 발급(mgcert issue)을 이용해 주세요."
CLI_MANUAL_STEPS = (
    "본인인증 단계가 필요합니다. --auto-verify로 시뮬레이터 기기의 값을 쓰거나 "
    "--otp와 대화형 SMS 입력을 사용해 주세요."
)
CLI_SMS_PROMPT = "휴대폰으로 받은 SMS 인증번호 6자리: "
CLI_DELETE_NEEDS_YES = "삭제하려면 --yes를 함께 지정해 주세요."
CLI_DONE = "완료했습니다."

# --- certificate jobs (journal) -------------------------------------------------------
JOURNAL_MISSING = (
    "발급 작업 기록({path})이 없거나 비어 있습니다. 백업에서 되살리거나 "
    "'mgcert reset --yes'로 새 데이터 폴더를 시작하세요."
)
JOURNAL_UNAVAILABLE = "발급 작업 기록({path})을 사용할 수 없습니다. 잠시 후 다시 시도해 주세요."
JOB_IN_PROGRESS = (
    "{name} 고객의 {kind} 발급이 다른 창에서 진행 중입니다. 그 발급이 끝난 뒤 다시 시도해 주세요."
)
JOB_PARKED = (
    "{name} 고객의 {kind} 인증서가 이미 발급되어 저장을 기다리고 있습니다. 새로 발급하지 말고 "
    "먼저 저장을 마쳐 주세요(명령줄: mgcert recover --to harddisk)."
)
JOB_UNFINISHED = (
    "인증서는 발급되었지만 마무리하지 못했습니다. 다음에 mgcert를 열 때 자동으로 마무리됩니다."
)
HOME_REGISTER_FOREIGN = Template(
    "{what:이} 이 데이터 폴더의 것이 아닙니다({path}). 원래 파일을 되살리거나 "
    "'mgcert reset --yes'로 새 데이터 폴더를 시작하세요."
)
HOME_MANIFEST_DAMAGED = (
    "데이터 폴더 정보 파일({path})이 손상되었습니다. 백업에서 되살리거나 "
    "'mgcert reset --yes'로 새 데이터 폴더를 시작하세요."
)
WHAT_BANK_REGISTER = "은행 데이터 파일"
WHAT_CA_REGISTER = "인증기관 등록부"
WHAT_OTHER_CA_REGISTER = "타기관 인증기관 등록부"
WHAT_JOURNAL = "발급 작업 기록"
RECOVERY_ENTRY_DAMAGED = "보관된 사본이 손상되어 읽을 수 없습니다"
RECOVERY_ENTRY_FAILED = "저장하지 못함: {folder} — {reason}"
RESET_BUSY = "다른 창에서 인증서 발급이 진행 중입니다. 그 작업이 끝난 뒤 다시 시도해 주세요."
RESET_CANNOT_MOVE = "데이터 폴더({path})를 옮기지 못했습니다: {reason}"
RESET_NEEDS_YES = (
    "데이터 폴더({path})를 새로 시작하려면 --yes를 붙이세요. 지금 폴더는 지우지 않고 "
    "'{name}.old-<날짜시각>'으로 옮깁니다."
)
RESET_DONE = (
    "이전 데이터 폴더를 옮겨 두었습니다: {path}. 다음 실행 때 새 데이터 폴더가 만들어집니다."
)
RESET_NOTHING = "데이터 폴더({path})가 없습니다. 다음 실행 때 새로 만들어집니다."
JOB_ALREADY_FINISHED = "이 발급은 다른 창에서 이미 마무리되었습니다. 인증서 목록을 확인해 주세요."
RESET_IN_USE = (
    "다른 창에서 mgcert가 이 데이터 폴더를 쓰고 있습니다. 모두 닫은 뒤 다시 시도해 주세요."
)

# --- 법인 certificates: the personal certificate center does not deal in them ----------
NOT_RENEWABLE_CORPORATE = (
    "법인 인증서는 개인 인증센터에서 갱신할 수 없습니다. 법인 인증서를 발급한 기관을 이용해 주세요."
)
CORPORATE_NOT_REGISTRABLE = (
    "법인 인증서는 개인 고객의 인증서로 등록할 수 없습니다. 개인 명의의 인증서를 선택해 주세요."
)
KM_KEY_PASSWORD_DIFFERS = (
    "키분배용 개인키(kmPri.key)가 이 비밀번호로 열리지 않아 비밀번호를 바꾸지 않았습니다. "
    "두 개인키의 비밀번호가 같아야 합니다."
)
ALREADY_DISCARDED = (
    "이미 폐기된 인증서입니다. 다시 폐기할 필요는 없으며, 이 인증서가 필요하면 재발급을 받으세요."
)

# --- new passwords of PFX 내보내기/가져오기 (center/pfx.py): what is wrong, said positively
PFX_PASSWORD_NAME = "PFX 비밀번호"
NEW_CERTIFICATE_PASSWORD_NAME = "새 인증서 비밀번호"
NEW_CERTIFICATE_PASSWORD_WEAK = (
    "새 인증서 비밀번호가 인증서 비밀번호 규칙에 맞지 않습니다: {problems}"
)
PASSWORD_CONFIRM_DIFFERS = Template("{what} 확인이 {what:과} 다릅니다. 같게 입력해 주세요.")
PASSWORD_HAS_FORBIDDEN = "사용할 수 없는 문자({chars})가 들어 있습니다."
PASSWORD_TOO_SHORT = "{min}자리 이상이어야 합니다(지금 {length}자리)."
PASSWORD_NEEDS_LETTER = "영문자를 하나 이상 넣어 주세요."
PASSWORD_NEEDS_DIGIT = "숫자를 하나 이상 넣어 주세요."
PASSWORD_NEEDS_SPECIAL = "특수문자를 하나 이상 넣어 주세요."
PASSWORD_CHAR_SPACE = "공백"
PASSWORD_CHAR_HANGUL = "한글"
