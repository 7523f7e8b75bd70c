"""Wording of 인증서 내보내기/가져오기 (PC↔스마트폰)."""

from __future__ import annotations

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
