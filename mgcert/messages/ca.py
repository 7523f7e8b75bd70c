"""Wording of the ca layer."""

from mgcert.messages.particles import Template

# Errors (str(error) of mgcert.ca.errors.*)
CA_FAILURE = "인증기관 처리 중 오류가 발생했습니다. 다시 시도해 주세요."
INVALID_CSR = "인증서 발급 요청(CSR) 형식이 올바르지 않습니다."
CSR_SIGNATURE_INVALID = (
    "인증서 발급 요청(CSR)의 서명을 검증할 수 없습니다. 키 쌍을 다시 만들어 주세요."
)
WEAK_KEY = "RSA 2048비트 이상의 키만 인증서로 발급할 수 있습니다."
INVALID_ISSUE_REQUEST = "인증서에 넣을 정보가 올바르지 않습니다: {detail}"
UNKNOWN_SERIAL = "이 인증기관이 발급한 인증서가 아닙니다. (일련번호 {serial})"
ALREADY_REVOKED = "이미 폐지된 인증서입니다. (일련번호 {serial})"
INVALID_REVOCATION_REASON = "인증서 폐지 사유가 올바르지 않습니다: {reason}"
CA_STATE_DAMAGED = (
    "인증기관 파일이 없거나 손상되었거나 다른 인증기관의 파일입니다: {path}. 백업에서 되살리거나 "
    "'mgcert reset --yes'로 새 데이터 폴더를 시작하세요."
)
CA_DATABASE_UNAVAILABLE = "인증기관 데이터베이스를 사용할 수 없습니다. 잠시 후 다시 시도해 주세요."
CRL_PUBLISH_FAILED = "인증서 폐지 목록(CRL)을 저장하지 못했습니다: {path}"
INVALID_PKI_URL = (
    "PKI 주소가 올바르지 않습니다: {url}. http:// 또는 https://로 시작하고 호스트가 있어야 하며 "
    "?나 #은 쓸 수 없습니다 (예: http://127.0.0.1:8389)."
)
SERIAL_UNAVAILABLE = "인증서 일련번호를 정하지 못했습니다. 다시 시도해 주세요."

# Details for INVALID_ISSUE_REQUEST
DETAIL_BAD_CN = "인증서 이름(CN)은 '이름()숫자' 형식이어야 합니다."
DETAIL_JOB_OTHER_KEY = "이 발급 작업의 인증서는 이미 다른 키로 발급되었습니다."
DETAIL_CN_TAKEN = "같은 이름(CN)의 인증서가 이미 발급되었습니다."
DETAIL_BAD_REAL_NAME = "실명이 비어 있거나 너무 깁니다."
DETAIL_BAD_VID = "본인확인 정보(VID)는 32바이트여야 합니다."
DETAIL_BAD_NOT_AFTER = "만료일이 시작일보다 앞설 수 없습니다."

# Text written into certificates (user notice in certificatePolicies)
CERT_USER_NOTICE = "이 인증서는 mgcert 시뮬레이터의 테스트 인증서입니다"
# ... and in the issuing CA certificate's anyPolicy
CA_CERT_USER_NOTICE = "이 인증기관은 mgcert 시뮬레이터의 테스트 인증기관입니다"
CA_FOLDER_UNUSABLE = "인증기관 폴더를 만들거나 열 수 없습니다: {path}"
CA_REGISTER_MISSING = (
    "인증기관 등록부({path})가 없거나 비어 있습니다. 백업에서 되살리거나 "
    "'mgcert reset --yes'로 새 데이터 폴더를 시작하세요."
)
CA_REGISTER_TOO_NEW = (
    "인증기관 등록부({path})는 더 새로운 mgcert가 만든 파일입니다. mgcert를 업데이트하세요."
)

# Details for INVALID_ISSUE_REQUEST: dates (issue 16)
DETAIL_NAIVE_DATE = "유효기간의 시각에는 시간대가 있어야 합니다. (예: +09:00)"
DETAIL_DATES_NEED_PERMISSION = (
    "시작 시각을 정하거나 지난 만료 시각을 쓰는 발급은 시험용 발급(allow_any_dates)에서만 "
    "할 수 있습니다."
)
DETAIL_BAD_VALIDITY = "만료 시각({not_after})은 시작 시각({not_before})보다 뒤여야 합니다."
DETAIL_DATE_OUT_OF_RANGE = "인증서 유효기간은 1950년 1월 1일부터 9999년 12월 31일 사이여야 합니다."
# ... and key-management certificates (kmCert.der)
DETAIL_KM_NEEDS_SIGNING = Template(
    "키관리용 인증서는 서명용 인증서에만 발급합니다. (일련번호 {serial:은} 키관리용입니다)"
)
DETAIL_KM_OF_REVOKED = "폐지된 인증서에는 키관리용 인증서를 발급할 수 없습니다. (일련번호 {serial})"
DETAIL_KM_SAME_KEY = "키관리용 인증서에는 서명용 인증서와 다른 키를 써야 합니다."
DETAIL_KM_TAKEN = "이 인증서의 키관리용 인증서는 이미 다른 키로 발급되었습니다. (일련번호 {serial})"
