"""Where the part-2 screens' styles live (one file, loaded by each of those screens)."""

from __future__ import annotations

from pathlib import Path

FLOWS_CSS = str(Path(__file__).resolve().parent.parent.parent / "flows.tcss")
