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
NOT_PREPARED = Template("연습 폴더 {path:은} 준비가 끝나지 않았습니다. 연습을 새로 시작해 주세요.")
TRY_FOLDER_TAKEN = Template("연습 폴더 {path:이} 이미 있어 새 연습을 시작할 수 없습니다.")

# --- the situation sheet -------------------------------------------------------------
FACT_NAME = "이름"
FACT_RRN = "주민등록번호"
FACT_ACCOUNT = "출금계좌"
FACT_ACCOUNT_PASSWORD = "계좌비밀번호"
FACT_SECOND_ACCOUNT = "다른 계좌"
FACT_BALANCE = "잔액"
FACT_PHONE = "휴대폰"
FACT_CERTIFICATE_PASSWORD = "인증서 비밀번호"
FACT_PASSWORD_FORGOTTEN = "기억나지 않음"
FACT_WHERE = "인증서 위치"
WON = "{amount:,}원"

# --- missions: title, goal (one plain sentence), story, hints in order ---------------
FIRST_ISSUE_TITLE = "처음으로 공동인증서 발급"
FIRST_ISSUE_GOAL = "김민준 씨의 은행/신용카드/보험용 공동인증서를 처음으로 발급해 보세요."
FIRST_ISSUE_STORY = "김민준 씨는 인증서를 한 번도 만든 적이 없습니다."
FIRST_ISSUE_HINTS = (
    "인증센터에서 '공동인증서 발급/재발급'을 고르세요.",
    "종류는 '은행/신용카드/보험용'입니다. 수수료가 없습니다.",
    "주민등록번호, 출금계좌, 계좌비밀번호는 연습 안내문에 있습니다.",
    "본인인증은 휴대폰(ARS 또는 SMS) 다음에 보안카드 또는 OTP입니다. F2 시뮬레이터에서 확인하세요.",
    "인증서 비밀번호는 영문, 숫자, 특수문자를 섞어 {password_min}자 이상으로 정하세요.",
)

UNIVERSAL_TITLE = "범용 인증서 발급과 수수료"
UNIVERSAL_GOAL = "주식 거래를 하려는 김민준 씨에게 범용 공동인증서를 발급해 보세요."
UNIVERSAL_STORY = "김민준 씨는 증권사에서도 쓸 수 있는 인증서가 필요합니다."
UNIVERSAL_HINTS = (
    "'공동인증서 발급/재발급'에서 종류를 '범용'으로 고르세요.",
    "범용은 수수료 {universal_fee}원이 출금계좌에서 빠져나갑니다.",
    "발급이 끝나면 시뮬레이터의 고객 정보에서 잔액이 줄었는지 확인해 보세요.",
)

UNIVERSAL_LOW_TITLE = "잔액이 부족한 고객의 범용 인증서"
UNIVERSAL_LOW_GOAL = (
    "이서연 씨의 범용 발급이 왜 안 되는지 확인하고, 무료인 은행/신용카드/보험용을 발급해 주세요."
)
UNIVERSAL_LOW_STORY = "이서연 씨의 계좌에는 돈이 조금밖에 없습니다."
UNIVERSAL_LOW_HINTS = (
    "먼저 종류를 '범용'으로 골라 고객정보를 입력해 보세요. 어떤 안내가 나오나요?",
    "범용 수수료는 {universal_fee}원인데, 잔액이 그보다 적으면 발급되지 않습니다.",
    "처음부터 다시 시작해 종류를 '은행/신용카드/보험용'으로 고르세요. 수수료가 없습니다.",
)

FORGOT_TITLE = "인증서 비밀번호를 잊었어요"
FORGOT_GOAL = "비밀번호를 잊은 김민준 씨의 인증서를 다시 쓸 수 있게 해 주세요."
FORGOT_STORY = "김민준 씨는 하드디스크에 인증서가 있지만 비밀번호가 기억나지 않습니다."
FORGOT_HINTS = (
    "인증서 비밀번호는 은행도 모르고, 찾을 수도 없습니다.",
    "'공동인증서 발급/재발급'으로 가면 센터가 '재발급'이라고 알려 줍니다.",
    "재발급하면 예전 인증서는 자동으로 폐기되고, 유효기간은 그대로입니다.",
)

EXPIRED_TITLE = "유효기간이 지난 인증서"
EXPIRED_GOAL = "유효기간이 지난 김민준 씨의 인증서를 대신할 새 인증서를 받아 주세요."
EXPIRED_STORY = "연말정산을 하려고 보니 김민준 씨의 인증서가 이미 만료되었습니다."
EXPIRED_HINTS = (
    "인증서 조회에서 유효기간을 먼저 확인해 보세요.",
    "만료된 인증서는 갱신할 수 없습니다. 갱신은 만료 전에만 됩니다.",
    "'공동인증서 발급/재발급'으로 가면 센터가 '재발급'으로 안내합니다.",
)

