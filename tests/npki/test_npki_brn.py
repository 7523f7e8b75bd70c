"""사업자등록번호: the 국세청 check digit (weights 1,3,7,1,3,7,1,3,5 and the carry of the
9th digit × 5), both typed forms, and a Korean message for anything else."""

from __future__ import annotations

import pytest

from mgcert.errors import MgcertError
from mgcert.messages import npki as msg
from mgcert.npki.brn import BusinessNumber, InvalidBusinessNumber, brn_check_digit, is_valid_brn

# Real, published numbers: NAVER (9th digit 1: no carry), Samsung Electronics (9th digit
# 9: 45 carries 4) and a number used in public validators' tests (9th digit 2: carries 1).
REAL = ["220-81-62517", "124-81-00998", "120-81-47521"]


@pytest.mark.parametrize("text", REAL)
def test_real_numbers_pass_in_both_forms(text: str) -> None:
    digits = text.replace("-", "")

    for typed in (text, digits, f" {text} ", text.replace("-", "\u2013")):
        number = BusinessNumber.parse(typed)
        assert number.digits == digits
        assert number.formatted == text
    assert is_valid_brn(text)
    assert brn_check_digit(digits[:9]) == int(digits[9])


def test_full_width_digits_are_read() -> None:
    assert BusinessNumber.parse("１２０－８１－４７５２１").digits == "1208147521"


@pytest.mark.parametrize("text", REAL)
def test_every_other_last_digit_fails_the_check(text: str) -> None:
    digits = text.replace("-", "")
    for wrong in set("0123456789") - {digits[9]}:
        with pytest.raises(InvalidBusinessNumber) as caught:
            BusinessNumber.parse(digits[:9] + wrong)
        assert str(caught.value) == msg.BRN_CHECK_DIGIT


def test_the_carry_of_the_ninth_digit_counts() -> None:
    # Without the carry Samsung's number would need check digit 2, not 8.
    digits = "124810099"
    plain = sum(int(d) * w for d, w in zip(digits, (1, 3, 7, 1, 3, 7, 1, 3, 5), strict=True))
    assert (10 - plain % 10) % 10 == 2
    assert brn_check_digit(digits) == 8


@pytest.mark.parametrize(
    "text",
    [
        "",
        "120-81-4752",
        "120-81-475211",
        "12081475",
        "12a-81-47521",
        "120-8147521",
        "120 81 47521x",
    ],
)
def test_malformed_input_gets_the_format_message(text: str) -> None:
    with pytest.raises(InvalidBusinessNumber) as caught:
        BusinessNumber.parse(text)
    assert str(caught.value) == msg.BRN_FORMAT
    assert isinstance(caught.value, MgcertError)
    assert not is_valid_brn(text)


def test_direct_construction_is_validated_too() -> None:
    with pytest.raises(InvalidBusinessNumber):
        BusinessNumber("1208147522")
    with pytest.raises(InvalidBusinessNumber):
        BusinessNumber("120-81-47521")


@pytest.mark.parametrize("bad", ["12081475", "1208147521", "12081475a", "１２０８１４７５２"])
def test_check_digit_wants_nine_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="9 ASCII digits"):
        brn_check_digit(bad)
