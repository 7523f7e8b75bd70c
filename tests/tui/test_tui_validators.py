"""The input format validators of the TUI (shape only)."""

from __future__ import annotations

import pytest
from textual.validation import Validator

from mgcert.tui.normalize import digits_only, field_text, nfc
from mgcert.tui.validators import (
    AccountNumberFormat,
    AccountPasswordFormat,
    Digits,
    FolderPath,
    ResidentNumberBack,
    ResidentNumberFront,
)


@pytest.mark.parametrize(
    ("validator", "good", "bad"),
    [
        (
            ResidentNumberFront(),
            ["900101", " 900101 "],
            ["90010", "9001011", "90O101", "", "９００１０１"],
        ),
        (ResidentNumberBack(), ["1234567"], ["123456", "12345678", "abcdefg"]),
        (AccountPasswordFormat(), ["0000", "1234"], ["123", "12345", "12a4", "١٢٣٤"]),
        (Digits(6), ["012345"], ["01234", "0123456", "01234x"]),
        (Digits(2), ["08"], ["8", "080"]),
        (
            AccountNumberFormat(),
            ["9002123456789", "9002-1234-5678-9", "9002 1234 5678 9"],
            ["900212345678", "90021234567890", "9002-1234-5678-X", ""],
        ),
        (FolderPath(), ["/tmp/usb", "  ./usb "], ["", "   "]),
    ],
)
def test_validator_accepts_good_and_refuses_bad(
    validator: Validator, good: list[str], bad: list[str]
) -> None:
    for value in good:
        assert validator.validate(value).is_valid, value
    for value in bad:
        result = validator.validate(value)
        assert not result.is_valid, value
        assert result.failure_descriptions, value


def test_failure_descriptions_are_korean() -> None:
    result = AccountPasswordFormat().validate("12")
    assert result.failure_descriptions == ["계좌비밀번호 숫자 4자리를 입력해 주세요."]
    assert Digits(6).validate("1").failure_descriptions == ["숫자 6자리를 입력해 주세요."]


def test_normalize_composes_hangul_and_keeps_password_spaces() -> None:
    decomposed = "\u1100\u1161"  # ᄀ + ᅡ = 가
    assert nfc(decomposed) == "가"
    assert nfc(" pass word ") == " pass word "
    assert field_text(f"  {decomposed}  ") == "가"
    assert digits_only(" 9002-1234 5678-9 ") == "9002123456789"
