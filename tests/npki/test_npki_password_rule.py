"""The 공동인증서 password rule: ≥10 chars, letters + digits + specials, no ' " ₩ |."""

from __future__ import annotations

import pytest

from mgcert.npki.password_rule import (
    PasswordMismatch,
    WeakPassword,
    check_password,
    validate_new_password,
)


def test_a_good_password_meets_every_part() -> None:
    report = check_password("Mgcert2026!")

    assert report.ok
    assert [passed for _, passed in report.parts] == [True] * 5
    assert validate_new_password("Mgcert2026!", "Mgcert2026!") == "Mgcert2026!"


@pytest.mark.parametrize(
    ("password", "failing"),
    [
        ("Ab1!efghi", "long_enough"),  # 9 characters
        ("1234567890!@", "has_letter"),
        ("abcdefghij!@", "has_digit"),
        ("abcdefgh1234", "has_special"),
        ("abcdef1234!'", "no_forbidden"),
        ('abcdef1234!"', "no_forbidden"),
        ("abcdef1234!|", "no_forbidden"),
        ("abcdef1234!₩", "no_forbidden"),
        ("abcdef1234!\\", "no_forbidden"),  # the ₩ key on a Korean keyboard
        ("abcdef1234!￦", "no_forbidden"),  # full-width won sign
        ("abcdef 1234!", "no_forbidden"),
        ("abcdef1234!한", "no_forbidden"),
    ],
)
def test_each_part_fails_on_its_own(password: str, failing: str) -> None:
    report = check_password(password)

    assert not report.ok
    failed = [name for name in vars(report) if not getattr(report, name)]
    assert failed == [failing]


def test_exactly_ten_characters_is_long_enough() -> None:
    assert check_password("Abcdef12!@").ok


def test_checklist_labels_are_korean_and_ordered() -> None:
    labels = [label for label, _ in check_password("").parts]

    assert labels[0] == "10자리 이상"
    assert len(labels) == 5
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in label) for label in labels)


def test_weak_password_message_names_the_failed_parts() -> None:
    with pytest.raises(WeakPassword) as caught:
        validate_new_password("abcdefghij", "abcdefghij")

    message = str(caught.value)
    assert "숫자 포함" in message
    assert "특수문자 포함" in message
    assert "10자리 이상" not in message
    assert caught.value.failed == ["숫자 포함", "특수문자 포함"]


def test_mismatch_is_reported_after_the_rule() -> None:
    with pytest.raises(PasswordMismatch, match="일치하지 않습니다"):
        validate_new_password("Mgcert2026!", "Mgcert2026?")


def test_weak_password_is_reported_before_a_mismatch() -> None:
    with pytest.raises(WeakPassword):
        validate_new_password("short", "different")
