"""Wording of the npki layer."""

from mgcert.messages.particles import Template

VID_MISSING = "인증서에서 본인확인 정보(VID)를 찾을 수 없습니다."
INVALID_NAME = "이름에 사용할 수 없는 문자가 있습니다. (/ \\ , = + 등은 사용할 수 없습니다)"

# --- signPri.key (keyfile.py) ---------------------------------------------------------
WRONG_KEY_PASSWORD = "인증서 비밀번호가 올바르지 않습니다. 다시 확인해 주세요."
MALFORMED_KEY_FILE = "개인키 파일(signPri.key)이 손상되었거나 올바른 형식이 아닙니다."
UNSUPPORTED_KEY_ALGORITHM = "지원하지 않는 방식으로 암호화된 개인키 파일입니다: {algorithm}"
ITERATION_COUNT_TOO_HIGH = (
    "개인키 파일의 암호화 반복 횟수가 허용 한도({limit:,}회)를 넘어 열 수 없습니다."
)
KEY_SCHEME_PBES2 = "PBES2 (PBKDF2, SEED-CBC)"
KEY_SCHEME_SEED_CBC_WITH_SHA1 = "seedCBCWithSHA1 (PBKDF1-SHA1, SEED-CBC)"
KEY_SCHEME_OLD_SEED = "SEED-CBC (PBKDF1-SHA1, 고정 IV, 구형)"

# --- certificate password rule (password_rule.py) ---------------------------------------
PASSWORD_PART_LENGTH = "10자리 이상"
PASSWORD_PART_LETTER = "영문자 포함"
PASSWORD_PART_DIGIT = "숫자 포함"
PASSWORD_PART_SPECIAL = "특수문자 포함"
PASSWORD_PART_ALLOWED = "사용할 수 없는 문자(' \" ₩ | 공백, 한글) 없음"
WEAK_PASSWORD = "인증서 비밀번호 규칙에 맞지 않습니다: {failed}"
PASSWORD_MISMATCH = "비밀번호와 비밀번호 확인이 일치하지 않습니다."

# --- 주민등록번호 (rrn.py) ----------------------------------------------------------------
RRN_FORMAT = "주민등록번호는 숫자 13자리로 입력해 주세요. (예: 900101-1234567)"
RRN_BIRTH_DATE = "주민등록번호 앞자리의 생년월일이 올바르지 않습니다."
RRN_GENDER_DIGIT = "주민등록번호 뒷자리 첫 숫자가 올바르지 않습니다."

# --- storage media (storage.py) ---------------------------------------------------------
MEDIUM_HARDDISK = "하드디스크"
MEDIUM_REMOVABLE = "이동식디스크"
MEDIUM_PHONE = "휴대폰"
MEDIUM_TOKEN = "보안토큰"
MEDIUM_NOT_WRITABLE = "선택한 저장매체({path})에 쓸 수 없습니다. 다른 저장매체를 선택해 주세요."
CERTIFICATE_FILES_UNREADABLE = "인증서 파일을 읽을 수 없습니다: {path}"
UNSAFE_FOLDER_NAME = "인증서 폴더 이름이 올바르지 않습니다."
CERTIFICATE_FOLDER_EXISTS = (
    "저장매체의 같은 이름 폴더에 다른 인증서가 이미 있어 저장하지 않았습니다: {folder}"
)
PROBLEM_NOT_A_CERTIFICATE_FOLDER = "인증서 폴더가 아닙니다."
PROBLEM_SYMLINK = "링크(바로가기)는 따라가지 않습니다."
PROBLEM_MISSING_CERT = "인증서 파일(signCert.der)이 없습니다."
PROBLEM_MISSING_KEY = "개인키 파일(signPri.key)이 없습니다."
PROBLEM_UNREADABLE = "파일을 읽을 수 없습니다."
PROBLEM_TOO_LARGE = "파일이 너무 커서 인증서 파일이 아닙니다."
PROBLEM_BAD_CERTIFICATE = "인증서 파일(signCert.der)의 형식이 올바르지 않습니다."
PROBLEM_BAD_SERIAL = "인증서 일련번호가 올바르지 않습니다 (양수가 아님)."
# A listing's line for a certificate folder whose signCert.der cannot be used.
DAMAGED_CERTIFICATE = "손상된 인증서: {folder}"
PROBLEM_UNREADABLE_FOLDER = "폴더를 읽을 수 없습니다."

# --- choosing the form of a new signPri.key (keyform.py) --------------------------------
KEY_FORM_UNKNOWN = Template("개인키 형식 {text!r:은} 없습니다. {choices} 중 하나를 지정해 주세요.")
ITERATIONS_INVALID = Template(
    "반복 횟수 {text!r:은} 쓸 수 없습니다. 1 이상 {limit:,} 이하의 정수를 지정해 주세요."
)
KEY_PROTECTION_LABEL = "{scheme}, 반복 {iterations:,}회"

# --- 사업자등록번호 (brn.py) -------------------------------------------------------------
BRN_FORMAT = "사업자등록번호는 숫자 10자리로 입력해 주세요. (예: 123-45-67890)"
BRN_CHECK_DIGIT = "사업자등록번호가 올바르지 않습니다. 마지막 자리(검증번호)를 확인해 주세요."

