"""One home per tab: locks across processes, fresh homes removed, practice mark."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mgcert.practice.marker import is_practice_home, practice_settings, set_no_time_limit
from mgcert.web.homes import LearnerNameInUse, WebHomes
from mgcert.web.names import learner_name
from mgcert.web.session import claim_with_grace

ROOT = Path(__file__).resolve().parents[2]


def _name(text: str):  # type: ignore[no-untyped-def]
    name = learner_name(text)
    assert name is not None
    return name


def test_a_named_home_is_made_marked_and_found_again(tmp_path: Path) -> None:
    homes = WebHomes(tmp_path / "web")
    first = homes.claim(_name("김연습"))
    assert first.path == tmp_path / "web" / "learners" / "김연습"
    assert is_practice_home(first.path)
    assert first.path.stat().st_mode & 0o777 == 0o700
    set_no_time_limit(first.path, True)  # the learner's own setting
    first.release()
    again = homes.claim(_name("김연습"))
    assert again.path == first.path
    assert practice_settings(again.path).no_time_limit is True  # kept, not re-marked
    again.release()
    assert first.path.is_dir()  # a named home stays


def test_a_fresh_home_is_its_own_and_removed_on_release(tmp_path: Path) -> None:
    homes = WebHomes(tmp_path / "web")
    one, two = homes.claim(None), homes.claim(None)
    assert one.path != two.path
    assert one.path.parent == two.path.parent == homes.practice_dir
    assert is_practice_home(one.path)
    one.release()
    assert not one.path.exists()
    assert two.path.is_dir()
    two.release()
    assert list(homes.practice_dir.iterdir()) == []
    assert list(homes.locks_dir.iterdir()) == []


def test_the_same_name_twice_in_one_process_is_refused(tmp_path: Path) -> None:
    homes = WebHomes(tmp_path / "web")
    held = homes.claim(_name("Lee"))
    with pytest.raises(LearnerNameInUse, match="다른 창에서 쓰고 있습니다"):
        homes.claim(_name("lee"))  # same folder, other case
    held.release()
    homes.claim(_name("lee")).release()


def _hold_in_child(root: Path, name: str) -> subprocess.Popen[str]:
    code = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from mgcert.web.homes import WebHomes
        from mgcert.web.names import learner_name
        held = WebHomes(Path({str(root)!r})).claim(learner_name({name!r}))
        print("held", flush=True)
        time.sleep(60)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child


def test_two_processes_cannot_hold_one_learner_and_a_killed_one_lets_go(tmp_path: Path) -> None:
    root = tmp_path / "web"
    child = _hold_in_child(root, "박선생")
    try:
        with pytest.raises(LearnerNameInUse):
            WebHomes(root).claim(_name("박선생"))
        WebHomes(root).claim(_name("최학생")).release()  # other names are free
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    WebHomes(root).claim(_name("박선생")).release()  # the kernel dropped the lock


def test_a_reloaded_tab_waits_for_its_old_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The old tab's process lets go within the grace: the new one gets the home."""
    root = tmp_path / "web"
    child = _hold_in_child(root, "reload")
    try:
        import threading

        threading.Timer(0.5, lambda: child.send_signal(signal.SIGKILL)).start()
        claimed = claim_with_grace(WebHomes(root), _name("reload"))
        claimed.release()
    finally:
        child.kill()
        child.wait(10)


def test_the_grace_ends_with_the_korean_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("mgcert.web.session.RELOAD_GRACE", 0.3)
    homes = WebHomes(tmp_path / "web")
    held = homes.claim(_name("바쁜이름"))
    with pytest.raises(LearnerNameInUse, match="바쁜이름"):
        claim_with_grace(homes, _name("바쁜이름"))
    held.release()


def test_sweep_removes_abandoned_fresh_homes_only(tmp_path: Path) -> None:
    root = tmp_path / "web"
    code = textwrap.dedent(
        f"""
        from pathlib import Path
        from mgcert.web.homes import WebHomes
        held = WebHomes(Path({str(root)!r})).claim(None)
        print(held.path, flush=True)
        import time; time.sleep(60)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    abandoned = Path(child.stdout.readline().strip())
    child.send_signal(signal.SIGKILL)  # killed: its release never ran
    child.wait(10)
    homes = WebHomes(root)
    open_tab = homes.claim(None)
    learner = homes.claim(_name("남는이름"))
    assert abandoned.is_dir()
    assert homes.sweep_abandoned() == [abandoned]
    assert not abandoned.exists()
    assert open_tab.path.is_dir()  # held by a live tab
    assert learner.path.is_dir()  # named homes are never swept
    open_tab.release()
    learner.release()
