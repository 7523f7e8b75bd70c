"""Wording shared by every layer."""

from mgcert.messages.particles import Template

UNEXPECTED = "알 수 없는 오류가 발생했습니다. 다시 시도해 주세요."
INVALID_NOW = "시각 형식이 올바르지 않습니다: {text} (예: 2027-05-01T09:00:00+09:00)"
HOME_UNAVAILABLE = Template(
    "데이터 폴더 {path:을} 만들거나 쓸 수 없습니다: {reason}. "
    "--home 또는 MGCERT_HOME으로 쓸 수 있는 폴더를 지정해 주세요."
)
