"""The committed screenshots are current, and readable for Korean.

Each picture in screenshots/ is ``fix_svg`` of one snapshot test's baseline
(tests/tui/gallery.py says which). The snapshot tests prove every baseline is what the
app draws now, so comparing the picture with its baseline catches a stale picture
without driving the app again. Regenerate with ``python scripts/screenshots.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from mgcert.tui.svg_cells import CHAR_WIDTH, HANGUL_FONT_STACK, fix_svg, text_runs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "tui"))

from gallery import GALLERY, Shot  # noqa: E402

SCREENSHOTS = ROOT / "screenshots"
REGENERATE = "stale: run python scripts/screenshots.py"


def _picture(shot: Shot) -> str:
    return (SCREENSHOTS / f"{shot.name}.svg").read_text(encoding="utf-8")


@pytest.mark.parametrize("shot", GALLERY, ids=[shot.name for shot in GALLERY])
def test_screenshot_is_its_snapshot_made_readable(shot: Shot) -> None:
    expected = fix_svg(shot.baseline.read_text(encoding="utf-8"))
    assert _picture(shot) == expected, f"screenshots/{shot.name}.svg is {REGENERATE}"


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
