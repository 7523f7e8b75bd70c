"""The picker, 복사 and 가져오기 read the center's media table (issue 14)."""

from __future__ import annotations

from mgcert.center import media


def test_the_screens_read_the_table() -> None:
    from mgcert.tui.screens.picker.picker import LISTED_MEDIA
    from mgcert.tui.screens.transfer.import_step import TARGETS

    assert list(LISTED_MEDIA) == media.listed_kinds()
    assert list(TARGETS) == media.import_target_kinds()
