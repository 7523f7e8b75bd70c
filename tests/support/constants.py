"""The numbers the whole suite shares."""

from __future__ import annotations

from datetime import datetime

from mgcert.clock import KST

# Every test's simulated "now" (tests/conftest.py pins the clock to it).
FIXED_NOW = datetime(2026, 11, 24, 10, 0, 0, tzinfo=KST)

# A cheap key-file KDF for speed; tests/npki/test_npki_keyfile_default.py proves users
# get DEFAULT_ITERATIONS.
FAST_ITERATIONS = 2048
