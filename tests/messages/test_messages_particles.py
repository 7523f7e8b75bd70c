"""Particles follow the word (DOMAIN.md "Wording"): one helper, no "을(를)" anywhere."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from mgcert.messages import center, cli, common, npki
from mgcert.messages import identity_steps as identity_msg
from mgcert.messages.durations import duration_text
from mgcert.messages.particles import Template, attach, fill, final_consonant

MGCERT = Path(__file__).resolve().parents[2] / "mgcert"

# "을(를)", "(을)를", "이(가)", "은(는)", "와(과)", "과(와)", "(으)로", "(이)나" …
PLACEHOLDER = re.compile(
    r"을\(를\)|를\(을\)|이\(가\)|가\(이\)|은\(는\)|는\(은\)|와\(과\)|과\(와\)"
    r"|\((을|를|이|가|은|는|와|과|으|이나|이라)\)"
)
# A field followed by a hard-written particle: "{medium}는", "{flag}로 " …
FIELD_THEN_PARTICLE = re.compile(r"\}(을|를|이|가|은|는|와|과|으로|로)(?![가-힣])")


@pytest.mark.parametrize(
    ("word", "name", "expected"),
    [
        ("비밀번호", "을", "비밀번호를"),
        ("비밀번호", "이", "비밀번호가"),
        ("인증서", "을", "인증서를"),
        ("보안토큰", "는", "보안토큰은"),
        ("하드디스크", "은", "하드디스크는"),
        ("계좌", "와", "계좌와"),
        ("인증번호", "과", "인증번호와"),
        ("주민등록번호", "을", "주민등록번호를"),
        ("PIN", "이", "PIN이"),
        ("OTP", "이", "OTP가"),
        ("CRL", "으로", "CRL로"),
        ("URL", "을", "URL을"),
        ("휴대폰", "으로", "휴대폰으로"),
        ("서울", "으로", "서울로"),
        ("하드디스크", "으로", "하드디스크로"),
        ("010-****-5678", "으로", "010-****-5678로"),
        ("010-****-5673", "으로", "010-****-5673으로"),
        ("10", "을", "10을"),
        ("2", "을", "2를"),
        ("'abc'", "은", "'abc'는"),
        ("인증기관 등록부(ca.db)", "이", "인증기관 등록부(ca.db)가"),
    ],
)
def test_particle_follows_the_final_consonant(word: str, name: str, expected: str) -> None:
    assert attach(word, name) == expected


def test_final_consonant_reads_hangul_digits_and_latin() -> None:
    assert final_consonant("달") == "ㄹ"
    assert final_consonant("나") is None
    assert [final_consonant(d) is not None for d in "0123456789"] == [
        True, True, False, True, False, False, True, True, True, False,
    ]  # fmt: skip
    assert final_consonant("") is None
    assert final_consonant("...") is None


def test_templates_choose_particles_at_format_time() -> None:
    assert fill("{what:을} 읽지 못했습니다", what="PIN") == "PIN을 읽지 못했습니다"
    assert Template("{medium:는} 없습니다").format(medium="보안토큰") == "보안토큰은 없습니다"
    assert Template("{fee:,}원").format(fee=4400) == "4,400원"
    assert center.MEDIUM_UNAVAILABLE.format(medium="보안토큰").startswith("보안토큰은 ")
    assert "인증서 비밀번호를 " in center.CLI_STDIN_EXHAUSTED.format(what="인증서 비밀번호")
    assert "계좌비밀번호가 " in center.CLI_MISSING_SECRET.format(
        what="계좌비밀번호", flag="-", env="E"
    )
    assert "휴대폰 010-1234-5678로 " in identity_msg.SMS_INTRO.format(phone="010-1234-5678")
    assert "데이터 폴더 /tmp/x를 " in common.HOME_UNAVAILABLE.format(path="/tmp/x", reason="r")
    assert "'gcm'은 " in npki.KEY_FORM_UNKNOWN.format(text="gcm", choices="a")
    assert "--password와 --password-stdin은 " in cli.SECRET_TWICE.format(
        flag="--password", stdin_flag="--password-stdin"
    )


def _python_sources() -> list[Path]:
    return sorted(p for p in MGCERT.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_particle_placeholder_left_in_mgcert() -> None:
    found = [
        f"{path.relative_to(MGCERT)}:{number}: {line.strip()}"
        for path in _python_sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PLACEHOLDER.search(line)
    ]
    assert found == []


def test_no_hard_written_particle_after_a_field() -> None:
    found = [
        f"{path.relative_to(MGCERT)}:{number}: {line.strip()}"
        for path in _python_sources()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FIELD_THEN_PARTICLE.search(line)
    ]
    assert found == []


def test_durations_in_korean() -> None:
    assert duration_text(timedelta(days=30)) == "30일 0시간"
    assert duration_text(timedelta(days=1, hours=2, minutes=5)) == "1일 2시간 5분"
    assert duration_text(-timedelta(hours=3)) == "-0일 3시간"
    assert "days" not in duration_text(timedelta(days=400))
