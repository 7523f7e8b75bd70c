"""Wording of mgcert.testing (test fixtures for other projects) and ``mgcert fixture``."""

RRN_CHECK_DIGIT = (
    "주민등록번호의 검증번호(마지막 자리)가 맞지 않습니다: {masked}. "
    "2020년 10월 이후 번호처럼 검증번호가 없는 번호는 rrn_check_digit=False로 발급하세요."
)
BRN_NEEDED = "법인 인증서에는 사업자등록번호(brn)가 필요합니다."
RRN_NOT_FOR_CORPORATE = "법인 인증서는 주민등록번호가 아니라 사업자등록번호(brn)로 발급합니다."
BRN_NOT_FOR_PERSONAL = "개인 인증서에는 사업자등록번호(brn)를 쓰지 않습니다. rrn을 주세요."
UNKNOWN_KIND = "알 수 없는 인증서 종류입니다: {kind} (general, universal, corporate 중 하나)"
UNKNOWN_KEY_FORM = "알 수 없는 개인키 형식입니다: {form} (pbes2, seedcbc-sha1, seed-cbc 중 하나)"
UNKNOWN_LAYOUT = (
    "알 수 없는 폴더 배치입니다: {layout} (windows, macos, linux, android, removable 중 하나)"
)
UNKNOWN_REASON = "알 수 없는 폐지 사유입니다: {reason}"
BAD_DATES = "유효기간이 올바르지 않습니다: 시작({not_before})이 끝({not_after})보다 앞서야 합니다."
NAIVE_DATETIME = "시각에는 시간대가 있어야 합니다 (예: datetime(..., tzinfo=KST)): {value}"
BAD_ITERATIONS = "반복 횟수는 1 이상 {limit:,} 이하의 정수여야 합니다: {value}"
BAD_PASSWORD = "인증서 비밀번호는 비어 있을 수 없습니다."
CA_CLOSED = "이 NpkiCA는 이미 닫혔습니다."
NOT_THIS_CA = "이 NpkiCA가 발급한 인증서가 아닙니다: {serial}"
PORT_IN_USE = (
    "인증서에 적힌 PKI 주소({url})의 포트를 열 수 없습니다. "
    "serve(port=0)로 빈 포트에서 열면 urls가 그 주소를 알려 줍니다."
)
TARGET_EXISTS = "대상 폴더에 이미 다른 인증서가 있습니다: {folder}"
GALLERY_NOT_EMPTY = "갤러리 폴더가 비어 있지 않습니다: {path} (빈 폴더나 없는 폴더를 주세요)"
