"""Wording of the command line and of the clock settings it passes on.

The clock's sentences live here because ``--now``, ``MGCERT_NOW`` and ``clock.json``
are settings of one run of ``mgcert`` (CLI or TUI); ``mgcert/clock.py`` raises them.
"""

from mgcert.messages.particles import Template

# --- the simulated clock (mgcert/clock.py) ------------------------------------------------
CLOCK_RANGE = "{earliest}~{latest} KST"
NOW_OUT_OF_RANGE = Template(
    "시각 {text:은} 시뮬레이션할 수 있는 범위({range})를 벗어났습니다. "
    "--now 또는 MGCERT_NOW를 범위 안의 시각으로 지정해 주세요."
)
CLOCK_ADVANCE_REFUSED = (
    "시계를 그만큼 옮길 수 없습니다. 원래 시각과의 차이는 {years}년 이내, "
    "시각은 {range} 안이어야 합니다. 시계는 그대로입니다."
)
CLOCK_FILE_DAMAGED = Template(
    "시계 파일 {path:이} 손상되어 읽을 수 없습니다. "
    "'mgcert clock reset'으로 시계를 원래 시각으로 되돌려 주세요."
)
CLOCK_OUT_OF_RANGE = (
    "시뮬레이션 시각이 범위({range})를 벗어났습니다(저장된 시간 이동 {days}일). "
    "'mgcert clock reset'으로 시계를 원래 시각으로 되돌려 주세요."
)
CLOCK_FILE_UNWRITABLE = "시계 파일 {path}에 쓸 수 없습니다: {reason}"

# --- running without a terminal ----------------------------------------------------------
NO_TERMINAL = "터미널에서 실행해야 화면이 열립니다. 스크립트에서는 'mgcert --help'의 명령을 쓰세요."

# --- a full disk ---------------------------------------------------------------------------
DISK_FULL = "디스크 공간이 부족합니다({path}). 공간을 비운 뒤 다시 시도하세요."
DISK_FULL_NO_PATH = "디스크 공간이 부족합니다. 공간을 비운 뒤 다시 시도하세요."
DISK_FULL_WITH_DETAIL = "{disk_full} ({detail})"

# --- secrets given in argv -----------------------------------------------------------------
ARGV_SECRET_WARNING = Template(
    "mgcert: 경고: {flag:로} 준 {what:은} 다른 사용자도 ps로 볼 수 있습니다. "
    "{stdin_flag} 또는 환경변수 {env:를} 쓰세요."
)
SECRET_TWICE = Template("{flag:와} {stdin_flag:는} 함께 쓸 수 없습니다. 하나만 지정해 주세요.")
SECRET_RRN = "주민등록번호"
SECRET_OTP = "OTP 번호"
CUSTOMER_REQUIRED = (
    "--customer, 또는 --account와 주민등록번호(--rrn-stdin 또는 MGCERT_RRN)를 지정해 주세요."
)

# --- the identity steps (cli/identity_options.py, cli/invocation.py) --------------------
IDENTITY_METHOD_UNKNOWN = Template(
    "{flag} {value:은} 쓸 수 없습니다. 다음 중 하나를 지정해 주세요: {names}"
)
# The parser cannot read the center's table (it must stay light); a test holds these
# two to the table's names and defaults.
PHONE_CHECK_HELP = "휴대폰 본인인증: ars (ARS 전화인증) 또는 sms (SMS), 기본 ars / phone check"
SECOND_FACTOR_HELP = "보안매체: card (보안카드) 또는 otp (OTP), 기본 card / security medium"

# --- how new signPri.key files are encrypted (cli/key_settings.py) -------------------------
KEY_SETTING_INVALID = "{setting}: {problem}"
ITERATIONS_ENV_CONFLICT = Template(
    "{new:과} {old}의 반복 횟수가 다릅니다({new_value:,}회, {old_value:,}회). "
    "{new} 하나만 지정해 주세요."
)

# --- the result of issue / reissue / renew / recover (cli/output.py) ----------------------
ISSUED_TITLE = "인증서 {mode} 완료"
ISSUED_NAME = "  이름: {name}"
ISSUED_ISSUER = "  발급기관: {issuer}"
ISSUED_PURPOSE = "  용도: {purpose}"
ISSUED_VALIDITY = "  유효기간: {not_before} ~ {not_after}"
ISSUED_SERIAL = "  일련번호: {serial}"
ISSUED_MEDIUM = "  저장위치: {medium} ({folder})"
ISSUED_KEY_FORM = "  개인키: {protection}"
ISSUED_FEE_AND_BALANCE = "  수수료: {fee:,}원 출금, 잔액 {balance:,}원"
ISSUED_FEE = "  수수료: {fee:,}원 출금"
ISSUED_REPLACED = "  폐기된 이전 인증서: {serial}"
ISSUED_REMOVED = "  저장매체에서 지운 이전 인증서: {folder}"

# --- lines of the management and simulator commands (cli/commands_*.py) -------------------
REVOKED_LINE = Template("인증서 {serial:을} 폐기했습니다.")
REGISTERED_LINE = Template("{name}님의 인증서 {serial:을} 등록했습니다.")
SHOW_LINES = (
    "이름: {name}",
    "주체: {subject}",
    "발급자: {issuer}",
    "용도: {kind_label} ({policy_oid})",
    "일련번호: {serial}",
    "유효기간: {not_before} ~ {not_after}",
    "상태: {status} / 등록: {registered}",
    "저장위치: {medium} ({folder})",
    "SHA-256: {fingerprint}",
    "서명 알고리즘: {algorithm}, 공개키 {bits}비트",
    "본인확인 정보(VID): {vid}",
)
YES = "예"
NO = "아니요"
PRESENT = "있음"
ABSENT = "없음"
EXPORT_CODE_LINE = "인증번호: {code}"
EXPORT_VALID_UNTIL = "유효시간: {until}까지"
CUSTOMER_LINE = "{id}. {name}  {rrn}  {phone}  {note}"
CUSTOMER_ACCOUNT_LINE = "    계좌 {number}  비밀번호 {password}  잔액 {balance:,}원"
CUSTOMER_CERT_PASSWORD_LINE = "    데모 인증서 비밀번호 {password}"
CLOCK_LINE = "현재 시각: {now} (시간 이동 {offset})"
