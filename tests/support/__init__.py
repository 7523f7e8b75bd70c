"""Helpers every test folder shares (one package, not a copy per folder).

``tests/`` is on ``sys.path`` (pytest puts the root conftest's folder there), so any
test imports these as ``from support.constants import FAST_ITERATIONS``.
"""
