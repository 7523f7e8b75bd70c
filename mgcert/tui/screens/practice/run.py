"""A practice try as the TUI runs it: the try, its center, the hints shown so far.

Starting a try (:func:`start_run`) prepares a fresh practice home under the user's
own home (the engine's :func:`start_mission`) and opens its center; the session then
talks to that center until the try ends (:meth:`TuiSession.leave_practice`). The
user's own center is never written to by a try.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mgcert.center import CertificateCenter
from mgcert.practice.debrief import Debrief
from mgcert.practice.judging import Verdict
from mgcert.practice.marker import set_no_time_limit
from mgcert.practice.missions import Mission
from mgcert.practice.tries import PracticeTry, finish_try, judge_try, start_mission
from mgcert.tui.session import TuiSession

PracticeOpener = Callable[[Path], CertificateCenter]


@dataclass
class PracticeRun:
    """The try on screen now, and how many of its hints were shown."""

    practice_try: PracticeTry
    center: CertificateCenter
    hints_shown: int = field(default=0)

    @property
    def mission(self) -> Mission:
        return self.practice_try.mission

    def next_hint(self) -> tuple[int, str]:
        """The next hint (1-based number, text); after the last, the first again."""
        hints = self.mission.hints
        index = self.hints_shown % len(hints)
        self.hints_shown += 1
        return index + 1, hints[index]

    def judge(self) -> Verdict:
        """Whether the goal is reached, from the try's center (nothing recorded)."""
        return judge_try(self.practice_try, self.center)

    def finish(self) -> Debrief:
        """Judge, record the outcome in the user's progress, and the debrief."""
        return finish_try(self.practice_try, self.center)


def practice_opener(session: TuiSession) -> PracticeOpener:
    """How the session opens a practice home: its own opener (tests), else as the
    user's center was opened (its key protection; the home's own clock and 시간 제한
    없음 through :func:`open_practice_center`)."""
    if session.practice_opener is not None:
        return session.practice_opener
    from mgcert.practice.opening import open_practice_center

    protection = session.own_center.key_protection

    def open_home(home: Path) -> CertificateCenter:
        return open_practice_center(home, key_protection=protection)

    return open_home


def start_run(session: TuiSession, mission_id: str) -> PracticeRun:
    """A fresh try of ``mission_id`` and its open center (slow: run it in a thread)."""
    opener = practice_opener(session)
    user_home = session.own_center.home.root
    practice_try = start_mission(
        mission_id, user_home, opener=opener, no_time_limit=session.no_time_limit
    )
    return PracticeRun(practice_try, opener(practice_try.home))


def switch_no_time_limit(session: TuiSession, on: bool) -> None:
    """연습 설정's 시간 제한 없음: for the next tries, and at once in a running one (and
    kept in the user's home when that is itself a practice home, a browser learner's)."""
    from mgcert.practice.marker import is_practice_home

    session.no_time_limit = on
    user_home = session.own_center.home.root
    if is_practice_home(user_home):
        set_no_time_limit(user_home, on)
    if session.practice is not None:
        set_no_time_limit(session.practice.practice_try.home, on)


def initial_no_time_limit(session: TuiSession) -> bool:
    """What the toggle shows first: the browser learner's saved setting, else the
    session's."""
    from mgcert.practice.errors import PracticeError
    from mgcert.practice.marker import is_practice_home, practice_settings

    user_home = session.own_center.home.root
    if is_practice_home(user_home):
        try:
            return practice_settings(user_home).no_time_limit
        except PracticeError:
            return session.no_time_limit
    return session.no_time_limit
