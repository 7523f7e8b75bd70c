"""The argparse tree of ``mgcert`` (help in Korean and English)."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from mgcert import __version__
from mgcert.cli import identity_options, key_settings, secrets
from mgcert.cli.commands_fixture import add_fixture_commands
from mgcert.cli.commands_pfx import add_pfx_commands
from mgcert.cli.commands_web import add_web_command
from mgcert.messages import center as msg
from mgcert.messages import cli as cli_msg
from mgcert.npki.keyform import FIXTURE_ITERATIONS, KEY_FORM_NAMES, MAX_ITERATIONS

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from mgcert.cli.commands_pfx import AddCommand

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

MEDIA = ["harddisk", "removable", "phone", "token"]
FOLDER_FLAG = "--folder"  # the 이동식디스크 folder 복사 / 가져오기 write to
SECRETS_EPILOG = (
    "비밀번호·PIN·인증번호는 명령행 인자로 받지 않습니다 / secrets never come from argv: "
    f"--*-stdin 옵션(표준입력 한 줄에 하나, 순서: {secrets.stdin_order()}) 또는 환경변수 "
    f"{secrets.environment_names()}. "
    "--rrn, --otp도 받지만 ps로 보이므로 경고합니다 (accepted with a warning: visible in ps). "
    f"새 개인키 파일의 형식·반복 횟수 / new key files: {key_settings.KEY_FORM_ENV}="
    f"{'|'.join(KEY_FORM_NAMES)}, {key_settings.ITERATIONS_ENV}=1..{MAX_ITERATIONS} "
    "(화면 포함 모든 명령의 기본값, 예: 테스트에서 "
    f"{key_settings.ITERATIONS_ENV}={FIXTURE_ITERATIONS} / the default for every command "
    "and the TUI; --key-form, --iterations override it; "
    f"{key_settings.OLD_ITERATIONS_ENV} is the older name)."
)


def _common() -> argparse.ArgumentParser:
    """Options accepted after the subcommand too (``mgcert list --json``)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="결과를 JSON 한 개로 출력 / print one JSON object",
    )
    parent.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="예상하지 못한 오류의 자세한 내용 출력 / show tracebacks",
    )
    return parent


def _customer() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("고객 / customer")
    group.add_argument(
        "--customer",
        metavar="번호|이름",
        help="데모 고객 (mgcert customers) — 주민등록번호·계좌·계좌비밀번호를 채움 "
        "/ demo customer by number or name",
    )
    group.add_argument(
        "--rrn-stdin",
        action="store_true",
        help="주민등록번호를 표준입력에서 읽음 (또는 MGCERT_RRN) "
        "/ read the resident registration number from stdin",
    )
    group.add_argument(
        "--rrn",
        metavar="주민등록번호",
        help="주민등록번호 — ps로 다른 사용자에게 보이므로 경고합니다. --rrn-stdin을 쓰세요 "
        "/ visible in ps (warned): prefer --rrn-stdin",
    )
    group.add_argument("--account", help="출금계좌번호 / withdrawal account number")
    group.add_argument(
        "--account-password-stdin",
        action="store_true",
        help="계좌비밀번호를 표준입력에서 읽음 / read the account password from stdin",
    )
    return parent


def _certificate(password: bool = True) -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("인증서 선택 / certificate")
    _medium_options(group)
    group.add_argument("--serial", help="일련번호(16진수, 앞부분) / serial number (hex prefix)")
    group.add_argument("--name", help="인증서 소유자 이름 / holder's name")
    if password:
        group.add_argument(
            "--password-stdin",
            action="store_true",
            help="인증서 비밀번호를 표준입력에서 읽음 / read the certificate password",
        )
    return parent


def _medium_options(
    group: argparse._ActionsContainer, default: str = "harddisk", *, folder_alias: bool = False
) -> None:
    group.add_argument(
        "--medium",
        choices=MEDIA,
        help=f"저장매체 (기본 {default}) / storage medium (default {default})",
    )
    flags = ("--removable-root", FOLDER_FLAG) if folder_alias else ("--removable-root",)
    group.add_argument(
        *flags,
        dest="removable_root",
        metavar="DIR",
        help="이동식디스크 폴더 / removable disk folder",
    )


