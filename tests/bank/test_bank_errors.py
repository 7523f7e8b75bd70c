"""Every bank error speaks Korean and sits in the family the center catches."""

from __future__ import annotations

import inspect
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from mgcert.bank import errors
from mgcert.errors import MgcertError

_HANGUL = re.compile(r"[가-힣]")


def _instances() -> list[errors.BankError]:
    made: list[errors.BankError] = []
    for _, cls in inspect.getmembers(errors, inspect.isclass):
        if not issubclass(cls, errors.BankError) or cls.__module__ != errors.__name__:
            continue
        if issubclass(cls, errors.WrongAnswer):
            made.append(cls(2))
        elif cls is errors.InsufficientBalance:
            made.append(cls(4_400, 1_000))
        elif issubclass(
            cls,
            (errors.BankDatabaseError, errors.BankRegisterMissing, errors.BankSecretUnavailable),
        ):
            made.append(cls(Path("/x/bank.db")))
        elif cls is errors.SmsSendLimited:
            now = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
            made.append(cls(now + timedelta(minutes=4, seconds=1), now))
        elif cls is errors.BankDatabaseTooNew:
            made.append(cls(3, 1))
        else:
            made.append(cls())
    return made


@pytest.mark.parametrize("error", _instances(), ids=lambda e: type(e).__name__)
def test_message_is_one_korean_sentence(error: errors.BankError) -> None:
    text = str(error)
    assert isinstance(error, MgcertError)
    assert _HANGUL.search(text), text
    assert "\n" not in text, text
    assert "{" not in text, text  # every template placeholder was filled


def test_wrong_answers_say_how_many_attempts_are_left() -> None:
    for cls in (
        errors.WrongAccountPassword,
        errors.WrongSmsCode,
        errors.WrongSecurityCard,
        errors.WrongOtp,
        errors.WrongPin,
    ):
        error = cls(3)
        assert isinstance(error, errors.WrongAnswer)
        assert error.remaining == 3
        assert str(error).endswith("(남은 횟수 3회)")


def test_locks_need_a_branch_visit() -> None:
    for cls in (
        errors.EBankingLocked,
        errors.SecurityCardLocked,
        errors.OtpLocked,
        errors.PinLocked,
    ):
        error = cls()
        assert isinstance(error, errors.IdentityCheckLocked)
        assert "영업점(지점)을 방문" in str(error)
        assert f"{cls.limit}회" in str(error)


def test_expired_family() -> None:
    assert issubclass(errors.ArsSuperseded, errors.ArsExpired)
    assert issubclass(errors.SmsSuperseded, errors.SmsExpired)
    assert issubclass(errors.TrivialPin, errors.InvalidInput)


def test_a_missing_register_names_the_file_and_the_way_out() -> None:
    error = errors.BankRegisterMissing(Path("/x/bank.db"))
    assert isinstance(error, errors.BankError)
    assert error.path == Path("/x/bank.db")
    assert "(/x/bank.db)" in str(error)
    assert "mgcert reset" in str(error)


@pytest.mark.parametrize("cls", [errors.BankSecretMissing, errors.BankSecretMismatch])
def test_a_secret_problem_names_the_key_file(cls: type[errors.BankSecretUnavailable]) -> None:
    error = cls(Path("/x/bank-secret.key"))
    assert isinstance(error, errors.BankSecretUnavailable)
    assert error.path == Path("/x/bank-secret.key")
    assert "(/x/bank-secret.key)" in str(error)
    assert "되살려" in str(error)
