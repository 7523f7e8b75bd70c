"""The core must not depend on the UI (STYLE.md): importing it must not import Textual."""

from __future__ import annotations

import subprocess
import sys


def test_core_layers_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        "import mgcert.npki, mgcert.ca, mgcert.bank, mgcert.center\n"
        "import pkgutil, importlib\n"
        "for pkg in (mgcert.npki, mgcert.ca, mgcert.bank, mgcert.center):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "", f"core imported Textual: {result.stdout}"