RENEW_TITLE = "만료 20일 전: 갱신"
RENEW_GOAL = "만료가 얼마 남지 않은 박지훈 씨의 인증서를 갱신해 주세요."
RENEW_STORY = "박지훈 씨의 인증서가 곧 만료됩니다."
RENEW_HINTS = (
    "인증센터에서 '인증서 갱신'을 고르세요.",
    "갱신할 인증서를 고르고 그 인증서의 비밀번호를 입력합니다.",
    "갱신은 만료 {renewal_days}일 전부터 만료일까지만 됩니다.",
    "갱신한 인증서는 예전 만료일에서 {general_years}년 더 쓸 수 있습니다.",
)

MOVE_TITLE = "PC의 인증서를 휴대폰으로 옮기기"
MOVE_GOAL = "김민준 씨의 PC(하드디스크)에 있는 인증서를 휴대폰으로 옮겨 주세요."
MOVE_STORY = "김민준 씨는 휴대폰으로도 은행 업무를 보고 싶어 합니다."
MOVE_HINTS = (
    "인증센터에서 '인증서 내보내기'를 고르고 PC의 인증서를 선택하세요.",
    "인증서 비밀번호를 넣으면 12자리 인증번호가 나옵니다.",
    "'인증서 가져오기'에서 그 번호를 넣고 저장 위치로 휴대폰을 고르세요.",
    "인증번호는 {export_minutes}분 동안만 쓸 수 있습니다.",
)

OTHER_BANK_TITLE = "다른 은행에서 받은 인증서 등록하기"
OTHER_BANK_GOAL = "다른 은행에서 받은 김민준 씨의 인증서를 이 은행에서도 쓸 수 있게 등록해 주세요."
OTHER_BANK_STORY = "김민준 씨는 다른 은행에서 받은 인증서를 이 은행에서도 쓰려고 합니다."
OTHER_BANK_HINTS = (
    "인증센터에서 '타기관 인증서 등록'을 고르세요.",
    "하드디스크의 다른 은행 인증서를 고르고 비밀번호를 넣습니다.",
    "주민등록번호, 출금계좌와 계좌비밀번호, 본인인증을 차례로 합니다.",
    "새로 발급할 필요는 없습니다. 등록만 하면 됩니다.",
)

LOST_TITLE = "USB를 잃어버렸어요"
LOST_GOAL = "USB에 넣어 둔 인증서를 잃어버린 김민준 씨가 다시 인증서를 쓸 수 있게, 잃어버린 인증서는 못 쓰게 해 주세요."
LOST_STORY = "김민준 씨는 인증서가 든 USB(이동식디스크)를 잃어버렸습니다."
LOST_HINTS = (
    "잃어버린 인증서는 누가 주워서 쓸 수 있으니 폐기해야 합니다.",
    "파일이 없어도 '공동인증서 발급/재발급'으로 재발급하면 예전 인증서가 자동으로 폐기됩니다.",
    "새 인증서는 잃어버린 것과 같은 종류(은행/신용카드/보험용)로 받으세요.",
)

FINANCIAL_TITLE = "금융인증서 만들기"
FINANCIAL_GOAL = "김민준 씨에게 금융인증서를 발급해 주세요."
FINANCIAL_STORY = "김민준 씨는 파일을 들고 다니지 않아도 되는 인증서를 원합니다."
FINANCIAL_HINTS = (
    "인증센터에서 '금융인증서 발급/재발급'을 고르세요.",
    "금융인증서는 금융결제원의 클라우드에 보관되고, 6자리 PIN으로 엽니다.",
    "111111이나 123456처럼 쉬운 PIN은 쓸 수 없습니다.",
    "PIN을 {pin_attempts}번 틀리면 잠깁니다. 꼭 기억할 수 있는 번호로 정하세요.",
)

SCAM_TITLE = "수상한 전화"
SCAM_GOAL = "은행 직원이라며 걸려 온 전화에 올바르게 대처해 보세요."
SCAM_STORY = "김민준 씨의 휴대폰이 울립니다. 시뮬레이터의 휴대폰 탭을 보세요."
SCAM_HINTS = (
    "은행은 전화로 인증서 비밀번호를 묻지 않습니다.",
    "보안카드 번호를 전부 알려 달라는 것은 모두 사기입니다.",
    "전화를 끊거나, 신고하세요. 알려 주지 마세요.",
)

