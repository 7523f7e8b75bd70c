"""Wording of 인증서 갱신."""

from __future__ import annotations

# ---------------------------------------------------------------- 갱신
RENEW_TITLE = "인증서 갱신"
RENEW_PICK_INTRO = (
    "갱신할 MG새마을금고 인증서를 고르세요. 갱신은 만료 {renewal_days}일 전부터 만료일까지 "
    "할 수 있습니다."
)
RENEW_PURPOSE = "갱신할 인증서의 암호를 입력하세요."
RENEW_NOTICE = "{name}님, 갱신하면 유효기간이 {old} → {new} 로 늘어납니다."
RENEW_FEE = " 범용 수수료 {fee:,}원이 출금계좌에서 인출됩니다."
RENEW_PASSWORD_HEADING = "새 인증서 비밀번호"
RENEW_PASSWORD_INTRO = (
    "새 비밀번호를 두 번 입력하거나, 지금 비밀번호를 그대로 쓰려면 [비밀번호 유지]를 누르세요."
)
RENEW_KEEP = "비밀번호 유지하고 갱신"
RENEW_BUTTON = "새 비밀번호로 갱신"
RENEW_DONE = "갱신완료 — 인증서가 갱신되었습니다"
RENEW_DONE_NOTE = (
    "새 만료일은 {end}입니다. 이전 인증서는 폐기되었고 같은 매체에 새 인증서가 저장되었습니다."
)
RENEW_TOO_EARLY_HEADING = "아직 갱신할 수 없습니다"
RENEW_TOO_EARLY_HELP = (
    "갱신은 만료 {renewal_days}일 전부터 만료일까지만 할 수 있습니다. 그때 다시 와 주세요.\n"
    "비밀번호를 잊었거나 파일이 손상되었다면 갱신이 아니라 재발급입니다."
)
RENEW_EXPIRED_HEADING = "만료된 인증서는 갱신할 수 없습니다"
RENEW_EXPIRED_HELP = (
    "만료일이 지나면 갱신이 아니라 재발급을 받아야 합니다. "
    "'공동인증서 발급/재발급' 메뉴를 이용해 주세요."
)
RENEW_REFUSED_HEADING = "이 인증서는 갱신할 수 없습니다"
RENEW_REFUSED_HELP = "MG새마을금고에서 발급하고 등록된 유효한 공동인증서만 갱신할 수 있습니다."