# --- 주민등록번호 check digit (rrn.py, opt-in) --------------------------------------------
RRN_CHECK_DIGIT = "주민등록번호가 올바르지 않습니다. 마지막 자리(검증번호)를 확인해 주세요."

# --- folder layouts (layouts.py) ---------------------------------------------------------
UNKNOWN_FOLDER_LAYOUT = (
    "알 수 없는 폴더 배치입니다: {layout} (windows, macos, linux, android, removable 중 하나)"
)

# --- kmCert.der / kmPri.key (storage.py) ----------------------------------------------
KM_PAIR_INCOMPLETE = "키관리용 인증서(kmCert.der)와 개인키(kmPri.key)는 함께 있어야 합니다."
PROBLEM_BAD_KM_CERTIFICATE = "키관리용 인증서 파일(kmCert.der)의 형식이 올바르지 않습니다."
PROBLEM_MISSING_KM_CERT = "키관리용 인증서 파일(kmCert.der)이 없습니다."
PROBLEM_MISSING_KM_KEY = "키관리용 개인키 파일(kmPri.key)이 없습니다."

# --- PKCS #12 / PFX (pfx.py, center/pfx.py) ---------------------------------------------
PFX_MALFORMED = "PKCS #12(PFX) 파일이 아니거나 손상된 파일입니다."
PFX_WRONG_PASSWORD = "PFX 파일 비밀번호가 올바르지 않습니다. 다시 확인해 주세요."
PFX_NO_KEY = "PFX 파일에 개인키가 없습니다. 개인키를 포함해 내보낸 PFX 파일을 선택해 주세요."
PFX_NO_CERTIFICATE = (
    "PFX 파일에 인증서가 없습니다. 인증서를 포함해 내보낸 PFX 파일을 선택해 주세요."
)
PFX_KEY_MISMATCH = "PFX 파일의 개인키와 인증서가 서로 짝이 맞지 않습니다."
PFX_TOO_LARGE = "파일이 너무 커서 PFX 파일이 아닙니다. ({limit:,}바이트까지 읽습니다)"
PFX_UNSUPPORTED_ALGORITHM = "지원하지 않는 방식으로 암호화된 PFX 파일입니다: {algorithm}"
PFX_KEY_NOT_RSA = "RSA 개인키가 아닌 PFX 파일은 공동인증서로 쓸 수 없습니다."
PFX_ITERATION_COUNT_TOO_HIGH = (
    "PFX 파일의 암호화 반복 횟수가 허용 한도({limit:,}회)를 넘어 열 수 없습니다."
)
PFX_RANDOM_NUM_DAMAGED = "PFX 파일 개인키의 본인확인용 난수(randomNum)가 손상되었습니다."
PFX_WITHOUT_RANDOM_NUM = (
    "이 PFX 파일의 개인키에는 본인확인용 난수(randomNum)가 없어 가져오지 않았습니다. "
    "randomNum이 없으면 은행이 주민등록번호로 본인 여부(VID)를 확인할 수 없어 "
    "이 인증서로 로그인하거나 타기관 인증서로 등록할 수 없습니다. "
    "randomNum을 함께 담아 내보낸 PFX 파일을 사용해 주세요."
)
PFX_PASSWORD_EMPTY = "PFX 비밀번호를 입력해 주세요."
PFX_WEAK_PASSWORD = "PFX 비밀번호도 인증서 비밀번호 규칙을 따라야 합니다: {failed}"
PFX_PATH_EMPTY = "PFX 파일 경로를 입력해 주세요."
PFX_FILE_EXISTS = (
    "같은 이름의 파일이 이미 있어 저장하지 않았습니다: {path} (다른 파일 이름을 입력해 주세요)"
)
PFX_FOLDER_MISSING = "PFX 파일을 저장할 폴더가 없습니다: {path}"
PFX_NOT_WRITABLE = "PFX 파일을 저장할 수 없습니다: {path}"
PFX_FILE_NOT_FOUND = "PFX 파일을 찾을 수 없습니다: {path}"
PFX_FILE_UNREADABLE = "PFX 파일을 읽을 수 없습니다: {path}"
PFX_ALREADY_ON_MEDIUM = "이 인증서는 {medium}에 이미 있어 가져오지 않았습니다: {folder}"
PFX_NOT_NPKI_CERTIFICATE = (
    "NPKI 인증서 폴더를 만들 수 없는 인증서입니다. (발급기관 이름(O) 또는 CN이 올바르지 않음)"
)
PFX_EXPORTED = "PFX 파일로 내보냈습니다: {path}"
PFX_IMPORTED = "PFX 파일의 인증서를 {medium}에 저장했습니다: {folder}"
PFX_KEY_NOT_FOR_CERTIFICATE = (
    "인증서(signCert.der)와 개인키 파일(signPri.key)이 서로 짝이 맞지 않아 내보낼 수 없습니다."
)
PFX_SECRET_LABEL = "PFX 비밀번호"
PFX_EXPORT_HELP = (
    "PFX(PKCS #12) 내보내기: 인증서·개인키(randomNum 포함)·CA 인증서 / export as PFX "
    "(stdin 순서: 인증서 비밀번호, PFX 비밀번호)"
)
PFX_IMPORT_HELP = (
    "PFX(PKCS #12) 가져오기: randomNum이 없는 PFX는 거부 / import a PFX "
    "(stdin 순서: PFX 비밀번호, 새 인증서 비밀번호)"
)
