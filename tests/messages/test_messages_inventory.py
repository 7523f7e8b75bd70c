"""The wording modules stay tidy: help keys are unique across modules, every message
constant is used somewhere in mgcert/, every help topic a screen names has a text."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

MGCERT = Path(__file__).resolve().parents[2] / "mgcert"
MESSAGES = MGCERT / "messages"


def _sources() -> dict[Path, str]:
    return {
        path: path.read_text(encoding="utf-8")
        for pattern in ("*.py", "*.html")  # page templates name web's sentences too
        for path in MGCERT.rglob(pattern)
        if "__pycache__" not in path.parts
    }


def _constants(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
    return names


def test_help_keys_are_unique_across_messages_modules() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(MESSAGES.glob("*.py")):
        module = importlib.import_module(f"mgcert.messages.{path.stem}")
        for key in getattr(module, "HELP_SCREENS", {}):
            if key in seen:
                clashes.append(f"{key}: {seen[key]} and {path.stem}")
            seen[key] = path.stem
    assert clashes == []


def test_every_message_constant_is_used_in_mgcert() -> None:
    sources = _sources()
    unused = []
    for path in sorted(MESSAGES.glob("*.py")):
        for name in _constants(path):
            word = re.compile(rf"\b{name}\b")
            uses = sum(len(word.findall(text)) for text in sources.values())
            if uses <= 1:  # only its own definition
                unused.append(f"{path.stem}.{name}")
    assert unused == []


def test_every_help_topic_has_a_text() -> None:
    from mgcert.messages import tui, tui_flows

    texts = {**tui.HELP_SCREENS, **tui_flows.HELP_SCREENS}
    topic = re.compile(
        r"""(?:HELP_TOPIC(?::[^=]+)?\s*=\s*|ResultPane\(|super\(\).__init__\()"([a-z-]+)\""""
    )
    named = {
        match
        for path, text in _sources().items()
        if "tui" in path.parts
        for match in topic.findall(text)
    }
    assert named
    assert sorted(named - texts.keys()) == []
