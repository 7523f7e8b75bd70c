"""Mission 10, 수상한 전화: a scripted caller on the simulator's phone.

The "bank employee" says a few lines and asks for what no bank asks for: the
certificate password, or every 보안카드 cell. The learner answers with one of
:class:`ScamResponse` (hang up, report, or disclose). The call and every answer are
kept in the practice home (``scam-call.json``, atomic writes under a lock) so that the
judge decides from state, not from the screen. What the learner might have typed is
never stored: only which answer they chose.

API for the phone tab: :func:`ring`, :func:`current_call`, :func:`respond`.
"""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mgcert.messages import practice as msg
from mgcert.practice import files
from mgcert.practice.errors import NoScamCall, PracticeFileDamaged, ScamCallAnswered

CALL_FILE = "scam-call.json"
_FORMAT = 1


class ScamAsk(enum.Enum):
    """What the caller asks for."""

    CERTIFICATE_PASSWORD = "certificate_password"  # noqa: S105 (a label, not a secret)
    SECURITY_CARD = "security_card"

    @property
    def label(self) -> str:
        """``인증서 비밀번호`` / ``보안카드 번호 전부``."""
        return msg.SCAM_ASK_PASSWORD if self is ScamAsk.CERTIFICATE_PASSWORD else msg.SCAM_ASK_CARD


class ScamResponse(enum.Enum):
    """The learner's possible answers."""

    HANG_UP = "hang_up"
    REPORT = "report"
    DISCLOSE = "disclose"

    @property
    def refused(self) -> bool:
        """True for the right answers (끊기, 신고)."""
        return self is not ScamResponse.DISCLOSE

    @property
    def label(self) -> str:
        return _RESPONSE_LABELS[self]


_RESPONSE_LABELS = {
    ScamResponse.HANG_UP: msg.SCAM_RESPONSE_HANG_UP,
    ScamResponse.REPORT: msg.SCAM_RESPONSE_REPORT,
    ScamResponse.DISCLOSE: msg.SCAM_RESPONSE_DISCLOSE,
}


@dataclass(frozen=True)
class CallerScript:
    """What the caller shows as their number and says, line by line."""

    ask: ScamAsk
    caller: str
    lines: tuple[str, ...]


SCRIPTS: dict[ScamAsk, CallerScript] = {
    ScamAsk.CERTIFICATE_PASSWORD: CallerScript(
        ScamAsk.CERTIFICATE_PASSWORD, msg.SCAM_CALLER, msg.SCAM_LINES_PASSWORD
    ),
    ScamAsk.SECURITY_CARD: CallerScript(
        ScamAsk.SECURITY_CARD, msg.SCAM_CALLER, msg.SCAM_LINES_CARD
    ),
}


@dataclass(frozen=True)
class ScamCall:
    """The call now on the phone (``response`` None while it rings) and the answers
    given to earlier calls of this practice home, oldest first."""

    ask: ScamAsk
    response: ScamResponse | None
    earlier: tuple[tuple[ScamAsk, ScamResponse], ...] = ()

    @property
    def script(self) -> CallerScript:
        return SCRIPTS[self.ask]

    @property
    def ringing(self) -> bool:
        return self.response is None

    @property
    def answers(self) -> tuple[tuple[ScamAsk, ScamResponse], ...]:
        """Every answer given in this home, oldest first (this call's last)."""
        if self.response is None:
            return self.earlier
        return (*self.earlier, (self.ask, self.response))


def call_file(home: Path) -> Path:
    return Path(home) / CALL_FILE


def ring(home: Path, ask: ScamAsk | None = None) -> ScamCall:
    """Make the phone ring with a scripted caller (``ask`` chosen at random if not
    given). A call ringing already keeps ringing as it is; after an answer, a new
    call starts and the earlier answers are kept."""
    path = call_file(home)
    with files.locked(path):
        current = _load(path)
        if current is not None and current.ringing:
            return current
        chosen = ask if ask is not None else secrets.choice(list(ScamAsk))
        call = ScamCall(chosen, None, current.answers if current is not None else ())
        _save(path, call)
        return call


def current_call(home: Path) -> ScamCall | None:
    """The call on the phone (ringing or answered), or None if it never rang."""
    return _load(call_file(home))


def respond(home: Path, response: ScamResponse) -> ScamCall:
    """Answer the ringing call; :class:`NoScamCall` if none rang,
    :class:`ScamCallAnswered` if it was answered already."""
    path = call_file(home)
    with files.locked(path):
        current = _load(path)
        if current is None:
            raise NoScamCall
        if not current.ringing:
            raise ScamCallAnswered
        answered = ScamCall(current.ask, response, current.earlier)
        _save(path, answered)
        return answered


def _save(path: Path, call: ScamCall) -> None:
    files.write_object(
        path,
        {
            "scam_call": _FORMAT,
            "ask": call.ask.value,
            "response": None if call.response is None else call.response.value,
            "earlier": [[ask.value, response.value] for ask, response in call.earlier],
        },
    )


def _load(path: Path) -> ScamCall | None:
    data = files.read_object(path)
    if data is None:
        return None
    try:
        return _parse(data, path)
    except (KeyError, TypeError, ValueError) as error:
        raise PracticeFileDamaged(path) from error


def _parse(data: dict[str, Any], path: Path) -> ScamCall:
    if files.field(data, "scam_call", int, path) != _FORMAT:
        raise PracticeFileDamaged(path)
    response = data["response"]
    earlier = data["earlier"]
    if not isinstance(earlier, list):
        raise PracticeFileDamaged(path)
    return ScamCall(
        ask=ScamAsk(data["ask"]),
        response=None if response is None else ScamResponse(response),
        earlier=tuple((ScamAsk(a), ScamResponse(r)) for a, r in earlier),
    )
