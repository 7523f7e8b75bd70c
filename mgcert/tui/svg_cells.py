"""Make Rich's SVG screenshots readable for Korean text.

Rich's ``export_svg`` sets each text run's ``textLength`` from ``len(text)`` while it
places runs by cell width (rich issue 2742): a run of Hangul, two cells per syllable,
is squeezed into half its width. :func:`fix_svg` gives every run the ``textLength`` of
its cell width and puts fonts with Hangul glyphs into the font stack.

A run mixing one- and two-cell characters is also split where the width changes:
``textLength`` spreads the slack evenly over a run's glyphs, so in a mixed run the
Hangul would drift off the cell grid (Latin glyphs get as much extra room as Hangul).
Each piece starts at its own cell, so table columns and box borders stay aligned.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

# Rich's SVG geometry: char_height 20 px x font_aspect_ratio 0.61 (rich.console.export_svg).
CHAR_WIDTH = 20 * 0.61

# A Latin monospace first, so ASCII and box drawing get half-width glyphs; the browser
# falls back glyph by glyph to the first font with Hangul.
HANGUL_FONT_STACK = (
    'Fira Code, "DejaVu Sans Mono", Menlo, Consolas, "D2Coding", "Noto Sans Mono CJK KR", '
    '"Noto Sans CJK KR", "NanumGothicCoding", "Apple SD Gothic Neo", "Malgun Gothic", monospace'
)

_TEXT_RUN = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.S)
_X = re.compile(r'\bx="([0-9.]+)"')
_TEXT_LENGTH = re.compile(r'\btextLength="([0-9.]+)"')
_RICH_FONT = "font-family: Fira Code, monospace;"
# Rich asks for full-width glyph variants; CJK fonts then draw ASCII two cells wide.
_RICH_FULL_WIDTH = "font-variant-east-asian: full-width;"


def _number(value: float) -> str:
    # Rich prints SVG numbers with format(value, "g"); keep the same style.
    return format(value, "g")


def _escape(text: str) -> str:
    # As Rich's export_svg escapes run text.
    return html.escape(text).replace(" ", "&#160;")


def _width_pieces(text: str) -> list[tuple[str, int]]:
    """``text`` cut where the cell width per character changes: (piece, cells) pairs."""
    pieces: list[tuple[str, int, int]] = []  # (piece, width of its characters, cells)
    for char in text:
        width = cell_len(char)
        if pieces and (width == 0 or pieces[-1][1] in (0, width)):
            # Zero-width characters (combining marks) stay with their neighbour.
            piece, piece_width, cells = pieces[-1]
            pieces[-1] = (piece + char, piece_width or width, cells + width)
        else:
            pieces.append((char, width, width))
    return [(piece, cells) for piece, _, cells in pieces]


def _fix_run(match: re.Match[str]) -> str:
    attributes, body = match.groups()
    text = html.unescape(body)
    if all(cell_len(char) < 2 for char in text):
        return match.group(0)  # no wide characters: Rich's lengths are right
    x_match = _X.search(attributes)
    if x_match is None or not _TEXT_LENGTH.search(attributes):
        return match.group(0)
    start = float(x_match.group(1))
    runs: list[str] = []
    offset = 0
    for piece, cells in _width_pieces(text):
        piece_attributes = _X.sub(
            f'x="{_number(start + offset * CHAR_WIDTH)}"', attributes, count=1
        )
        piece_attributes = _TEXT_LENGTH.sub(
            f'textLength="{_number(cells * CHAR_WIDTH)}"', piece_attributes, count=1
        )
        runs.append(f"<text{piece_attributes}>{_escape(piece)}</text>")
        offset += cells
    return "".join(runs)


def fix_svg(svg: str) -> str:
    """Return ``svg`` with cell-accurate text runs and a Hangul font stack (idempotent)."""
    fixed = _TEXT_RUN.sub(_fix_run, svg)
    fixed = fixed.replace(_RICH_FULL_WIDTH, "")
    return fixed.replace(_RICH_FONT, f"font-family: {HANGUL_FONT_STACK};")


def text_runs(svg: str) -> list[tuple[str, float]]:
    """Every text run of an SVG screenshot with its ``textLength`` (for checks and tests)."""
    runs = []
    for match in _TEXT_RUN.finditer(svg):
        length = _TEXT_LENGTH.search(match.group(1))
        if length is not None:
            runs.append((html.unescape(match.group(2)), float(length.group(1))))
    return runs
