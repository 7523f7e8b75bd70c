"""Wording of the command line and of the clock settings it passes on.

The clock's sentences live here because ``--now``, ``MGCERT_NOW`` and ``clock.json``
are settings of one run of ``mgcert`` (CLI or TUI); ``mgcert/clock.py`` raises them.
"""

# --- the simulated clock (mgcert/clock.py) ------------------------------------------------
CLOCK_RANGE = "{earliest}~{latest} KST"
NOW_OUT_OF_RANGE = (
    "시각 {text}은(는) 시뮬레이션할 수 있는 범위({range})를 벗어났습니다. "
    "--now 또는 MGCERT_NOW를 범위 안의 시각으로 지정해 주세요."
)
CLOCK_ADVANCE_REFUSED = (
    "시계를 그만큼 옮길 수 없습니다. 원래 시각과의 차이는 {years}년 이내, "
    "시각은 {range} 안이어야 합니다. 시계는 그대로입니다."
)
CLOCK_FILE_DAMAGED = (
    "시계 파일 {path}이(가) 손상되어 읽을 수 없습니다. "
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
ARGV_SECRET_WARNING = (
    "mgcert: 경고: {flag}로 준 {what}은(는) 다른 사용자도 ps로 볼 수 있습니다. "
    "{stdin_flag} 또는 환경변수 {env}를 쓰세요."
)
SECRET_TWICE = "{flag}와(과) {stdin_flag}는 함께 쓸 수 없습니다. 하나만 지정해 주세요."
SECRET_RRN = "주민등록번호"
SECRET_OTP = "OTP 번호"
CUSTOMER_REQUIRED = (
    "--customer, 또는 --account와 주민등록번호(--rrn-stdin 또는 MGCERT_RRN)를 지정해 주세요."
)

# --- how new signPri.key files are encrypted (cli/key_settings.py) -------------------------
KEY_SETTING_INVALID = "{setting}: {problem}"
ITERATIONS_ENV_CONFLICT = (
    "{new}({new_value:,})와(과) {old}({old_value:,})의 반복 횟수가 다릅니다. "
    "{new} 하나만 지정해 주세요."
)
