"""A ready data home (CAs, demo bank, 박지훈's certificate) built once per worker and
copied for each test: building one costs about 1.5 s (RSA keys for two CAs, scrypt for
the demo accounts)."""

from __future__ import annotations

import shutil
from pathlib import Path

from mgcert.center import CertificateCenter
from mgcert.clock import Clock
from mgcert.home import DataHome
from support.constants import FAST_ITERATIONS, FIXED_NOW


def build_template(root: Path) -> Path:
    """Initialise a data home at ``root`` (at the suite's pinned clock) and return it."""
    home = DataHome(root).ensure()
    clock = Clock(pinned=FIXED_NOW, state_file=home.clock_file)
    CertificateCenter.open(home, clock, iterations=FAST_ITERATIONS).close()
    return root


def copy_template(template: Path, home: DataHome) -> None:
    """A test's own copy of the template home."""
    shutil.copytree(template, home.root, dirs_exist_ok=True, symlinks=True)
