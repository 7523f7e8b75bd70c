"""Wording of the bank layer."""

from __future__ import annotations

# --- input format (nothing is counted as an attempt) ---------------------------------
RRN_FORMAT = "주민등록번호는 숫자 13자리로 입력해 주세요. (예: 900101-1234567)"
ACCOUNT_NUMBER_FORMAT = "계좌번호는 숫자 13자리로 입력해 주세요. (예: 9002-1234-5678-9)"
ACCOUNT_PASSWORD_FORMAT = "계좌비밀번호는 숫자 4자리로 입력해 주세요."
ARS_DIGITS_FORMAT = "승인번호 숫자 2자리를 눌러 주세요."
SMS_CODE_FORMAT = "인증번호 숫자 6자리를 입력해 주세요."
SECURITY_CARD_FORMAT = "보안카드 번호를 각각 숫자 2자리로 입력해 주세요."
OTP_FORMAT = "OTP 번호 숫자 6자리를 입력해 주세요."
PIN_FORMAT = "금융인증서 PIN은 숫자 6자리로 입력해 주세요."
TRIVIAL_PIN = (
    "같은 숫자만 쓰거나 연속된 숫자(예: 123456, 654321)로 된 PIN은 쓸 수 없습니다. "
    "다른 PIN을 정해 주세요."
)

# --- customers and accounts ------------------------------------------------------------
UNKNOWN_CUSTOMER = "입력하신 주민등록번호로 등록된 고객 정보가 없습니다. 다시 확인해 주세요."
UNKNOWN_ACCOUNT = "등록되지 않은 계좌번호입니다. 계좌번호를 다시 확인해 주세요."
ACCOUNT_MISMATCH = "입력하신 계좌는 본인 명의의 계좌가 아닙니다. 본인 계좌번호를 입력해 주세요."

# --- attempts and locks ----------------------------------------------------------------
REMAINING = "(남은 횟수 {remaining}회)"
WRONG_ACCOUNT_PASSWORD = "계좌비밀번호가 올바르지 않습니다. " + REMAINING
EBANKING_LOCKED = (
    "계좌비밀번호를 {limit}회 잘못 입력하여 전자금융 거래가 제한되었습니다. "
    "신분증을 가지고 영업점(지점)을 방문해 해제해 주세요."
)
WRONG_SECURITY_CARD = "보안카드 번호가 올바르지 않습니다. " + REMAINING
SECURITY_CARD_LOCKED = (
    "보안카드 번호를 {limit}회 잘못 입력하여 보안카드 사용이 제한되었습니다. "
    "영업점(지점)을 방문해 해제해 주세요."
)
WRONG_OTP = "OTP 번호가 올바르지 않습니다. " + REMAINING
OTP_LOCKED = (
    "OTP 번호를 {limit}회 잘못 입력하여 OTP 사용이 제한되었습니다. "
    "영업점(지점)을 방문해 해제해 주세요."
)
OTP_REPLAYED = "이미 사용한 OTP 번호입니다. OTP 기기의 버튼을 다시 눌러 새 번호를 입력해 주세요."
WRONG_PIN = "금융인증서 PIN이 올바르지 않습니다. " + REMAINING
PIN_LOCKED = (
    "금융인증서 PIN을 {limit}회 잘못 입력하여 사용이 제한되었습니다. "
    "금융인증서를 재발급하거나 영업점(지점)을 방문해 해제해 주세요."
)

# --- ARS ---------------------------------------------------------------------------------
ARS_NOT_CONFIRMED = (
    "인증이 완료되지 않았습니다. 전화를 받고 승인번호를 누른 뒤 [확인]을 눌러 주세요."
)
ARS_EXPIRED = "인증 시간이 만료되었습니다. [다시 걸기]로 새 승인번호를 받아 주세요."
ARS_SUPERSEDED = "새 전화인증을 요청하여 이전 승인번호는 사용할 수 없습니다."
ARS_FAILED = (
    "승인번호를 {limit}회 잘못 눌러 통화가 종료되었습니다. [다시 걸기]로 새 승인번호를 받아 주세요."
)
ARS_ALREADY_USED = "이미 완료된 전화인증입니다. 다시 인증하려면 새로 요청해 주세요."
UNKNOWN_ARS_CALL = "전화인증 요청을 찾을 수 없습니다. 다시 요청해 주세요."

