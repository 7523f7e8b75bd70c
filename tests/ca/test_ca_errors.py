"""Every CA failure is a CaError whose text is one Korean sentence from messages/ca.py."""

from __future__ import annotations

import re

import pytest

from mgcert.ca import (
    AlreadyRevoked,
    CaDatabaseUnavailable,
    CaError,
    CaFolderUnusable,
    CaStateDamaged,
    CrlPublishFailed,
    CsrSignatureInvalid,
    InvalidCsr,
    InvalidIssueRequest,
    InvalidRevocationReason,
    UnknownSerial,
    WeakKey,
)
from mgcert.errors import MgcertError
from mgcert.messages import ca as msg

HANGUL = re.compile(r"[\uac00-\ud7a3]")

ERRORS: list[CaError] = [
    CaError(),
    InvalidCsr(),
    CsrSignatureInvalid(),
    WeakKey(),
    InvalidIssueRequest(msg.DETAIL_BAD_CN),
    UnknownSerial(0xABC),
    AlreadyRevoked(0xABC),
    InvalidRevocationReason("removeFromCRL"),
    CaStateDamaged("/x/ca/private/issuing.key"),
    CaDatabaseUnavailable(),
    CrlPublishFailed("/x/ca/issuing.crl"),
    CaFolderUnusable("/x/ca"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_error_is_a_korean_sentence(error: CaError) -> None:
    assert isinstance(error, MgcertError)
    text = str(error)
    assert HANGUL.search(text), text
    assert "\n" not in text
    assert "{" not in text  # every placeholder filled


def test_serial_is_shown_in_hex() -> None:
    assert "ABC" in str(UnknownSerial(0xABC))
    assert "ABC" in str(AlreadyRevoked(0xABC))
