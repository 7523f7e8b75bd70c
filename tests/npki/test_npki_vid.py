"""VID: the certificate proves its 주민등록번호 only with the key file's randomNum."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from npki_testkit import HOLDER_RRN, certificate_for, shared_key

from mgcert.npki.vid import (
    VidError,
    compute_vid,
    read_identify_data,
    verify_vid,
)

RANDOM_NUM = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f001234567")
CERT = certificate_for(shared_key(0), vid=compute_vid(HOLDER_RRN, RANDOM_NUM))
rrn_digits = st.text(alphabet="0123456789", min_size=13, max_size=13)


def test_right_number_and_random_num_verify() -> None:
    assert verify_vid(CERT, HOLDER_RRN, RANDOM_NUM)


def test_certificate_carries_name_and_32_byte_vid() -> None:
    data = read_identify_data(CERT)

    assert data.real_name == "홍길동"
    assert len(data.vid) == 32
    assert HOLDER_RRN.encode() not in CERT.tbs_certificate_bytes


@settings(max_examples=300, deadline=None)
@given(other=rrn_digits.filter(lambda digits: digits != HOLDER_RRN))
def test_any_other_number_fails(other: str) -> None:
    assert not verify_vid(CERT, other, RANDOM_NUM)


@settings(max_examples=200, deadline=None)
@given(position=st.integers(0, 12), delta=st.integers(1, 9))
def test_one_wrong_digit_fails(position: int, delta: int) -> None:
    digits = list(HOLDER_RRN)
    digits[position] = str((int(digits[position]) + delta) % 10)

    assert not verify_vid(CERT, "".join(digits), RANDOM_NUM)


@settings(max_examples=200, deadline=None)
@given(other=st.binary(min_size=20, max_size=20).filter(lambda value: value != RANDOM_NUM))
def test_another_random_num_fails(other: bytes) -> None:
    assert not verify_vid(CERT, HOLDER_RRN, other)


@settings(max_examples=40, deadline=None)
@given(rrn=rrn_digits, random_num=st.binary(min_size=20, max_size=20))
def test_vid_round_trips_through_a_certificate(rrn: str, random_num: bytes) -> None:
    cert = certificate_for(shared_key(0), cn="김철수()1", vid=compute_vid(rrn, random_num))

    assert read_identify_data(cert).real_name == "김철수"
    assert verify_vid(cert, rrn, random_num)


def test_vid_matches_an_independent_encoding_of_hash_content() -> None:
    # HashContent ::= SEQUENCE { idn PrintableString, randomNum BIT STRING }, encoded
    # with pyasn1 instead of our declarations; VID = SHA256(SHA256(DER)).
    from pyasn1.codec.der import encoder  # type: ignore[import-untyped]
    from pyasn1.type import char, univ  # type: ignore[import-untyped]

    content = univ.Sequence()
    content.setComponentByPosition(0, char.PrintableString(HOLDER_RRN))
    content.setComponentByPosition(1, univ.BitString(hexValue=RANDOM_NUM.hex()))
    encoded = bytes(encoder.encode(content))

    expected = hashlib.sha256(hashlib.sha256(encoded).digest()).digest()
    assert compute_vid(HOLDER_RRN, RANDOM_NUM) == expected


def test_certificate_without_vid_raises_vid_error() -> None:
    with pytest.raises(VidError):
        read_identify_data(certificate_for(shared_key(0)))


@pytest.mark.parametrize("bad", ["900101-1234567", "900101123456", "９００１０１１２３４５６７"])
def test_compute_vid_wants_13_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="13"):
        compute_vid(bad, RANDOM_NUM)