# --- what the judge saw (Verdict.what_happened) ---------------------------------------
SAW_ISSUED = Template("{kind:을} 발급했습니다 (유효기간 {not_after}까지).")
SAW_REISSUED = Template("{kind:을} 재발급했습니다 (유효기간 {not_after}까지).")
SAW_RENEWED = Template("{kind:을} 갱신했습니다 (유효기간 {not_after}까지).")
SAW_FEE = Template("수수료 {fee}원이 {account}에서 출금되었습니다.")
SAW_NO_FEE = "수수료는 나가지 않았습니다."
SAW_OLD_REVOKED = "예전 인증서는 폐기되었습니다."
SAW_OLD_STILL_VALID = "예전 인증서는 아직 유효합니다."
SAW_ON_PHONE = "휴대폰에 같은 인증서가 저장되었습니다."
SAW_STILL_ON_PC = "PC(하드디스크)의 인증서도 그대로 있습니다."
SAW_REGISTERED = Template("{issuer}의 인증서가 이 은행에 등록되었습니다.")
SAW_FINANCIAL = Template("금융인증서가 클라우드에 저장되었습니다 (유효기간 {not_after}까지).")
SAW_HUNG_UP = "수상한 전화를 끊었습니다."
SAW_REPORTED = "수상한 전화를 신고했습니다."
SAW_DISCLOSED = Template("전화한 사람에게 {what:을} 알려 주었습니다.")
SAW_CALL_RINGING = "전화가 아직 울리고 있습니다."
SAW_NOTHING = "아직 아무것도 바뀌지 않았습니다."
SAW_LOCKED = Template("{what:이} 잠겼습니다.")
LOCK_ACCOUNT = "전자금융(계좌비밀번호)"
LOCK_CARD = "보안카드"
LOCK_OTP = "OTP"
LOCK_PIN = "금융인증서 PIN"

# --- why a try failed (Verdict.failed) -------------------------------------------------
FAILED_LOCKED = Template("{what:이} 잠겼습니다. 실제로는 지점을 방문해야 풀 수 있습니다.")
FAILED_UNIVERSAL_INSTEAD = Template(
    "범용을 발급해 수수료 {universal_fee}원을 냈습니다. 은행 업무에는 무료인 은행/신용카드/보험용이면 충분합니다."
)
FAILED_GENERAL_INSTEAD = "은행/신용카드/보험용을 발급했습니다. 주식 거래에는 범용이 필요합니다."
FAILED_REISSUED_NOT_RENEWED = "갱신 대신 재발급을 했습니다. 재발급은 유효기간을 늘려 주지 않습니다."
FAILED_PC_CERTIFICATE_REVOKED = "PC의 인증서가 폐기되었습니다. 옮기기만 하면 되었습니다."
FAILED_NEW_MG_INSTEAD = "새 인증서를 발급했습니다. 다른 은행 인증서는 등록만 하면 됩니다."
FAILED_LOST_STILL_VALID = "잃어버린 인증서가 아직 유효합니다. 누가 주우면 쓸 수 있습니다."
FAILED_DISCLOSED = Template("{what:을} 알려 주었습니다. 은행은 절대 전화로 묻지 않습니다.")

# --- the scripted caller (mission 10) -------------------------------------------------
SCAM_CALLER = "02-0000-0000 (발신자: '새마을금고 보안팀')"
SCAM_ASK_PASSWORD = "인증서 비밀번호"
SCAM_ASK_CARD = "보안카드 번호 전부"
SCAM_LINES_PASSWORD = (
    "안녕하세요, 새마을금고 보안팀입니다.",
    "고객님 계좌에서 이상한 출금 시도가 있어 확인차 전화드렸습니다.",
    "지금 바로 막아 드려야 해서요, 인증서 비밀번호를 불러 주시겠어요?",
)
SCAM_LINES_CARD = (
    "안녕하세요, 새마을금고 전산팀입니다.",
    "보안카드가 곧 정지될 예정이라 재등록이 필요합니다.",
    "보안카드 뒷면의 번호를 1번부터 끝까지 모두 불러 주세요.",
)
SCAM_RESPONSE_HANG_UP = "전화 끊기"
SCAM_RESPONSE_REPORT = "신고하기"
SCAM_RESPONSE_DISCLOSE = "알려 주기"

# --- debrief: the rule behind each step (DOMAIN.md) and the most common mistake --------
DEBRIEF_DONE = "잘하셨습니다! 과제를 마쳤습니다."
DEBRIEF_FAILED = "이번에는 과제를 마치지 못했습니다."
DEBRIEF_UNFINISHED = "아직 과제가 끝나지 않았습니다."
DEBRIEF_RETRY = "다시 하기"

STEP_CHOOSE_KIND = "인증서 종류 고르기"
RULE_KINDS = "은행/신용카드/보험용은 무료이고, 범용은 주식 거래까지 쓸 수 있지만 수수료 {universal_fee}원이 듭니다."
MISTAKE_KINDS = "필요 없는데 범용을 골라 수수료를 내는 경우가 많습니다."

