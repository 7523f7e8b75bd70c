"""Wording of ``mgcert web`` (mgcert.web): the server's lines, the name question, downloads."""

# --- mgcert web (cli/commands_web.py) ------------------------------------------------------
WEB_HELP = "브라우저 교실: 인증센터 화면을 웹으로 (탭마다 따로) / serve the TUI to browsers"
WEB_DESCRIPTION = (
    "textual-serve로 인증센터 화면을 이 컴퓨터에서 직접 웹으로 보여 줍니다 (외부 중계 없음). "
    "브라우저 탭마다 자기 연습 데이터 폴더를 씁니다. Ctrl+C로 멈춥니다. "
    "/ serve the TUI over HTTP from this machine; each browser tab gets its own practice home."
)
WEB_HOST_HELP = (
    "응답할 주소 (기본 127.0.0.1: 이 컴퓨터만). 교실 네트워크에 열려면 0.0.0.0 "
    "/ bind address (default loopback; 0.0.0.0 opens it to the LAN)"
)
WEB_PORT_HELP = "포트 (기본 {port}, 0은 빈 포트) / port (0 = a free one)"
WEB_ROOT_HELP = (
    "학습자 데이터 폴더들을 둘 곳 (기본: <데이터 폴더>/web) / where the learners' homes live"
)
WEB_MAX_SESSIONS_HELP = "동시에 열 수 있는 탭 수 (기본 {count}) / most sessions at once"
BAD_PORT = "포트는 0에서 65535 사이의 숫자여야 합니다."
BAD_MAX_SESSIONS = "동시 탭 수는 1 이상이어야 합니다."
PORT_IN_USE = (
    "{host}:{port}에서 웹 교실을 열 수 없습니다: 이미 다른 프로그램이 그 포트를 쓰고 있습니다. "
    "--port로 다른 포트를 주세요 (예: --port {suggestion})."
)
HOST_UNAVAILABLE = "{host}:{port}에서 웹 교실을 열 수 없습니다: {reason}"
NO_TEXTUAL_SERVE = (
    "웹 교실에 필요한 textual-serve가 설치되어 있지 않습니다. "
    "pip install mgcert 로 다시 설치해 주세요."
)
SERVING = "mgcert 웹 교실을 열었습니다. 브라우저에서 이 주소로 들어오세요:"
SERVING_LAN = "교실의 다른 컴퓨터에서는 이 주소로 들어옵니다:"
SERVING_NO_LAN = "이 컴퓨터의 네트워크 주소를 찾지 못했습니다. 'ip addr'로 주소를 확인해 주세요."
FONT_SIZE_HINT = "글자를 크게 하려면 주소 끝에 ?fontsize=24 를 붙이세요."
LAN_WARNING = (
    "주의: {host}에 열었습니다. 같은 네트워크에 있는 누구나 비밀번호 없이 이 주소로 들어와 "
    "연습 화면을 쓰고 새 연습 폴더를 만들 수 있습니다. 수업용 네트워크에서만 쓰고, "
    "수업이 끝나면 Ctrl+C로 멈추세요."
)
HOMES_AT = "학습자 데이터 폴더: {root}"
STOP_HINT = "멈추려면 Ctrl+C를 누르세요."
STOPPED = "웹 교실을 멈췄습니다."
TEXTUAL_SERVE_MISMATCH = (
    "설치된 textual-serve의 textual.js가 mgcert가 아는 것과 다릅니다 ({part}). "
    "pip install 'textual-serve>=1.1.3,<1.2' 로 맞는 버전을 설치해 주세요."
)
TOO_MANY_SESSIONS = "동시에 열 수 있는 탭 수({count})를 넘었습니다. 다른 탭을 닫고 다시 들어오세요."

# --- the page (mgcert/web/templates/app_index.html) ---------------------------------------
PAGE_TITLE = "MG더뱅킹 인증센터 연습 (mgcert)"
PAGE_CONNECTING = "인증센터 연습 화면을 여는 중입니다…"
PAGE_CLOSED = "연습 화면이 닫혔습니다."
PAGE_RESTART = "다시 시작"
PAGE_START = "시작"

# --- the name question (mgcert/web/session.py) --------------------------------------------
NAME_TITLE = "mgcert 연습 교실"
NAME_INTRO = (
    "이름을 적으면 다음에 같은 이름으로 들어와 이어서 연습할 수 있습니다.\n"
    "이름 없이 Enter를 누르면 새 연습 공간에서 시작합니다.\n"
    "(이름 없는 연습 공간은 창을 닫으면 지워집니다.)\n"
    "교육용 화면입니다. 진짜 이름이나 주민등록번호는 적지 마세요."
)
NAME_PLACEHOLDER = "이름 또는 별명 (비워 두어도 됩니다)"
NAME_START = "시작"
NAME_TOO_LONG = "이름은 {limit}자까지 쓸 수 있습니다."
NAME_BAD_CHARACTERS = (
    "이름에는 한글, 영문, 숫자, 빈칸과 - _ 만 쓸 수 있습니다. 쓸 수 없는 글자: {chars}"
)
NAME_IN_USE = (
    "'{name}' 이름은 지금 다른 창에서 쓰고 있습니다. 그 창을 닫거나 다른 이름을 적어 주세요."
)
NAME_WELCOME_BACK = "{name} 님의 연습 폴더를 엽니다."

# --- downloads (mgcert/tui/delivery.py) ---------------------------------------------------
CERTIFICATE_FILES_MISSING = (
    "이 폴더에는 내려받을 인증서 파일(signCert.der, signPri.key)이 없습니다: {folder}"
)
CERTIFICATE_DOWNLOAD_STARTED = (
    "인증서 파일을 zip으로 내려받습니다. 브라우저의 다운로드 목록을 확인하세요."
)
