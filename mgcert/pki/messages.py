"""Wording of the PKI server and of ``mgcert serve`` / ``mgcert crl``.

(Kept beside the server while issue 13 is built; it belongs with the other layers'
wording in ``mgcert/messages/`` once the files settle.)
"""

from mgcert.messages.particles import Template

# --- errors ----------------------------------------------------------------------------
ADDRESS_IN_USE = (
    "{host}:{port}에서 이미 다른 프로그램이 응답하고 있습니다. 그 프로그램을 멈추거나 "
    "--port로 다른 포트를 지정해 주세요."
)
ADDRESS_FORBIDDEN = (
    "{host}:{port}에서 응답할 권한이 없습니다(1024보다 작은 포트는 관리자 권한이 필요합니다). "
    "--port로 다른 포트를 지정해 주세요."
)
ADDRESS_UNAVAILABLE = "{host}:{port}에서 응답할 수 없습니다: {reason}"
BAD_PORT = "--port는 0~65535 사이의 숫자여야 합니다(0은 빈 포트를 고릅니다)."
BAD_WORKERS = "--workers는 1~{max} 사이의 숫자여야 합니다."
WORKERS_FAILED = "응답 서버의 작업 프로세스가 모두 멈췄습니다. 위의 기록을 확인해 주세요."
WORKER_FAILED = "작업 프로세스를 시작하지 못했습니다: {error}"
WORKER_RESTARTED = "작업 프로세스가 멈춰 다시 시작합니다 (상태 {status})."
BAD_PKI_URL = "데이터 폴더의 PKI 주소({url})에서 서버가 응답할 호스트와 포트를 알 수 없습니다."

# --- mgcert serve ------------------------------------------------------------------------
SERVE_STARTED = "mgcert serve: {base} 에서 응답합니다 (Ctrl+C로 멈춤)"
SERVE_URL_LINE = "  {org:<9} {what:<8} {url}"
SERVE_OTHER_ADDRESS = Template(
    "  주의: 이 데이터 폴더의 인증서는 {pki_url:을} 가리킵니다. 다른 주소에서 응답하므로 "
    "인증서의 주소로는 닿지 않습니다."
)
SERVE_STOPPED = "mgcert serve: 멈췄습니다."
WHAT_ROOT = "root"
WHAT_ISSUING = "issuing"
WHAT_CRL = "CRL"
WHAT_ARL = "ARL"
WHAT_OCSP = "OCSP"
WHAT_CPS = "CPS"

# --- mgcert crl --------------------------------------------------------------------------
CRL_LINE = (
    "{org} {what} #{number}  {this_update} ~ {next_update}  폐기 {entries}건\n"
    "    파일: {path}\n    주소: {url}"
)

# --- what /<org>/cps says -----------------------------------------------------------------
CPS_TEXT = """\
{org} — 인증업무준칙(CPS) 안내 / Certification Practice Statement notice

이 CA와 이 CA가 발급한 인증서는 mgcert 시뮬레이터의 시험용(시뮬레이션) 인증서입니다.
실제 공동인증서가 아니며 실제 금융거래, 전자서명, 본인확인에 쓸 수 없습니다.

These are simulation certificates, issued by the mgcert simulator for testing and
training only. They are not real certificates: do not rely on them for any real
transaction, signature or identity check.

Root CA:    {root}
Issuing CA: {issuing}
"""
INDEX_TITLE = "mgcert PKI (simulation / 시뮬레이션)"