# --- SMS ---------------------------------------------------------------------------------
SMS_TEXT = "[MG새마을금고] 인증번호 [{code}]를 입력해 주세요. ({minutes}분 이내)"
WRONG_SMS_CODE = "인증번호가 올바르지 않습니다. " + REMAINING
SMS_EXPIRED = "인증번호 유효시간이 지났습니다. 인증번호를 다시 받아 주세요."
SMS_SUPERSEDED = (
    "새 인증번호를 요청하여 이전 인증번호는 사용할 수 없습니다. "
    "마지막으로 받은 번호를 입력해 주세요."
)
SMS_VOIDED = (
    "인증번호를 {limit}회 잘못 입력하여 이 인증번호는 사용할 수 없습니다. "
    "인증번호를 다시 받아 주세요."
)
SMS_ALREADY_USED = "이미 사용한 인증번호입니다. 인증번호를 다시 받아 주세요."
SMS_SEND_LIMITED = (
    "인증번호는 {window}분 동안 {limit}회까지 받을 수 있습니다. "
    "{at}부터 다시 요청해 주세요. (약 {wait}분 후)"
)
SMS_RETRY_TIME = "{hour}시 {minute:02d}분 {second:02d}초"
UNKNOWN_SMS_CHALLENGE = "인증번호 요청을 찾을 수 없습니다. 인증번호를 다시 받아 주세요."

# --- 보안카드 -------------------------------------------------------------------------------
SECURITY_CARD_CHALLENGE_USED = "이미 처리된 보안카드 질문입니다. 새 질문으로 다시 시도해 주세요."
UNKNOWN_SECURITY_CARD_CHALLENGE = "보안카드 질문을 찾을 수 없습니다. 다시 시도해 주세요."

# --- fees --------------------------------------------------------------------------------
INSUFFICIENT_BALANCE = "잔액이 부족합니다 (수수료 {needed:,}원, 잔액 {available:,}원)"
UNKNOWN_LEDGER_ENTRY = "거래내역을 찾을 수 없습니다."
FEE_ALREADY_REFUNDED = "이미 환불된 수수료입니다."
NOT_REFUNDABLE = "수수료 출금 거래만 환불할 수 있습니다."

# --- registered certificates -----------------------------------------------------------
CERTIFICATE_ALREADY_REGISTERED = "이미 등록된 인증서입니다."
CERTIFICATE_NOT_REGISTERED = "이 은행에 등록되지 않은 인증서입니다."

# --- 금융인증서 cloud ---------------------------------------------------------------------
NO_CLOUD_CERTIFICATE = "보관된 금융인증서가 없습니다. 금융인증서를 먼저 발급해 주세요."
CLOUD_KEY_UNAVAILABLE = (
    "금융인증서 보관 키를 찾을 수 없어 금융인증서를 열 수 없습니다. 금융인증서를 재발급해 주세요."
)

CLOUD_JOB_NOT_PARKED = (
    "보관 대기 중인 금융인증서를 찾을 수 없습니다. 금융인증서를 처음부터 다시 발급해 주세요."
)

# --- certificate jobs ----------------------------------------------------------------------
JOB_ID_CONFLICT = "같은 작업 번호로 다른 요청이 이미 처리되었습니다. 처음부터 다시 진행해 주세요."

# --- database ----------------------------------------------------------------------------
DATABASE_UNREADABLE = "은행 데이터 파일을 열 수 없습니다: {path}"
BANK_SECRET_MISSING = (
    "은행 보안 키 파일({path})이 없거나 손상되어 은행 데이터를 열 수 없습니다. "
    "은행 데이터 파일과 함께 백업해 둔 이 파일을 되살려 주세요."
)
BANK_SECRET_MISMATCH = (
    "은행 보안 키 파일({path})이 이 은행 데이터 파일의 키가 아닙니다(다른 키로 바뀌었습니다). "
    "은행 데이터 파일과 함께 백업해 둔 원래 키 파일을 되살려 주세요."
)
BANK_DATA_UNREADABLE = (
    "은행 데이터 파일의 암호화된 정보를 풀 수 없습니다(파일이 손상되었습니다). "
    "백업에서 은행 데이터 파일을 되살려 주세요."
)
REGISTER_MISSING = (
    "은행 데이터 파일({path})이 없거나 비어 있습니다. "
    "백업에서 되살리거나 'mgcert reset'으로 새 데이터 폴더를 시작하세요."
)
DATABASE_TOO_NEW = (
    "은행 데이터 파일이 이 프로그램보다 새 버전에서 만들어졌습니다 "
    "(버전 {found}, 지원 {supported}). mgcert를 업데이트해 주세요."
)

# --- lock state labels (simulator panel, 지점 방문) -----------------------------------------
LOCK_LABEL_EBANKING = "전자금융 ({account})"
LOCK_LABEL_SECURITY_CARD = "보안카드"
LOCK_LABEL_OTP = "OTP"
LOCK_LABEL_PIN = "금융인증서 PIN"

# --- demo customers (simulator panel 메모 column) ----------------------------------------
DEMO_NOTE_ORDINARY = "일반 고객 · 잔액 충분 (범용 수수료 인출 가능)"
DEMO_NOTE_LOW_BALANCE = "잔액 1,000원 · 범용(4,400원) 발급 시 잔액 부족"
DEMO_NOTE_EXPIRING = "인증서 만료 {days}일 전 · 갱신 체험용"
DEMO_NOTE_FOREIGNER = "외국인 고객 (외국인등록번호 뒷자리 5)"
