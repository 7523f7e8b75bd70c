"""Make Rich's SVG screenshots readable for Korean text.

Rich's ``export_svg`` sets each text run's ``textLength`` from ``len(text)`` while it
places runs by cell width (rich issue 2742): a run of Hangul, two cells per syllable,
is squeezed into half its width. :func:`fix_svg` recomputes every ``textLength`` from
the run's cell width and puts fonts with Hangul glyphs into the font stack.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

# Rich's SVG geometry: char_height 20 px x font_aspect_ratio 0.61 (rich.console.export_svg).
CHAR_WIDTH = 20 * 0.61

HANGUL_FONT_STACK = (
    'Fira Code, "D2Coding", "Noto Sans Mono CJK KR", "Noto Sans CJK KR", '
    '"NanumGothicCoding", "Malgun Gothic", monospace'
)

_TEXT_RUN = re.compile(r'(<text\b[^>]*?\btextLength=")([0-9.]+)("[^>]*>)(.*?)(</text>)', re.S)
_RICH_FONT = "font-family: Fira Code, monospace;"


def _format_length(value: float) -> str:
    # Rich prints Python floats (e.g. 24.4); keep the same style for stable output.
    return repr(round(value, 4))


def fix_svg(svg: str) -> str:
    """Return ``svg`` with cell-accurate ``textLength`` values and a Hangul font stack."""

    def widen(match: re.Match[str]) -> str:
        head, old, middle, body, tail = match.groups()
        # Rich counted every character as one cell; add what wide characters lack.
        missing = sum(max(cell_len(ch) - 1, 0) for ch in html.unescape(body))
        if not missing:
            return match.group(0)
        return f"{head}{_format_length(float(old) + missing * CHAR_WIDTH)}{middle}{body}{tail}"

    fixed = _TEXT_RUN.sub(widen, svg)
    return fixed.replace(_RICH_FONT, f"font-family: {HANGUL_FONT_STACK};")


def text_runs(svg: str) -> list[tuple[str, float]]:
    """Every text run of an SVG screenshot with its ``textLength`` (for checks and tests)."""
    return [(html.unescape(m.group(4)), float(m.group(2))) for m in _TEXT_RUN.finditer(svg)]
