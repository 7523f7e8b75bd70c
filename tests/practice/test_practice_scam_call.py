"""The scripted 수상한 전화: ring, current_call, respond; kept atomically, never a secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from mgcert.practice.errors import NoScamCall, PracticeFileDamaged, ScamCallAnswered
from mgcert.practice.scam_call import (
    CALL_FILE,
    SCRIPTS,
    ScamAsk,
    ScamResponse,
    current_call,
    respond,
    ring,
)


def test_nothing_rings_before_the_call(tmp_path: Path) -> None:
    assert current_call(tmp_path) is None
    with pytest.raises(NoScamCall):
        respond(tmp_path, ScamResponse.HANG_UP)


@pytest.mark.parametrize("ask", list(ScamAsk))
def test_the_caller_asks_for_what_no_bank_asks(tmp_path: Path, ask: ScamAsk) -> None:
    call = ring(tmp_path, ask)
    assert call.ringing
    assert call.script == SCRIPTS[ask]
    assert len(call.script.lines) >= 2
    word = "비밀번호" if ask is ScamAsk.CERTIFICATE_PASSWORD else "보안카드"
    assert word in call.script.lines[-1]
    assert current_call(tmp_path) == call


def test_a_ringing_call_keeps_ringing_and_is_answered_once(tmp_path: Path) -> None:
    first = ring(tmp_path, ScamAsk.SECURITY_CARD)
    assert ring(tmp_path, ScamAsk.CERTIFICATE_PASSWORD) == first  # still the same call
    answered = respond(tmp_path, ScamResponse.REPORT)
    assert not answered.ringing
    assert answered.answers == ((ScamAsk.SECURITY_CARD, ScamResponse.REPORT),)
    with pytest.raises(ScamCallAnswered):
        respond(tmp_path, ScamResponse.DISCLOSE)
    again = ring(tmp_path, ScamAsk.CERTIFICATE_PASSWORD)
    respond(tmp_path, ScamResponse.DISCLOSE)
    final = current_call(tmp_path)
    assert final is not None
    assert again.earlier == ((ScamAsk.SECURITY_CARD, ScamResponse.REPORT),)
    assert final.answers == (
        (ScamAsk.SECURITY_CARD, ScamResponse.REPORT),
        (ScamAsk.CERTIFICATE_PASSWORD, ScamResponse.DISCLOSE),
    )


def test_refused_is_hang_up_or_report() -> None:
    assert ScamResponse.HANG_UP.refused
    assert ScamResponse.REPORT.refused
    assert not ScamResponse.DISCLOSE.refused


@pytest.mark.parametrize(
    "content", [b"{", b'{"scam_call": 1, "ask": "pin", "response": null, "earlier": []}', b"[]"]
)
def test_a_damaged_call_file_is_reported(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / CALL_FILE
    path.write_bytes(content)
    with pytest.raises(PracticeFileDamaged):
        current_call(tmp_path)
    with pytest.raises(PracticeFileDamaged):
        ring(tmp_path)
    assert path.read_bytes() == content
