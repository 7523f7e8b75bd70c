"""Make Rich's SVG screenshots readable for Korean text.

Rich's ``export_svg`` sets each text run's ``textLength`` from ``len(text)`` while it
places runs by cell width (rich issue 2742): a run of Hangul, two cells per syllable,
is squeezed into half its width. :func:`fix_svg` gives every run the ``textLength`` of
its cell width and puts fonts with Hangul glyphs into the font stack.

Cell widths alone do not make the picture look like a terminal: a browser takes Latin
and Hangul glyphs from whichever fonts the machine has, their widths are not 1 : 2, and
``textLength`` then spreads the difference as uneven letter spacing ("인 증 서"). So
each picture also carries, as an ``@font-face`` data URL first in its font stack, a
subset of ``fonts/cells.woff2`` (D2Coding, SIL OFL 1.1, renamed; built by
``scripts/screenshot_font.py``) holding only the characters that picture shows: Latin
500 and Hangul 1000 units of a 1000-unit em, exactly one and two cells.

A run mixing one- and two-cell characters is also split where the width changes:
``textLength`` spreads the slack evenly over a run's glyphs, so in a mixed run the
Hangul would drift off the cell grid (Latin glyphs get as much extra room as Hangul).
Each piece starts at its own cell, so table columns and box borders stay aligned.
"""

from __future__ import annotations

import base64
import html
import io
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from rich.cells import cell_len

# Rich's SVG geometry: char_height 20 px x font_aspect_ratio 0.61 (rich.console.export_svg).
CHAR_WIDTH = 20 * 0.61

EMBEDDED_FAMILY = "mgcert cells"
FONT_ASSET = Path(__file__).with_name("fonts") / "cells.woff2"
# The embedded font's 0.5 em Latin advance scaled to Rich's 0.61 em cell: glyphs fill
# their cells as in a terminal, and box drawing joins up.
SIZE_ADJUST = "122%"

# The embedded font first; it holds every character of the picture whose glyph has the
# character's cell width. The rest (a CJK font's full-width circled digits, glyphs it
# lacks) fall back to a Latin monospace, then to any font with Hangul.
HANGUL_FONT_STACK = (
    f'"{EMBEDDED_FAMILY}", '
    'Fira Code, "DejaVu Sans Mono", Menlo, Consolas, "D2Coding", "Noto Sans Mono CJK KR", '
    '"Noto Sans CJK KR", "NanumGothicCoding", "Apple SD Gothic Neo", "Malgun Gothic", monospace'
)

_TEXT_RUN = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.S)
_X = re.compile(r'\bx="([0-9.]+)"')
_TEXT_LENGTH = re.compile(r'\btextLength="([0-9.]+)"')
_RICH_FONT = "font-family: Fira Code, monospace;"
# Rich asks for full-width glyph variants; CJK fonts then draw ASCII two cells wide.
_RICH_FULL_WIDTH = "font-variant-east-asian: full-width;"
_STYLE = "<style>\n"
# The window title is drawn in Arial; the embedded font gives its Hangul a glyph.
_RICH_TITLE_FONT = "font-family: arial;"
_TITLE_FONT = f'font-family: arial, "{EMBEDDED_FAMILY}", sans-serif;'
# One line, so that fix_svg can drop it and embed a fresh subset (idempotence).
_FACE = re.compile(r'^    @font-face \{ font-family: "' + EMBEDDED_FAMILY + r'"; [^\n]*\n', re.M)
_FACE_DATA = re.compile(r"url\(data:font/woff2;base64,([A-Za-z0-9+/=]*)\)")


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


@lru_cache(maxsize=1)
def _asset_sfnt() -> bytes:
    # Decoding the WOFF2 asset (20,000 glyphs) takes a second or two; do it once and
    # subset from plain TrueType bytes, which load lazily in milliseconds.
    font = TTFont(FONT_ASSET, recalcTimestamp=False)
    font.flavor = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@lru_cache(maxsize=64)
def subset_font(chars: str) -> bytes:
    """WOFF2 of the embedded font cut down to ``chars`` (those it has)."""
    font = TTFont(io.BytesIO(_asset_sfnt()), recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]  # keep copyright and license (OFL)
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def shown_chars(svg: str) -> set[str]:
    """The characters an SVG screenshot's text draws, title included (no controls)."""
    return {
        char
        for match in _TEXT_RUN.finditer(svg)
        for char in html.unescape(match.group(2))
        if unicodedata.category(char) != "Cc"
    }


def _font_face(svg: str) -> str:
    chars = "".join(sorted(shown_chars(svg)))
    data = base64.b64encode(subset_font(chars)).decode("ascii")
    return (
        f'    @font-face {{ font-family: "{EMBEDDED_FAMILY}"; '
        f'src: url(data:font/woff2;base64,{data}) format("woff2"); '
        f"size-adjust: {SIZE_ADJUST}; }}\n"
    )


def embedded_font(svg: str) -> bytes | None:
    """The font a fixed SVG embeds, or None (for checks and tests)."""
    match = _FACE_DATA.search(svg)
    return None if match is None else base64.b64decode(match.group(1))


def without_font(svg: str) -> str:
    """``svg`` without its embedded ``@font-face`` line."""
    return _FACE.sub("", svg)


def fix_cells(svg: str) -> str:
    """``svg`` with cell-accurate text runs and the font stack, but no font embedded.

    Cheap (no subsetting): what a check compares when the font is checked apart.
    """
    fixed = _TEXT_RUN.sub(_fix_run, without_font(svg))
    fixed = fixed.replace(_RICH_FULL_WIDTH, "")
    fixed = fixed.replace(_RICH_TITLE_FONT, _TITLE_FONT)
    return fixed.replace(_RICH_FONT, f"font-family: {HANGUL_FONT_STACK};")


def fix_svg(svg: str) -> str:
    """Return ``svg`` with cell-accurate text runs and a Hangul font stack (idempotent).

    The stack starts with an embedded subset of a 1 : 2 monospace font holding the
    picture's characters, so it looks the same on a machine without a Korean font.
    """
    fixed = fix_cells(svg)
    return fixed.replace(_STYLE, _STYLE + _font_face(fixed), 1)


def text_runs(svg: str) -> list[tuple[str, float]]:
    """Every text run of an SVG screenshot with its ``textLength`` (for checks and tests)."""
    runs = []
    for match in _TEXT_RUN.finditer(svg):
        length = _TEXT_LENGTH.search(match.group(1))
        if length is not None:
            runs.append((html.unescape(match.group(2)), float(length.group(1))))
    return runs
