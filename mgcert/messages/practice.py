"""Wording of the practice missions (연습 과제): errors, missions, hints, debriefs.

Sentences naming a rule's number take it from :mod:`mgcert.center.rules` through a
template field (``{renewal_days}``, ``{export_minutes}``, ...) filled by
``rules.rule_text`` when shown; no rule number is written here.
"""

from mgcert.messages.particles import Template

# --- errors ---------------------------------------------------------------------------
FILE_DAMAGED = Template(
    "연습 파일 {path:을} 읽을 수 없습니다. 파일이 손상되었습니다. "
    "파일을 고치거나 지운 뒤 다시 시도해 주세요."
)
NOT_PRACTICE_HOME = Template("{path:은} 연습용 데이터 폴더가 아닙니다.")
UNKNOWN_MISSION = Template("'{mission_id}' 연습 과제는 없습니다.")
NO_SCAM_CALL = "지금 걸려 온 전화가 없습니다."
SCAM_CALL_ANSWERED = "이 전화에는 이미 응답했습니다."
TRY_FOLDER_TAKEN = Template("연습 폴더 {path:이} 이미 있어 새 연습을 시작할 수 없습니다.")
