from __future__ import annotations

import html
import re

import pytest
from rich.cells import cell_len
from rich.console import Console

from mgcert.tui.svg_cells import CHAR_WIDTH, HANGUL_FONT_STACK, fix_svg, text_runs


def _rich_svg(text: str) -> str:
    console = Console(record=True, width=40, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(text)
    return console.export_svg(title="t")


def test_rich_squeezes_hangul_and_fix_restores_cell_width() -> None:
    svg = _rich_svg("인증센터 abc")
    squeezed = dict(text_runs(svg))
    hangul = next(t for t in squeezed if "인증" in t)
    # The bug this module exists for: Rich uses len() (4) instead of cells (8).
    assert squeezed[hangul] < cell_len(hangul) * CHAR_WIDTH
    for text, length in text_runs(fix_svg(svg)):
        if text.strip():
            assert abs(length - cell_len(text) * CHAR_WIDTH) < 0.01, text


def test_ascii_runs_are_unchanged() -> None:
    svg = _rich_svg("plain ascii only")
    assert text_runs(fix_svg(svg)) == text_runs(svg)


def test_escaped_text_counts_characters_not_entities() -> None:
    svg = _rich_svg("a&b <홍길동>")
    for text, length in text_runs(fix_svg(svg)):
        if text.strip():
            assert abs(length - cell_len(text) * CHAR_WIDTH) < 0.01, text


def test_font_stack_has_hangul_fonts() -> None:
    fixed = fix_svg(_rich_svg("가"))
    assert HANGUL_FONT_STACK in fixed
    assert "Noto Sans Mono CJK KR" in fixed


def test_mixed_run_is_split_so_each_piece_starts_on_its_cell() -> None:
    fixed = fix_svg(_rich_svg("MG더뱅킹 인증센터 v1"))
    pieces = [
        (html.unescape(text), float(x), float(length))
        for x, length, text in re.findall(
            r'<text class="[^"]*-r\d+" x="([0-9.]+)" y="[0-9.]+" textLength="([0-9.]+)"[^>]*>'
            r"([^<]*)</text>",
            fixed,
        )
    ]
    texts = [text for text, _, _ in pieces]
    assert texts[:4] == ["MG", "더뱅킹", "\xa0", "인증센터"]
    assert texts[4].startswith("\xa0v1")
    cell = 0
    for text, x, length in pieces[:5]:
        assert x == pytest.approx(cell * CHAR_WIDTH)
        assert length == pytest.approx(cell_len(text) * CHAR_WIDTH)
        cell += cell_len(text)


def test_fix_is_idempotent_and_drops_full_width_variants() -> None:
    svg = _rich_svg("인증서 abc 갱신")
    assert "full-width" in svg  # Rich asks for full-width glyphs; CJK fonts widen ASCII
    fixed = fix_svg(svg)
    assert "full-width" not in fixed
    assert fix_svg(fixed) == fixed
