"""The committed screenshots are current, and readable for Korean.

Each picture in screenshots/ is ``fix_svg`` of one snapshot test's baseline
(tests/tui/gallery.py says which). The snapshot tests prove every baseline is what the
app draws now, so comparing the picture with its baseline catches a stale picture
without driving the app again. Regenerate with ``python scripts/screenshots.py``.

The embedded font is checked apart from the rest of the picture (it covers the
picture's characters and nothing more), not byte for byte: its bytes depend on the
fontTools and Brotli versions that wrote it, and subsetting 19 fonts would slow the
suite for no extra certainty.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from rich.cells import cell_len

from mgcert.tui.svg_cells import (
    CHAR_WIDTH,
    FONT_ASSET,
    HANGUL_FONT_STACK,
    embedded_font,
    fix_cells,
    shown_chars,
    text_runs,
    without_font,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "tui"))

from gallery import GALLERY, Shot  # noqa: E402

SCREENSHOTS = ROOT / "screenshots"
REGENERATE = "stale: run python scripts/screenshots.py"


def _picture(shot: Shot) -> str:
    return (SCREENSHOTS / f"{shot.name}.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("shot", GALLERY, ids=[shot.name for shot in GALLERY])
def test_screenshot_is_its_snapshot_made_readable(shot: Shot) -> None:
    expected = fix_cells(shot.baseline.read_text(encoding="utf-8"))
    assert without_font(_picture(shot)) == expected, f"screenshots/{shot.name}.svg is {REGENERATE}"


@pytest.fixture(scope="module")
def asset_chars() -> set[int]:
    return set(TTFont(FONT_ASSET, lazy=True).getBestCmap())


@pytest.mark.parametrize("shot", GALLERY, ids=[shot.name for shot in GALLERY])
def test_embedded_font_holds_the_pictures_characters_only(
    shot: Shot, asset_chars: set[int]
) -> None:
    picture = _picture(shot)
    font = embedded_font(picture)
    assert font is not None, f"screenshots/{shot.name}.svg embeds no font: {REGENERATE}"
    embedded = set(TTFont(io.BytesIO(font)).getBestCmap())
    used = {ord(char) for char in shown_chars(picture)}
    assert embedded == used & asset_chars, REGENERATE


def test_screenshots_folder_holds_exactly_the_gallery() -> None:
    on_disk = sorted(path.stem for path in SCREENSHOTS.glob("*.svg"))
    assert on_disk == sorted(shot.name for shot in GALLERY), REGENERATE


@pytest.mark.parametrize("shot", GALLERY, ids=[shot.name for shot in GALLERY])
def test_every_text_run_spans_its_cells_in_a_hangul_font(shot: Shot) -> None:
    picture = _picture(shot)
    runs = [(text, length) for text, length in text_runs(picture) if text.strip()]
    assert any(cell_len(text) > len(text) for text, _ in runs), "no Hangul on this screen?"
    for text, length in runs:
        assert length == pytest.approx(cell_len(text) * CHAR_WIDTH, abs=0.01), text
    assert f"font-family: {HANGUL_FONT_STACK};" in picture
    assert "Noto Sans Mono CJK KR" in HANGUL_FONT_STACK
    assert "full-width" not in picture  # CJK fonts would draw ASCII two cells wide
