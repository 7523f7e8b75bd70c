"""Input format checks (shape only; the center decides what is right)."""

from __future__ import annotations

from typing import Literal

from textual.validation import ValidationResult, Validator

from mgcert.messages import issuance as issue_msg
from mgcert.tui.normalize import digits_only, field_text

# Validate a field only when it is submitted (Input's validate_on).
ON_SUBMIT: frozenset[Literal["submitted"]] = frozenset({"submitted"})


class Digits(Validator):
    """Exactly ``count`` ASCII digits (codes, PIN-like fields)."""

    def __init__(self, count: int, failure_description: str | None = None) -> None:
        super().__init__(failure_description or issue_msg.V_DIGITS.format(count=count))
        self.count = count

    def validate(self, value: str) -> ValidationResult:
        text = digits_only(value)
        if len(text) == self.count and text.isascii() and text.isdigit():
            return self.success()
        return self.failure()


class ResidentNumberFront(Digits):
    """주민등록번호 앞 6자리."""

    def __init__(self) -> None:
        super().__init__(6, issue_msg.V_RRN_FRONT)


class ResidentNumberBack(Digits):
    """주민등록번호 뒤 7자리."""

    def __init__(self) -> None:
        super().__init__(7, issue_msg.V_RRN_BACK)


class AccountPasswordFormat(Digits):
    """계좌비밀번호: 4 digits."""

    def __init__(self) -> None:
        super().__init__(4, issue_msg.V_ACCOUNT_PASSWORD)


class AccountNumberFormat(Validator):
    """출금계좌번호: 13 digits (MG), hyphens and spaces allowed while typing."""

    DIGITS = 13

    def __init__(self) -> None:
        super().__init__(issue_msg.V_ACCOUNT)

    def validate(self, value: str) -> ValidationResult:
        text = digits_only(value)
        ok = text.isascii() and text.isdigit() and len(text) == self.DIGITS
        return self.success() if ok else self.failure()


class FolderPath(Validator):
    """A non-empty folder path (whether it is writable is the center's question)."""

    def __init__(self) -> None:
        super().__init__(issue_msg.V_FOLDER)

    def validate(self, value: str) -> ValidationResult:
        return self.success() if field_text(value) else self.failure()
