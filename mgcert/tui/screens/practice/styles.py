"""The practice screens' stylesheet, after the shared ones (absolute paths)."""

from __future__ import annotations

from pathlib import Path, PurePath

from mgcert.tui.stylesheets import SCREEN_CSS

PRACTICE_CSS: list[str | PurePath] = [*SCREEN_CSS, str(Path(__file__).with_name("practice.tcss"))]