def _key_options(command: argparse.ArgumentParser, role: str) -> None:
    """``--key-form`` / ``--iterations`` (checked in ``key_settings``, not by argparse,
    so that a bad value is one Korean line like every other usage error)."""
    if role == key_settings.OVERRIDE:
        title = "개인키 형식 (기본: 파일 그대로) / key file form (default: keep the file's)"
    else:
        title = (
            f"새 개인키 형식 (기본: ${key_settings.KEY_FORM_ENV}, ${key_settings.ITERATIONS_ENV} "
            "또는 pbes2, 1,300,000회) / new key file form"
        )
    group = command.add_argument_group(title)
    group.add_argument(
        key_settings.KEY_FORM_FLAG,
        metavar="{" + ",".join(KEY_FORM_NAMES) + "}",
        help="pbes2: PBKDF2+SEED-CBC (OpenSSL도 엶 / OpenSSL opens it), seedcbc-sha1: "
        "seedCBCWithSHA1 (PBKDF1), seed-cbc: 구형 고정 IV / old fixed-IV SEED",
    )
    group.add_argument(
        key_settings.ITERATIONS_FLAG,
        metavar="N",
        help=f"KDF 반복 횟수 1..{MAX_ITERATIONS:,} (실제 파일은 {FIXTURE_ITERATIONS}) "
        f"/ KDF iteration count (real files use {FIXTURE_ITERATIONS})",
    )
    command.set_defaults(key_options=role)


def _verify() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("본인인증 / identity steps")
    group.add_argument(
        "--auto-verify",
        action="store_true",
        help="시뮬레이터 기기(전화·보안카드·OTP)의 값으로 자동 인증 "
        "/ answer from the simulated devices",
    )
    # Checked against the center's table in identity_options, not by argparse.
    group.add_argument(identity_options.PHONE_FLAG, metavar="METHOD", help=cli_msg.PHONE_CHECK_HELP)
    group.add_argument(
        identity_options.SECOND_FLAG, metavar="METHOD", help=cli_msg.SECOND_FACTOR_HELP
    )
    group.add_argument(
        "--otp-stdin",
        action="store_true",
        help="OTP 번호를 표준입력에서 읽음 (또는 MGCERT_OTP) / read the OTP code from stdin",
    )
    group.add_argument(
        "--otp",
        metavar="CODE",
        help="OTP 번호 — ps로 보이므로 경고합니다. --otp-stdin을 쓰세요 "
        "/ visible in ps (warned): prefer --otp-stdin",
    )
    return parent


def _ref(module: str, function: str) -> str:
    """A handler named, not imported: ``mgcert`` without a subcommand (the TUI) must not
    pay for importing the center before its first screen (``main.resolve_handler``)."""
    return f"mgcert.cli.commands_{module}:{function}"


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--home", help="데이터 폴더 (기본: $MGCERT_HOME 또는 사용자 데이터 폴더) / data home"
    )
    parser.add_argument(
        "--now", help="시뮬레이션 시각 고정 (ISO 8601, 예: 2027-05-01T09:00+09:00) / pin the clock"
    )
    parser.add_argument(
        "--pki-url",
        metavar="URL",
        help="새 데이터 폴더의 CRL·OCSP 주소 (기본: $MGCERT_PKI_URL 또는 "
        "http://127.0.0.1:8389; 만들 때 한 번 정해짐) / PKI base URL of a new data home",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        default=False,
        help="결과를 JSON 한 개로 출력 / print one JSON object",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False,
        help="예상하지 못한 오류의 자세한 내용 출력 / show tracebacks",
    )


class _Fallback(Exception):
    """The quiet parser met something the full parser must handle (help, an error)."""


