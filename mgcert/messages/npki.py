"""Wording of the npki layer."""

VID_MISSING = "인증서에서 본인확인 정보(VID)를 찾을 수 없습니다."
INVALID_NAME = "이름에 사용할 수 없는 문자가 있습니다. (/ \\ , = + 등은 사용할 수 없습니다)"
