"""Regenerate screenshots/*.svg from the real app (run: python scripts/screenshots.py).

Each picture is one snapshot test's screen (tests/tui/gallery.py lists which): the app
runs headless at 100x36 with the snapshot tests' pinned clock, seeded bank draws and
masks, is driven by the same keystrokes, and is exported the way pytest-textual-snapshot
exports it. ``fix_svg`` then widens Hangul text runs to their cell width and embeds a
subset of a 1 : 2 monospace font (D2Coding, OFL) holding the picture's characters,
first in the font stack. Two runs write byte-identical files.

Needs the test extras (``pip install -e ".[test]"``): the steps live with the tests.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "tui"))

from gallery import GALLERY, SIZE, Shot, center_as_in_snapshot_tests  # noqa: E402
from pytest_textual_snapshot import normalize_svg  # noqa: E402

from mgcert.tui.app import MgcertApp  # noqa: E402
from mgcert.tui.svg_cells import fix_svg  # noqa: E402

OUT = ROOT / "screenshots"


async def take(shot: Shot, root: Path) -> str:
    """The shot's screen as pytest-textual-snapshot would store it."""
    with center_as_in_snapshot_tests(shot, root) as center:
        run_before = shot.prepare(center)
        app = MgcertApp(center)
        # As textual._doc.take_svg_screenshot (what snap_compare calls): notifications
        # on, the same pauses, the app's title; then the snapshot plugin's id removal.
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await run_before(pilot)
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            svg = app.export_screenshot(title=app.title, simplify=True)
    return str(normalize_svg(svg))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    wanted = {f"{shot.name}.svg" for shot in GALLERY}
    for stale in OUT.glob("*.svg"):
        if stale.name not in wanted:
            stale.unlink()
    for shot in GALLERY:
        with tempfile.TemporaryDirectory(prefix="mgcert-shot-") as root:
            svg = asyncio.run(take(shot, Path(root)))
        path = OUT / f"{shot.name}.svg"
        path.write_text(fix_svg(svg), encoding="utf-8")
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
