"""The default way a practice home is opened (as the TUI will): its own clock, its
시간 제한 없음; the engine imports no Textual; a damaged situation is reported."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from mgcert.bank import limits
from mgcert.npki.profile import CertificateKind
from mgcert.practice.errors import PracticeFileDamaged
from mgcert.practice.marker import PracticeTimers, mark_practice_home
from mgcert.practice.missions import mission
from mgcert.practice.opening import open_practice_center
from mgcert.practice.situation import SITUATION_FILE, load_situation
from mgcert.practice.tries import start_mission


def test_start_and_open_with_the_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MGCERT_NOW", "2027-05-01T09:00:00+09:00")
    practice_try = start_mission("first-issue", tmp_path, no_time_limit=True)
    with open_practice_center(practice_try.home) as center:
        assert center.clock.today_kst().isoformat() == "2027-05-01"
        flow = center.start_issuance(CertificateKind.GENERAL)
        flow.enter_customer("850315-1000010", "9002-0000-0001-1", "1234")
        flow.send_sms()
        code = center.simulator.sms_inbox(1)[0].code
        center.simulator.advance_clock(timedelta(days=1))
        flow.verify_sms(code)  # 시간 제한 없음: still valid a day later
        assert flow.phone_verified
        assert not mission("first-issue").judge(center).done
    with open_practice_center(practice_try.home) as again:  # the offset is the home's
        assert again.clock.today_kst().isoformat() == "2027-05-02"


def test_an_ordinary_home_opened_this_way_keeps_its_timers(tmp_path: Path) -> None:
    assert PracticeTimers(tmp_path).running()
    assert limits.TIMERS_RUN.running()
    assert not limits.FixedTimers(False).running()


def test_a_damaged_situation_is_reported_by_name(tmp_path: Path) -> None:
    mark_practice_home(tmp_path)
    path = tmp_path / SITUATION_FILE
    for content in (b"{", b'{"situation": 1, "facts": 3}', b'{"situation": 1}'):
        path.write_bytes(content)
        with pytest.raises(PracticeFileDamaged) as caught:
            load_situation(tmp_path)
        assert str(path) in str(caught.value)


def test_the_practice_engine_imports_no_textual() -> None:
    code = (
        "import sys, pkgutil, importlib, mgcert.practice\n"
        "for info in pkgutil.walk_packages(mgcert.practice.__path__, 'mgcert.practice.'):\n"
        "    importlib.import_module(info.name)\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