STEP_CUSTOMER = "고객정보 입력"
RULE_CUSTOMER = "주민등록번호, 출금계좌, 계좌비밀번호(4자리)로 본인 계좌인지 확인합니다."
MISTAKE_CUSTOMER = "계좌비밀번호를 {account_attempts}번 연속 틀리면 전자금융이 잠깁니다."

STEP_IDENTITY = "본인인증"
RULE_IDENTITY = "휴대폰 인증(ARS {ars_minutes}분, SMS {sms_minutes}분) 다음에 보안매체(보안카드 또는 OTP)를 확인합니다."
MISTAKE_IDENTITY = "보안카드를 {card_attempts}번, OTP를 {otp_attempts}번 틀리면 잠깁니다. 서두르지 말고 칸 번호를 확인하세요."

STEP_PASSWORD = "저장매체와 인증서 비밀번호"
RULE_PASSWORD = (
    "인증서 비밀번호는 영문, 숫자, 특수문자를 섞어 {password_min}자 이상이며, 두 번 입력합니다."
)
MISTAKE_PASSWORD = "비밀번호를 잊으면 찾을 수 없고 재발급해야 합니다. 잊지 않을 방법을 정해 두세요."

STEP_FEE = "수수료"
RULE_FEE = "범용은 발급할 때와 갱신할 때마다 수수료 {universal_fee}원이 출금계좌에서 나갑니다."
MISTAKE_FEE = "잔액이 수수료보다 적으면 아무것도 발급되지 않습니다. 잔액을 먼저 확인하세요."

STEP_REISSUE = "재발급"
RULE_REISSUE_LOST = "비밀번호를 잊었거나 파일을 잃어버렸을 때는 재발급합니다. 유효기간은 그대로, 무료이고, 예전 인증서는 자동으로 폐기됩니다."
MISTAKE_REISSUE_LOST = "비밀번호를 찾으려고 은행에 묻는 경우가 많지만, 은행도 알 수 없습니다."
RULE_REISSUE_EXPIRED = (
    "유효기간이 지난 인증서는 재발급합니다. 새 인증서는 오늘부터 {general_years}년입니다."
)
MISTAKE_REISSUE_EXPIRED = "만료된 뒤에 갱신하려는 경우가 많습니다. 갱신은 만료 전에만 됩니다."

STEP_RENEW = "갱신"
RULE_RENEW = "갱신은 이 은행에서 받은 유효한 인증서만, 만료 {renewal_days}일 전부터 만료일까지 됩니다. 예전 만료일에서 {general_years}년 늘어납니다."
MISTAKE_RENEW = "너무 일찍 갱신하려 하거나, 갱신과 재발급을 헷갈리는 경우가 많습니다."

STEP_EXPORT = "내보내기와 가져오기"
RULE_EXPORT = "내보내는 쪽에서 비밀번호를 넣으면 12자리 인증번호가 나오고, 가져오는 쪽에서 그 번호를 넣습니다. 번호는 {export_minutes}분, 한 번만 쓸 수 있습니다."
MISTAKE_EXPORT = (
    "인증번호를 넣기 전에 시간이 지나 버리는 경우가 많습니다. 두 화면을 미리 열어 두세요."
)

STEP_REGISTER = "타기관 인증서 등록"
RULE_REGISTER = "다른 은행에서 받은 인증서는 인증서 비밀번호, 주민등록번호, 계좌, 본인인증을 거쳐 등록하면 이 은행에서도 쓸 수 있습니다."
MISTAKE_REGISTER = (
    "새 인증서를 받으면 다른 은행마다 다시 등록해야 한다는 것을 잊는 경우가 많습니다."
)

STEP_LOST = "잃어버린 인증서 폐기"
RULE_LOST = "잃어버린 인증서는 폐기해야 합니다. 재발급하면 예전 인증서가 자동으로 폐기됩니다."
MISTAKE_LOST = "새 인증서만 받고 잃어버린 인증서를 그대로 두는 경우가 있습니다."

STEP_FINANCIAL = "금융인증서와 PIN"
RULE_FINANCIAL = "금융인증서는 금융결제원의 클라우드에 보관되고 6자리 PIN으로 엽니다. 무료이고 {financial_years}년 동안 쓸 수 있습니다."
MISTAKE_FINANCIAL = (
    "쉬운 PIN(같은 숫자, 연속 숫자)은 쓸 수 없고, PIN을 {pin_attempts}번 틀리면 잠깁니다."
)

STEP_SCAM = "수상한 전화에 대처하기"
RULE_SCAM = "은행은 전화나 문자로 인증서 비밀번호나 보안카드 번호 전부를 묻지 않습니다. 보안카드는 한 번에 두 칸의 일부만 묻습니다."
MISTAKE_SCAM = "급하다는 말에 놀라 알려 주는 경우가 많습니다. 끊고 은행 대표번호로 직접 확인하세요."
