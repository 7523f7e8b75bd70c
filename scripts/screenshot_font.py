"""Build mgcert/tui/fonts/cells.woff2, the font embedded in the screenshots (run once).

The source is D2Coding (SIL OFL 1.1, NAVER; Debian ``fonts-naver-d2coding``, upstream
https://github.com/naver/d2codingfont): a monospace font whose Latin advance is 500
units and whose Hangul advance is 1000 of its 1000-unit em, the 1 : 2 of a terminal
cell. The committed file keeps every glyph whose advance is its terminal width (ASCII,
box drawing, blocks, arrows, all 11,172 Hangul syllables and the compatibility jamo)
and drops hinting, Hanja and the layout tables. ``svg_cells.fix_svg`` subsets it again
to each picture's own characters.

D2Coding is a Reserved Font Name, so the subset (a Modified Version under the OFL) is
renamed "mgcert cells"; copyright and license stay in its name table and in OFL.txt.

    python scripts/screenshot_font.py [path/to/D2Coding.ttc]
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from fontTools import subset  # type: ignore[import-untyped]
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]
from rich.cells import cell_len

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mgcert.tui.svg_cells import EMBEDDED_FAMILY, FONT_ASSET  # noqa: E402

DEBIAN_D2CODING = Path(
    "/usr/share/fonts/truetype/naver-d2coding/D2Coding-Ver1.3.2-20180524-all.ttc"
)
HALF = 500  # D2Coding's Latin advance; one terminal cell
# What a Korean terminal UI shows: Latin and its punctuation, symbols, box drawing and
# blocks, CJK punctuation, Hangul, full-width forms. Hanja (most of the font's size),
# kana, Greek and Cyrillic are left out.
_KEPT = (
    (0x0020, 0x024F),  # Basic Latin to Latin Extended-B
    (0x2000, 0x2BFF),  # punctuation, currency, arrows, math, box drawing, shapes, dingbats
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x3200, 0x32FF),  # enclosed Hangul
    (0xAC00, 0xD7A3),  # Hangul syllables
    (0xFF00, 0xFFEF),  # half- and full-width forms
)
# Name records: copyright, family, subfamily, unique id, full name, version,
# PostScript name, license, license URL.
_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]


def cell_glyphs(font: TTFont) -> str:
    """Every character of ``font`` whose advance is its terminal cell width."""
    metrics = font["hmtx"]
    chars = []
    for code, glyph in sorted(font.getBestCmap().items()):
        char = chr(code)
        if not any(low <= code <= high for low, high in _KEPT):
            continue
        if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn"):
            continue
        width = cell_len(char)
        if width and metrics[glyph][0] == width * HALF:
            chars.append(char)
    return "".join(chars)


def _rename(font: TTFont) -> None:
    names = font["name"]
    postscript = EMBEDDED_FAMILY.replace(" ", "-")
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(EMBEDDED_FAMILY, record.nameID, *_platform(record))
        elif record.nameID == 3:
            names.setName(f"{postscript}-subset-of-D2Coding-1.3.2", 3, *_platform(record))
        elif record.nameID == 6:
            names.setName(postscript, 6, *_platform(record))
    names.names = [record for record in names.names if record.nameID in _NAME_IDS]


def _platform(record: object) -> tuple[int, int, int]:
    return (record.platformID, record.platEncID, record.langID)  # type: ignore[attr-defined]


def build(source: Path, out: Path) -> str:
    font = TTFont(source, fontNumber=0, recalcTimestamp=False)  # D2Coding Regular
    chars = cell_glyphs(font)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = []
    options.hinting = False
    options.name_IDs = _NAME_IDS
    options.name_languages = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    _rename(font)
    font.flavor = "woff2"
    font.save(out)
    return chars


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEBIAN_D2CODING
    chars = build(source, FONT_ASSET)
    size = FONT_ASSET.stat().st_size
    print(f"{FONT_ASSET.relative_to(ROOT)}: {len(chars)} characters, {size} bytes")


if __name__ == "__main__":
    main()
