"""The 주민등록번호 check digit: opt-in (numbers issued since October 2020 have none)."""

from __future__ import annotations

import pytest

from mgcert.messages import npki as msg
from mgcert.npki.rrn import (
    InvalidResidentNumber,
    ResidentNumber,
    has_valid_check_digit,
    rrn_check_digit,
)

VALID = "9001011234568"  # (11 - 124 mod 11) mod 10 = 8


def test_the_check_digit_formula() -> None:
    # weights 2..9, 2..5 over the first twelve digits: 9·2+0·3+0·4+1·5+0·6+1·7+1·8+2·9
    # +3·2+4·3+5·4+6·5 = 124; 124 mod 11 = 3; (11 - 3) mod 10 = 8.
    assert rrn_check_digit(VALID[:12]) == 8
    assert has_valid_check_digit(VALID)
    assert rrn_check_digit("000000000000") == 1  # sum 0: (11 - 0) mod 10


def test_every_other_last_digit_fails() -> None:
    for wrong in set("0123456789") - {VALID[12]}:
        assert not has_valid_check_digit(VALID[:12] + wrong)


@pytest.mark.parametrize("bad", ["900101123456", "90010112345678", "900101-1234568", ""])
def test_not_thirteen_digits_is_not_valid(bad: str) -> None:
    assert not has_valid_check_digit(bad)


def test_parse_checks_it_only_when_asked() -> None:
    unchecked = "9001011234567"  # wrong check digit, or a post-2020 number
    assert ResidentNumber.parse(unchecked).digits == unchecked
    assert ResidentNumber.parse(VALID, require_check_digit=True).digits == VALID

    with pytest.raises(InvalidResidentNumber) as caught:
        ResidentNumber.parse("900101-1234567", require_check_digit=True)
    assert str(caught.value) == msg.RRN_CHECK_DIGIT


def test_the_format_is_checked_before_the_digit() -> None:
    with pytest.raises(InvalidResidentNumber) as caught:
        ResidentNumber.parse("900101-123456", require_check_digit=True)
    assert str(caught.value) == msg.RRN_FORMAT


@pytest.mark.parametrize("bad", ["90010112345", "9001011234567", "９００１０１１２３４５６"])
def test_rrn_check_digit_wants_twelve_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="12 ASCII digits"):
        rrn_check_digit(bad)