class _QuietParser(argparse.ArgumentParser):
    """Prints nothing and never exits: help, ``--version`` and every usage error raise
    :class:`_Fallback`, and the full parser then parses the same argv again, so what
    the user sees is exactly what the full parser prints."""

    def error(self, message: str) -> NoReturn:
        raise _Fallback(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise _Fallback(message)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        return None


def parse_tui_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain ``mgcert [--home …] [--now …]`` (the TUI), or None for
    anything else, which the full parser then handles (help, usage errors included).

    Building the full parser (twenty subcommands) costs about as much as drawing the
    first screen's footer; the TUI should not pay for it.
    """
    if any(arg in ("-h", "--help", "--version") for arg in argv):
        return None
    # No abbreviations: "--h" is ambiguous (--help/--home) to the full parser.
    parser = _QuietParser(prog="mgcert", add_help=False, allow_abbrev=False)
    _global_options(parser)
    try:
        args, rest = parser.parse_known_args(list(argv))
    except _Fallback:
        return None
    if rest:
        return None
    args.command = None
    return args


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """``mgcert``'s arguments, as ``build_parser().parse_args(argv)`` gives them.

    A script runs one subcommand, so only that subcommand's parser is built (the full
    tree, thirty parsers and some 150 options, costs several milliseconds of a run that
    should cost little more than its key generation). The quiet partial parser never
    prints: for ``--help``, ``--version``, an unknown command or any usage error, the
    full parser parses ``argv`` again and prints what it always printed (and raises
    ``SystemExit`` as argparse does). The partial parser has the same top-level
    options and the same subcommand parser as the full one, so argparse picks the same
    subcommand from ``argv`` and returns the same namespace.
    """
    arguments = list(argv)
    command = _command_in(arguments)
    if command is None:  # the TUI's arguments have no subcommand
        args = parse_tui_args(arguments)
        if args is not None:
            return args
    elif not any(arg in ("-h", "--help", "--version") for arg in arguments):
        try:
            return _build(_QuietParser, command).parse_args(arguments)
        except _Fallback:
            pass
    return build_parser().parse_args(arguments)


# Top-level options that take a value (the next word unless written --opt=value).
_VALUE_OPTIONS = ("--home", "--now", "--pki-url")


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand word in ``argv`` (a guess: a wrong one only costs the full parse)."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return None
        if not word.startswith("-"):
            return word if word in _COMMAND_NAMES else None
        if "=" not in word and any(option.startswith(word) for option in _VALUE_OPTIONS):
            next(words, None)  # its value (argparse takes abbreviations too)
    return None


def build_parser() -> argparse.ArgumentParser:
    """The whole ``mgcert`` parser (help, usage errors, and the tests)."""
    return _build(argparse.ArgumentParser, None)


class _Parents:
    """The option groups subcommands share, each made on first use."""

    @functools.cached_property
    def common(self) -> argparse.ArgumentParser:
        return _common()

    @functools.cached_property
    def customer(self) -> argparse.ArgumentParser:
        return _customer()

    @functools.cached_property
    def verify(self) -> argparse.ArgumentParser:
        return _verify()

    @functools.cached_property
    def cert(self) -> argparse.ArgumentParser:
        return _certificate()

    @functools.cached_property
    def cert_nopw(self) -> argparse.ArgumentParser:
        return _certificate(password=False)


def _build(
    parser_class: type[argparse.ArgumentParser], only: str | None
) -> argparse.ArgumentParser:
    """The parser with every subcommand (``only=None``) or with the group of ``only``."""
    parser = parser_class(prog="mgcert", description=msg.CLI_DESCRIPTION, epilog=SECRETS_EPILOG)
    parser.add_argument("--version", action="version", version=f"mgcert {__version__}")
    _global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="명령")
    parents = _Parents()

    def add(
        name: str, handler: str, help_text: str, more: list[argparse.ArgumentParser]
    ) -> argparse.ArgumentParser:
        command = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[parents.common, *more],
            epilog=SECRETS_EPILOG,
        )
        command.set_defaults(handler=handler)
        return command

    for names, register in _COMMANDS:
        if only is None or only in names:
            register(add, sub, parents)
    return parser


def _add_customers(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add(
        "customers",
        _ref("sim", "cmd_customers"),
        "데모 고객과 시험 데이터 / demo customers and test data",
        [],
    )


def _issue_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--kind",
        choices=["general", "universal"],
        default="general",
        help="은행/신용카드/보험용(general) 또는 범용(universal, 4,400원)",
    )
    _medium_options(command)
    command.add_argument(
        "--password-stdin",
        action="store_true",
        help="새 인증서 비밀번호를 표준입력에서 읽음 / certificate password",
    )
    _key_options(command, key_settings.NEW_KEY)


def _add_issue(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    command = add(
        "issue",
        _ref("issue", "cmd_issue"),
        "공동인증서 발급/재발급 (센터가 결정) / issue or reissue",
        [p.customer, p.verify],
    )
    _issue_options(command)


def _add_reissue(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    command = add(
        "reissue",
        _ref("issue", "cmd_reissue"),
        "공동인증서 재발급만 / reissue only",
        [p.customer, p.verify],
    )
    _issue_options(command)


def _add_renew(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    renew = add(
        "renew",
        _ref("issue", "cmd_renew"),
        "인증서 갱신 (만료 30일 전부터) / renew",
        [p.cert, p.verify],
    )
    renew.add_argument(
        "--new-password-stdin",
        action="store_true",
        help="새 비밀번호 (없으면 그대로) / new password (default: keep)",
    )
    _key_options(renew, key_settings.NEW_KEY)


def _add_financial(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    fin = add(
        "financial",
        _ref("issue", "cmd_financial"),
        "금융인증서 발급/재발급 / 금융인증서",
        [p.customer, p.verify],
    )
    fin.add_argument("--pin-stdin", action="store_true", help="6자리 PIN / 6-digit PIN")


def _add_recover(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    recover = add(
        "recover",
        _ref("issue", "cmd_recover"),
        "저장하지 못한 인증서 목록/다시 저장 / list or save parked certificates",
        [],
    )
    recover.add_argument("--to", choices=MEDIA, help="저장할 매체 / target medium")
    recover.add_argument("--to-root", metavar="DIR", help="대상 이동식디스크 폴더 / target folder")


def _add_reset(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    reset = add(
        "reset",
        _ref("home", "cmd_reset"),
        "새 데이터 폴더로 시작 (지금 폴더는 옆으로 옮김) / start a new data home",
        [],
    )
    reset.add_argument(
        "--yes", action="store_true", help="확인: 지금 폴더를 옮깁니다 / confirm the move"
    )
    reset.set_defaults(opens_center=False)  # the way out when the center cannot open


def _add_list(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add(
        "list",
        _ref("manage", "cmd_list"),
        "저장매체의 인증서 목록 / list certificates",
        [p.cert_nopw],
    )


def _add_show(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add(
        "show",
        _ref("manage", "cmd_show"),
        "인증서 자세히 보기 / certificate details",
        [p.cert_nopw],
    )


def _add_revoke(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add("revoke", _ref("manage", "cmd_revoke"), "인증서 폐기 / revoke", [p.cert])


def _add_passwd(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    passwd = add(
        "passwd", _ref("manage", "cmd_passwd"), "인증서 비밀번호 변경 / change password", [p.cert]
    )
    passwd.add_argument("--new-password-stdin", action="store_true", help="새 비밀번호 / new")
    _key_options(passwd, key_settings.OVERRIDE)


def _add_copy(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    copy = add(
        "copy",
        _ref("manage", "cmd_copy"),
        "다른 저장매체로 복사 / copy to another medium",
        [p.cert_nopw],
    )
    copy.add_argument("--to", choices=MEDIA, required=True, help="대상 저장매체 / target medium")
    copy.add_argument(
        "--to-root",
        FOLDER_FLAG,
        dest="to_root",
        metavar="DIR",
        help="대상 이동식디스크 폴더 / target folder (USB)",
    )
    copy.add_argument(
        "--overwrite",
        action="store_true",
        help="대상 폴더의 다른 인증서(같은 이름)를 지우고 복사 / replace another certificate "
        "in the target folder",
    )


def _add_delete(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    delete = add("delete", _ref("manage", "cmd_delete"), "인증서 삭제 / delete", [p.cert_nopw])
    delete.add_argument("--yes", action="store_true", help="삭제 확인 / confirm")


def _add_register(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add(
        "register",
        _ref("manage", "cmd_register"),
        "타기관 인증서 등록 / register another institution's",
        [p.cert, p.customer, p.verify],
    )


def _add_unregister(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add("unregister", _ref("manage", "cmd_unregister"), "인증서 등록 해제 / unregister", [p.cert])


def _add_export(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add(
        "export",
        _ref("manage", "cmd_export"),
        "내보내기: 12자리 인증번호 / export with a one-time code",
        [p.cert],
    )


def _add_import(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    imp = add(
        "import",
        _ref("manage", "cmd_import"),
        "가져오기 (기본 대상 phone) / import with the code",
        [],
    )
    _medium_options(imp, default="phone", folder_alias=True)
    imp.add_argument("--code-stdin", action="store_true", help="인증번호 / the code")


def _add_login_check(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add(
        "login-check",
        _ref("manage", "cmd_login_check"),
        "인증서 로그인 확인 / login check",
        [p.cert],
    )


def _add_unlock(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    unlock = add(
        "unlock", _ref("sim", "cmd_unlock"), "지점 방문: 잠금 해제 / unlock a customer", []
    )
    unlock.add_argument("--customer", required=True, metavar="번호|이름")


def _add_clock(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    clock = add("clock", _ref("sim", "cmd_clock"), "시뮬레이션 시계 / simulated clock", [])
    actions = clock.add_subparsers(dest="clock_action", metavar="동작")
    actions.add_parser("show", help="현재 시각 / show")
    advance = actions.add_parser("advance", help="시간 이동 / move forward")
    advance.add_argument("--days", type=int, default=0)
    advance.add_argument("--hours", type=int, default=0)
    actions.add_parser("reset", help="원래 시각으로 / back to the base time")


def _add_other_cert(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    other = add(
        "other-cert",
        _ref("sim", "cmd_other_cert"),
        "타기관(시뮬레이션) 인증서 만들기 / make another institution's certificate",
        [],
    )
    other.add_argument("--customer", required=True, metavar="번호|이름")
    _medium_options(other)
    other.add_argument("--password-stdin", action="store_true", help="인증서 비밀번호 / password")
    _key_options(other, key_settings.NEW_KEY)


def _add_serve(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    serve = add(
        "serve",
        _ref("pki", "cmd_serve"),
        "CA 인증서·CRL/ARL·OCSP 응답 서버 (Ctrl+C로 멈춤) / serve CA certificates, CRL/ARL, OCSP",
        [],
    )
    serve.add_argument(
        "--host",
        help="응답할 주소 (기본: 루프백, PKI 주소의 호스트) / bind address (default: loopback)",
    )
    serve.add_argument(
        "--port",
        type=int,
        help="포트 (기본: 데이터 폴더 PKI 주소의 포트, 0은 빈 포트) / port (0 = a free one)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        help="응답 프로세스 수 (기본: CPU 수, 최대 4) / worker processes (default: CPUs, max 4)",
    )
    serve.set_defaults(opens_center=False)  # opens the CAs alone: no bank, no job roll-forward


def _add_crl(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add(
        "crl",
        _ref("pki", "cmd_crl"),
        "CRL·ARL 다시 게시, 위치 출력 / republish the revocation lists",
        [],
    )


def _add_pfx(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add_pfx_commands(add, p.cert, MEDIA)


def _add_fixture(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add_fixture_commands(sub, p.common)


def _add_web(add: AddCommand, sub: Subparsers, p: _Parents) -> None:
    add_web_command(sub, p.common)


# Every subcommand in the order of ``mgcert --help``; a group registers all its names.
_COMMANDS: tuple[
    tuple[tuple[str, ...], Callable[[AddCommand, Subparsers, _Parents], None]], ...
] = (
    (("customers",), _add_customers),
    (("issue",), _add_issue),
    (("reissue",), _add_reissue),
    (("renew",), _add_renew),
    (("financial",), _add_financial),
    (("recover",), _add_recover),
    (("reset",), _add_reset),
    (("list",), _add_list),
    (("show",), _add_show),
    (("revoke",), _add_revoke),
    (("passwd",), _add_passwd),
    (("copy",), _add_copy),
    (("delete",), _add_delete),
    (("register",), _add_register),
    (("unregister",), _add_unregister),
    (("export",), _add_export),
    (("import",), _add_import),
    (("login-check",), _add_login_check),
    (("unlock",), _add_unlock),
    (("clock",), _add_clock),
    (("other-cert",), _add_other_cert),
    (("serve",), _add_serve),
    (("crl",), _add_crl),
    (("pfx-export", "pfx-import"), _add_pfx),
    (("fixture", "gallery"), _add_fixture),
    (("web",), _add_web),
)
_COMMAND_NAMES = frozenset(name for names, _ in _COMMANDS for name in names)
