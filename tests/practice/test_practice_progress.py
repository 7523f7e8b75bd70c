"""Progress (done / tries) in the user's data home: counts, damage, kills, two writers."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mgcert.practice.errors import PracticeFileDamaged, UnknownMission
from mgcert.practice.judging import Verdict
from mgcert.practice.missions import MISSIONS
from mgcert.practice.progress import (
    PROGRESS_FILE,
    MissionProgress,
    Outcome,
    count_try,
    read_progress,
    record_verdict,
)

DONE = Verdict(True, None, ())
FAILED = Verdict(False, "잠겼습니다.", ())
UNFINISHED = Verdict(False, None, ())


def test_no_file_means_nothing_tried(tmp_path: Path) -> None:
    progress = read_progress(tmp_path)
    assert list(progress) == [m.id for m in MISSIONS]
    assert all(p == MissionProgress(p.mission_id) for p in progress.values())
    assert not (tmp_path / PROGRESS_FILE).exists()


def test_tries_count_and_done_sticks(tmp_path: Path) -> None:
    count_try(tmp_path, "renew")
    record_verdict(tmp_path, "renew", FAILED)
    count_try(tmp_path, "renew")
    record_verdict(tmp_path, "renew", DONE)
    count_try(tmp_path, "renew")
    record_verdict(tmp_path, "renew", UNFINISHED)
    line = read_progress(tmp_path)["renew"]
    assert (line.tries, line.done, line.last) == (3, True, Outcome.UNFINISHED)
    assert read_progress(tmp_path)["first-issue"].tries == 0


def test_an_unknown_mission_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UnknownMission):
        count_try(tmp_path, "no-such-mission")
    assert not (tmp_path / PROGRESS_FILE).exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{",
        b'{"progress": 1, "missions": {"renew": {"tries": -1, "done": false}}}',
        b'{"progress": 1, "missions": {"renew": {"tries": 1, "done": "no"}}}',
        b'{"progress": 1, "missions": {"renew": {"tries": 1, "done": true, "last": "?"}}}',
        b'{"progress": 9, "missions": {}}',
        b'{"progress": 1, "missions": []}',
    ],
)
def test_a_damaged_file_is_reported_by_name_and_never_reset(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / PROGRESS_FILE
    path.write_bytes(content)
    for call in (lambda: read_progress(tmp_path), lambda: count_try(tmp_path, "renew")):
        with pytest.raises(PracticeFileDamaged) as caught:
            call()
        assert str(path) in str(caught.value)
    assert path.read_bytes() == content


_WRITER = """
import sys, time
from pathlib import Path
from mgcert.practice.progress import count_try
home, go, n = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
while not go.exists():
    time.sleep(0.005)
for _ in range(n):
    count_try(home, "first-issue")
"""


def _writer(home: Path, go: Path, count: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", _WRITER, str(home), str(go), str(count)])


def test_two_processes_counting_at_once_lose_nothing(tmp_path: Path) -> None:
    go = tmp_path / "go"
    writers = [_writer(tmp_path, go, 40) for _ in range(2)]
    time.sleep(0.3)  # both are waiting for the signal
    go.touch()
    for writer in writers:
        assert writer.wait(timeout=60) == 0
    assert read_progress(tmp_path)["first-issue"].tries == 80


def test_a_writer_killed_mid_write_leaves_a_readable_file(tmp_path: Path) -> None:
    go = tmp_path / "go"
    go.touch()
    last = 0
    for delay in (0.0, 0.013, 0.031, 0.047, 0.071):
        writer = _writer(tmp_path, go, 100_000)
        deadline = time.monotonic() + 60
        while read_progress(tmp_path)["first-issue"].tries <= last:  # it is writing now
            assert time.monotonic() < deadline
            time.sleep(0.002)
        time.sleep(delay)
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=10)
        tries = read_progress(tmp_path)["first-issue"].tries  # never damaged
        assert tries >= last
        last = tries
    assert last > 0
    json.loads((tmp_path / PROGRESS_FILE).read_text(encoding="utf-8"))
    count_try(tmp_path, "first-issue")  # the lock was released by the kill
    assert read_progress(tmp_path)["first-issue"].tries == last + 1
