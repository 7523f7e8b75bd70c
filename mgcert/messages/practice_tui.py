"""Wording of the practice missions' screens (연습 과제 list, banner, debrief, phone call).

The missions' own sentences (titles, goals, hints, rules) are in
:mod:`mgcert.messages.practice`; these are the screens' labels around them.
"""

from mgcert.messages.particles import Template

MENU_PRACTICE = "연습 과제 (따라 해 보기)"

# --- the mark and the banner -------------------------------------------------------
MARK = " 교육용 화면 "
BANNER_KEYS = "F6 힌트 F7 확인/끝내기 F8 안내문"
KEY_HINT = "힌트"
KEY_FINISH = "확인/끝내기"
KEY_SHEET = "안내문"

# --- the mission list ----------------------------------------------------------------
LIST_TITLE = "연습 과제"
LIST_INTRO = (
    "과제를 고르고 Enter를 누르면 연습용 데이터로 시작합니다. 내 인증서와 계좌는 바뀌지 않습니다."
)
SETTINGS_HEADING = "연습 설정"
NO_TIME_LIMIT = "시간 제한 없음 (ARS·SMS·내보내기 인증번호가 만료되지 않습니다)"
PROGRESS_TRIES = "시도 {tries}회"
PROGRESS_NEW = "아직 안 함"
PROGRESS_DONE_TRIES = "완료 ✔ · 시도 {tries}회"
VARIANT_NUMBER = "{number}-2"
STARTING = Template("'{title}' 연습을 준비하고 있습니다…")
STARTING_NOTE = "인증서와 고객 상황을 만드는 데 몇 초 걸립니다."
START_FAILED = Template("연습을 시작하지 못했습니다: {reason}")
START_FAILED_UNEXPECTED = "연습을 시작하지 못했습니다. 다시 시도해 주세요."
PROGRESS_UNREADABLE = Template("진행 기록을 읽지 못했습니다: {reason}")
ALREADY_RUNNING = "연습이 이미 진행 중입니다. F7로 먼저 끝내 주세요."

# --- a try that runs ---------------------------------------------------------------
SHEET_TITLE = Template("연습 안내문: {title}")
SHEET_GOAL = "할 일"
SHEET_STORY = "상황"
SHEET_FACTS = "고객이 알려 준 정보"
SHEET_KEYS = "F6 힌트 · F7 결과 확인/끝내기 · F8 이 안내문 다시 보기 · F2 시뮬레이터"
SHEET_START = "시작하기"
HINT_TITLE = Template("힌트 {number}/{count}")
NO_MORE_HINTS = "힌트를 모두 보았습니다. 처음 힌트부터 다시 보여 드립니다."
NO_TRY = "진행 중인 연습이 없습니다. 인증센터의 '연습 과제'에서 골라 주세요."
JUDGE_FAILED = Template("결과를 확인하지 못했습니다: {reason}")
FINISH_QUESTION = "아직 과제가 끝나지 않았습니다. 지금 연습을 끝내고 결과를 볼까요?"
FINISH_YES = "끝내고 결과 보기"
FINISH_NO = "계속 연습하기"

# --- the debrief ---------------------------------------------------------------------
DEBRIEF_TITLE = Template("연습 결과: {title}")
DEBRIEF_WHAT_HAPPENED = "한 일"
DEBRIEF_WHY_FAILED = "잘못된 점"
DEBRIEF_STEPS = "단계별 규칙과 자주 하는 실수"
DEBRIEF_RULE = "규칙"
DEBRIEF_MISTAKE = "자주 하는 실수"
DEBRIEF_TO_LIST = "목록으로"

# --- the 수상한 전화 on the phone tab -----------------------------------------------
CALL_HEADING = "걸려 온 전화"
CALL_FROM = Template("발신: {caller}")
CALL_ANSWERED = Template("응답함: {response}")
CALL_REFUSED_NOTE = "잘하셨습니다. 은행은 전화로 이런 것을 묻지 않습니다."
CALL_DISCLOSED_NOTE = "실제였다면 위험했습니다. 은행은 절대 전화로 묻지 않습니다."

# --- 시간 제한 없음 on the code screens ---------------------------------------------
ARS_NO_TIME_LIMIT = "유효시간: 시간 제한 없음 (연습 설정)"
SMS_SENT_NO_TIME_LIMIT = (
    "인증번호를 보냈습니다. 시간 제한 없음 (연습 설정). (시뮬레이터: F2 → '휴대폰' 탭의 문자함)"
)
EXPORT_NO_TIME_LIMIT = "시간 제한 없음 (연습 설정)"
