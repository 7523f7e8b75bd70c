"""The PFX password refusals say positively what is wrong (issue 14 point 3's wording for
the center): "사용할 수 없는 문자(')가 들어 있습니다", not "…맞지 않습니다: 사용할 수 없는 문자…
없음"; the confirmation that differs names which password."""

from __future__ import annotations

from pathlib import Path

import pytest
from center_support import demo_entry, phone

from mgcert.center import CertificateCenter
from mgcert.center.demo import DEMO_CERTIFICATE_PASSWORD
from mgcert.center.pfx import (
    PfxPasswordMismatch,
    WeakNewCertificatePassword,
    WeakPfxPassword,
    password_problems,
)
from mgcert.messages import npki as npki_msg
from mgcert.npki.password_rule import PasswordMismatch, WeakPassword

PFX_PASSWORD = "Pfx#Export2026"


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("Abcdef12'|!x", ["사용할 수 없는 문자(' |)가 들어 있습니다."]),
        ("short1!", ["10자리 이상이어야 합니다(지금 7자리)."]),
        ("abcdefghijk", ["숫자를 하나 이상 넣어 주세요.", "특수문자를 하나 이상 넣어 주세요."]),
        ("12345678901!", ["영문자를 하나 이상 넣어 주세요."]),
        ("비번 Abc1!xyz", ["사용할 수 없는 문자(한글 공백)가 들어 있습니다."]),
        ("Good-pass2026", []),
    ],
)
def test_each_broken_part_is_one_positive_sentence(password: str, expected: list[str]) -> None:
    assert password_problems(password) == expected


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _export(center: CertificateCenter, out: Path, pfx: str, confirm: str) -> None:
    center.export_pfx(demo_entry(center), DEMO_CERTIFICATE_PASSWORD, pfx, confirm, out / "a.pfx")


def test_a_forbidden_character_in_the_pfx_password_is_named(
    center: CertificateCenter, out: Path
) -> None:
    with pytest.raises(WeakPfxPassword) as weak:
        _export(center, out, "Pfx'Export#2026", "Pfx'Export#2026")
    text = str(weak.value)
    assert text == npki_msg.PFX_WEAK_PASSWORD.format(
        failed="사용할 수 없는 문자(')가 들어 있습니다."
    )
    assert "없음" not in text
    assert weak.value.failed == [npki_msg.PASSWORD_PART_ALLOWED]  # the checklist's labels
    assert isinstance(weak.value, WeakPassword)
    assert list(out.iterdir()) == []


def test_a_pfx_confirmation_that_differs_names_the_pfx_password(
    center: CertificateCenter, out: Path
) -> None:
    with pytest.raises(PfxPasswordMismatch) as differs:
        _export(center, out, PFX_PASSWORD, PFX_PASSWORD + "x")
    assert str(differs.value).startswith("PFX 비밀번호 확인이 PFX 비밀번호와 다릅니다.")
    assert isinstance(differs.value, PasswordMismatch)


def test_the_new_certificate_password_of_an_import_says_what_is_wrong(
    center: CertificateCenter, out: Path
) -> None:
    path = out / "park.pfx"
    center.export_pfx(
        demo_entry(center), DEMO_CERTIFICATE_PASSWORD, PFX_PASSWORD, PFX_PASSWORD, path
    )
    with pytest.raises(WeakNewCertificatePassword) as weak:
        center.import_pfx(path, PFX_PASSWORD, "weak|pw", "weak|pw", phone(center))
    text = str(weak.value)
    assert text.startswith("새 인증서 비밀번호가 인증서 비밀번호 규칙에 맞지 않습니다: ")
    assert "사용할 수 없는 문자(|)가 들어 있습니다." in text
    assert "10자리 이상이어야 합니다(지금 7자리)." in text
    assert "없음" not in text
    with pytest.raises(PfxPasswordMismatch) as differs:
        center.import_pfx(path, PFX_PASSWORD, "Imported#2026pw", "Imported#2026", phone(center))
    assert str(differs.value).startswith("새 인증서 비밀번호 확인이 새 인증서 비밀번호와")
