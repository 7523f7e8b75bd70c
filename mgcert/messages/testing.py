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

# --- mgcert fixture / mgcert gallery (cli/commands_fixture.py) ---------------------------
FIXTURE_HELP = "개발자용 시험 인증서 (임의 소유자·날짜·키 형식) / NPKI test fixtures"
FIXTURE_DESCRIPTION = (
    "시험용 CA에서 인증서를 바로 발급합니다 (은행 본인확인 없음). "
    "issue, revoke, serve / a test CA for developers: issue, revoke, serve"
)
FIXTURE_ISSUE_HELP = "시험 인증서 발급 / issue a test certificate"
FIXTURE_REVOKE_HELP = "시험 인증서 폐지 (CRL 다시 게시) / revoke (republishes the CRL)"
FIXTURE_SERVE_HELP = "시험 CA의 CRL·OCSP 서버 (Ctrl+C로 멈춤) / serve its CRL and OCSP"
FIXTURE_CA_HELP = "시험 CA 폴더 (기본: <데이터 폴더>/fixture-ca) / the fixture CA's folder"
FIXTURE_NO_CHECK = (
    "주민등록번호 검증번호를 확인하지 않음 (2020년 10월 이후 번호) / skip the check digit"
)
FIXTURE_DATE_HELP = "YYYY-MM-DD (KST 하루 전체) 또는 ISO 8601 시각 / a day (KST) or an instant"
FIXTURE_OUT_HELP = "이 폴더 아래에 NPKI 폴더를 씀 (기본: CA 폴더 안) / write under DIR"
FIXTURE_REVOKED = "발급 후 바로 폐지 (사유: keyCompromise 등) / revoke right away"
FIXTURE_PFX_HELP = "PKCS #12 파일도 씀 (randomNum 포함) / also write a PFX"
FIXTURE_ISSUED = "발급했습니다: {cn} (일련번호 {serial})\n  {folder}"
FIXTURE_VALIDITY = "  유효기간: {not_before} ~ {not_after}"
FIXTURE_RRN = "  주민등록번호(임의): {rrn}"
FIXTURE_PASSWORD = "  인증서 비밀번호(기본): {password}"
FIXTURE_REVOKED_LINE = "  폐지했습니다 (사유: {reason})"
FIXTURE_PFX_LINE = "  PFX: {path}"
FIXTURE_BAD_SERIAL = "일련번호는 16진수로 주세요: {serial}"
FIXTURE_BAD_DATE = "{flag} 값이 날짜(YYYY-MM-DD)나 시각(ISO 8601)이 아닙니다: {text}"
FIXTURE_REVOKE_DONE = "폐지했습니다: 일련번호 {serial} (사유: {reason}). CRL: {crl}"
FIXTURE_SERVING = "시험 CA 응답 중: {base}\n  CRL:  {crl}\n  OCSP: {ocsp}\n(Ctrl+C로 멈춤)"
FIXTURE_SERVE_STOPPED = "응답을 멈췄습니다."
GALLERY_HELP = "좋은/나쁜 인증서 모음과 manifest.json 쓰기 / write the gallery of test cases"
GALLERY_WRITTEN = "갤러리 {count}건을 썼습니다: {path} (manifest.json 참고)"
