"""docs/gallery.md documents every gallery case, with the expectation the code writes."""

from __future__ import annotations

from pathlib import Path

from mgcert.testing.gallery import CASES

DOC = Path(__file__).resolve().parents[2] / "docs" / "gallery.md"


def test_every_case_is_documented_with_its_expectation() -> None:
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2].strip().strip("`")
        for line in DOC.read_text("utf-8").splitlines()
        if line.startswith("| `")
    }
    assert rows == {case.name: case.expect for case in CASES}
