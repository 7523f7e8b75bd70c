"""The font fix_svg embeds: a 1 : 2 monospace subset holding the picture's characters."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from rich.cells import cell_len
from rich.console import Console

from mgcert.tui.svg_cells import (
    EMBEDDED_FAMILY,
    FONT_ASSET,
    HANGUL_FONT_STACK,
    embedded_font,
    fix_svg,
    shown_chars,
    without_font,
)

SCREEN = "인증서 갱신 ─ 발급완료 MG더뱅킹 ✔ 4,400원 ↑↓ │█▌"


def _rich_svg(text: str) -> str:
    console = Console(record=True, width=60, file=io.StringIO())
    console.print(text)
    return console.export_svg(title="t")


def _font(svg: str) -> TTFont:
    data = embedded_font(svg)
    assert data is not None
    return TTFont(io.BytesIO(data))


def test_svg_embeds_a_font_face_first_in_its_stack() -> None:
    fixed = fix_svg(_rich_svg(SCREEN))
    assert f'@font-face {{ font-family: "{EMBEDDED_FAMILY}"; ' in fixed
    assert "data:font/woff2;base64," in fixed
    assert HANGUL_FONT_STACK.startswith(f'"{EMBEDDED_FAMILY}", ')
    assert f"font-family: {HANGUL_FONT_STACK};" in fixed
    assert f'font-family: arial, "{EMBEDDED_FAMILY}", sans-serif;' in fixed  # the title


def test_the_window_title_is_in_the_embedded_font_too() -> None:
    console = Console(record=True, width=20, file=io.StringIO())
    console.print("abc")
    cmap = _font(fix_svg(console.export_svg(title="인증센터"))).getBestCmap()
    assert all(ord(char) in cmap for char in "인증센터")


def test_embedded_font_covers_exactly_the_text_it_shows() -> None:
    fixed = fix_svg(_rich_svg(SCREEN))
    cmap = _font(fixed).getBestCmap()
    used = shown_chars(fixed)
    assert used >= set(SCREEN.replace(" ", ""))
    for char in used:
        assert ord(char) in cmap, f"{char!r} U+{ord(char):04X} not in the embedded font"
    # Only what the picture shows: a syllable it does not show is left out.
    assert ord("힣") not in cmap
    assert set(cmap) == {ord(char) for char in used}


def test_hangul_is_exactly_two_latin_cells_in_the_embedded_font() -> None:
    font = _font(fix_svg(_rich_svg(SCREEN)))
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    latin = metrics[cmap[ord("M")]][0]
    assert latin * 2 == font["head"].unitsPerEm  # D2Coding: 500 of 1000
    for char in set(SCREEN) - {" "}:
        assert metrics[cmap[ord(char)]][0] == cell_len(char) * latin, char


def test_every_glyph_of_the_asset_has_its_cell_width() -> None:
    font = TTFont(FONT_ASSET, lazy=True)
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    half = metrics[cmap[ord("A")]][0]
    assert metrics[cmap[ord("가")]][0] == 2 * half
    assert all(ord(char) in cmap for char in ("가", "힣", "─", "█", "₩"))
    wrong = [
        f"U+{code:04X}"
        for code, glyph in cmap.items()
        if metrics[glyph][0] != cell_len(chr(code)) * half
    ]
    assert not wrong


def test_font_is_renamed_and_keeps_its_license() -> None:
    names = _font(fix_svg(_rich_svg(SCREEN)))["name"]
    assert names.getDebugName(1) == EMBEDDED_FAMILY  # D2Coding is a Reserved Font Name
    assert "Open Font License" in str(names.getDebugName(13))


def test_refixing_replaces_the_font_and_is_idempotent() -> None:
    fixed = fix_svg(_rich_svg(SCREEN))
    assert fix_svg(fixed) == fixed
    assert fixed.count("@font-face { font-family") == 1
    assert "data:font" not in without_font(fixed)
