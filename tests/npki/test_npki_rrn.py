"""주민등록번호: format, real birth date, 7th digit (incl. foreigners), masking."""

from __future__ import annotations

from datetime import date

import pytest

from mgcert.npki.rrn import InvalidResidentNumber, ResidentNumber


@pytest.mark.parametrize(
    ("text", "birth", "foreigner"),
    [
        ("900101-1234567", date(1990, 1, 1), False),
        ("9001012234567", date(1990, 1, 1), False),
        ("050228-3123456", date(2005, 2, 28), False),
        ("040229-4123456", date(2004, 2, 29), False),  # leap day
        ("851231-5123456", date(1985, 12, 31), True),
        ("851231-6123456", date(1985, 12, 31), True),
        ("100315-7123456", date(2010, 3, 15), True),
        ("100315-8123456", date(2010, 3, 15), True),
    ],
)
def test_valid_numbers(text: str, birth: date, foreigner: bool) -> None:
    number = ResidentNumber.parse(text)

    assert number.birth_date == birth
    assert number.is_foreigner is foreigner
    assert number.digits == text.replace("-", "")


@pytest.mark.parametrize(
    "text",
    [
        " 900101-1234567 ",
        "900101 - 1234567",
        "900101\u20131234567",  # en dash pasted from a document
        "９００１０１－１２３４５６７",  # full-width, as an IME in full-width mode types
        "900101-\n1234567",
    ],
)
def test_spacing_dashes_and_full_width_digits_are_tolerated(text: str) -> None:
    assert ResidentNumber.parse(text).digits == "9001011234567"


def test_formatted_and_masked() -> None:
    number = ResidentNumber.parse("9001011234567")

    assert number.formatted == "900101-1234567"
    assert number.masked == "900101-1******"


def test_repr_does_not_leak_the_number() -> None:
    number = ResidentNumber.parse("9001011234567")

    assert "1234567" not in repr(number)
    assert "1234567" not in str(number)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "900101-123456",
        "900101-12345678",
        "90010-11234567",
        "9001011234567a",
        "abcdef-gabcdef",
        "900101--1234567",
        "9001-01-1234567",
        "٩٠٠١٠١١٢٣٤٥٦٧",
    ],
)
def test_wrong_shape_is_refused_with_the_format_message(text: str) -> None:
    with pytest.raises(InvalidResidentNumber, match="13자리"):
        ResidentNumber.parse(text)


@pytest.mark.parametrize(
    "text",
    ["901301-1234567", "900132-1234567", "900230-1234567", "010229-3234567", "900001-1234567"],
)
def test_impossible_birth_date_is_refused(text: str) -> None:
    with pytest.raises(InvalidResidentNumber, match="생년월일"):
        ResidentNumber.parse(text)


@pytest.mark.parametrize("seventh", ["0", "9"])
def test_1800s_and_invalid_seventh_digit_are_refused(seventh: str) -> None:
    with pytest.raises(InvalidResidentNumber, match="뒷자리 첫 숫자"):
        ResidentNumber.parse(f"900101-{seventh}234567")


def test_birth_date_after_today_is_refused_when_today_is_given() -> None:
    with pytest.raises(InvalidResidentNumber, match="생년월일"):
        ResidentNumber.parse("301231-3234567", today=date(2026, 11, 24))
    today = ResidentNumber.parse("261124-3234567", today=date(2026, 11, 24))
    assert today.birth_date == date(2026, 11, 24)


def test_direct_construction_validates_too() -> None:
    with pytest.raises(InvalidResidentNumber):
        ResidentNumber("900101-1234567")
    with pytest.raises(InvalidResidentNumber):
        ResidentNumber("9013011234567")
