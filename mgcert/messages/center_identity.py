"""Wording of the 본인인증 methods table (mgcert/center/identity_methods.py)."""

# --- the two groups of step 3 (DOMAIN.md "Identity checks") -------------------------------
GROUP_PHONE = "휴대폰 본인인증 (전자금융사기 예방서비스)"
GROUP_SECURITY_MEDIUM = "보안매체"

# --- the methods ------------------------------------------------------------------------
METHOD_ARS = "ARS 전화인증"
METHOD_SMS = "1회용 SMS 인증번호"
METHOD_SECURITY_CARD = "보안카드"
METHOD_OTP = "OTP"
