"""보안카드: 35 cells of 4 digits; first two of one cell + last two of another; 5 wrong lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_support import FAST_SCRYPT, KIM, LEE, OpenBank

from mgcert.bank import (
    Bank,
    InvalidSecurityCardFormat,
    SecurityCardChallenge,
    SecurityCardChallengeUsed,
    SecurityCardLocked,
    UnknownSecurityCardChallenge,
    WrongSecurityCard,
)
from mgcert.clock import Clock


def _answer(bank: Bank, challenge: SecurityCardChallenge) -> tuple[str, str]:
    cells = bank.security_card(challenge.customer_id).cells
    return cells[challenge.first_cell][:2], cells[challenge.second_cell][2:]


def _wrong(answer: tuple[str, str]) -> tuple[str, str]:
    first, last = answer
    return first, f"{(int(last) + 1) % 100:02d}"


def test_card_has_35_four_digit_cells(bank: Bank) -> None:
    card = bank.security_card(KIM.customer_id)
    assert sorted(card.cells) == list(range(1, 36))
    assert all(len(v) == 4 and v.isdigit() for v in card.cells.values())
    assert card.serial.isdigit()
    # Two customers do not share a card.
    assert bank.security_card(LEE.customer_id).cells != card.cells


def test_card_is_stable_per_data_home(reopen: OpenBank, tmp_path: Path, clock: Clock) -> None:
    first = reopen().security_card(KIM.customer_id)
    assert reopen().security_card(KIM.customer_id) == first
    other_home = Bank.open(tmp_path / "other" / "bank.db", clock, kdf_cost=FAST_SCRYPT)
    try:
        assert other_home.security_card(KIM.customer_id).cells != first.cells
    finally:
        other_home.close()


def test_challenge_names_two_distinct_cells(bank: Bank) -> None:
    seen = set()
    for _ in range(30):
        challenge = bank.security_card_challenge(KIM.customer_id)
        assert challenge.first_cell != challenge.second_cell
        assert 1 <= challenge.first_cell <= 35
        assert 1 <= challenge.second_cell <= 35
        seen.add((challenge.first_cell, challenge.second_cell))
    assert len(seen) > 1  # random, not fixed


def test_right_answer_passes_once(bank: Bank) -> None:
    challenge = bank.security_card_challenge(KIM.customer_id)
    answer = _answer(bank, challenge)
    bank.verify_security_card(challenge.id, *answer)
    with pytest.raises(SecurityCardChallengeUsed):
        bank.verify_security_card(challenge.id, *answer)


def test_answer_uses_first_two_and_last_two_digits(bank: Bank) -> None:
    """Swapping which half is asked must fail: the rule is not symmetric."""
    challenge = bank.security_card_challenge(KIM.customer_id)
    cells = bank.security_card(KIM.customer_id).cells
    first, second = cells[challenge.first_cell], cells[challenge.second_cell]
    swapped = (first[2:], second[:2])
    if swapped != (first[:2], second[2:]):
        with pytest.raises(WrongSecurityCard):
            bank.verify_security_card(challenge.id, *swapped)
    bank.verify_security_card(challenge.id, first[:2], second[2:])


def test_five_wrong_lock_the_card(bank: Bank) -> None:
    challenge = bank.security_card_challenge(KIM.customer_id)
    answer = _answer(bank, challenge)
    for remaining in (4, 3, 2, 1):
        with pytest.raises(WrongSecurityCard) as caught:
            bank.verify_security_card(challenge.id, *_wrong(answer))
        assert caught.value.remaining == remaining
        assert f"(남은 횟수 {remaining}회)" in str(caught.value)
    with pytest.raises(SecurityCardLocked) as locked:
        bank.verify_security_card(challenge.id, *_wrong(answer))
    assert "지점" in str(locked.value)
    with pytest.raises(SecurityCardLocked):
        bank.verify_security_card(challenge.id, *answer)
    with pytest.raises(SecurityCardLocked):
        bank.security_card_challenge(KIM.customer_id)
    assert bank.lock_state(KIM.customer_id).security_card_locked


def test_success_resets_the_count(bank: Bank) -> None:
    for _ in range(4):
        challenge = bank.security_card_challenge(KIM.customer_id)
        with pytest.raises(WrongSecurityCard):
            bank.verify_security_card(challenge.id, *_wrong(_answer(bank, challenge)))
    challenge = bank.security_card_challenge(KIM.customer_id)
    bank.verify_security_card(challenge.id, *_answer(bank, challenge))
    assert bank.lock_state(KIM.customer_id).security_card_failures == 0


def test_count_and_lock_survive_a_fresh_open(reopen: OpenBank) -> None:
    first = reopen()
    challenge = first.security_card_challenge(KIM.customer_id)
    for _ in range(4):
        with pytest.raises(WrongSecurityCard):
            first.verify_security_card(challenge.id, *_wrong(_answer(first, challenge)))
    first.close()
    second = reopen()
    again = second.security_card_challenge(KIM.customer_id)
    with pytest.raises(SecurityCardLocked):
        second.verify_security_card(again.id, *_wrong(_answer(second, again)))
    second.close()
    with pytest.raises(SecurityCardLocked):
        reopen().security_card_challenge(KIM.customer_id)


def test_new_challenge_supersedes_the_open_one(bank: Bank) -> None:
    old = bank.security_card_challenge(KIM.customer_id)
    new = bank.security_card_challenge(KIM.customer_id)
    with pytest.raises(SecurityCardChallengeUsed):
        bank.verify_security_card(old.id, *_answer(bank, old))
    bank.verify_security_card(new.id, *_answer(bank, new))


@pytest.mark.parametrize(
    ("first", "last"), [("", "12"), ("1", "12"), ("123", "12"), ("1a", "12"), ("12", "١٢")]
)
def test_malformed_answer_costs_no_attempt(bank: Bank, first: str, last: str) -> None:
    challenge = bank.security_card_challenge(KIM.customer_id)
    with pytest.raises(InvalidSecurityCardFormat):
        bank.verify_security_card(challenge.id, first, last)
    assert bank.lock_state(KIM.customer_id).security_card_failures == 0


def test_unknown_challenge(bank: Bank) -> None:
    with pytest.raises(UnknownSecurityCardChallenge):
        bank.verify_security_card("nope", "12", "34")
