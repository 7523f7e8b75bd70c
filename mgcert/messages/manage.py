"""Wording of 인증서 관리 (상세보기, 암호 변경, 복사, 삭제, 폐기, PFX)."""

from __future__ import annotations

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
