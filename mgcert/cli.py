"""The `mgcert` command: no subcommand starts the TUI; subcommands are for scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mgcert import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mgcert", description="MG더뱅킹 인증센터 시뮬레이터")
    parser.add_argument("--version", action="version", version=f"mgcert {__version__}")
    parser.add_argument("--home", help="데이터 폴더 (기본: $MGCERT_HOME 또는 사용자 데이터 폴더)")
    parser.add_argument("--now", help="시뮬레이션 시각 고정 (ISO 8601, 예: 2027-05-01T09:00+09:00)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    parser.parse_args(argv)
    print("mgcert: 아직 준비 중입니다.", file=sys.stderr)
    return 1
