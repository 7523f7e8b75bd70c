"""Wording of 인증서 로그인 확인."""

from __future__ import annotations

# ---------------------------------------------------------------- 로그인 확인
LOGIN_TITLE = "인증서 로그인 확인"
LOGIN_PICK_INTRO = (
    "로그인에 쓸 인증서를 고르세요. 전자서명을 만들어 은행이 하는 검사를 모두 보여 줍니다."
)
LOGIN_PURPOSE = "로그인할 인증서의 암호를 입력하세요."
LOGIN_COLUMNS = ("검사", "결과", "내용")
LOGIN_PASS = "✔ 통과"
LOGIN_FAIL = "✘ 실패"
LOGIN_OK_HEADING = "로그인 성공 — 모든 검사를 통과했습니다"
LOGIN_FAIL_HEADING = "로그인 거부 — 통과하지 못한 검사가 있습니다"
