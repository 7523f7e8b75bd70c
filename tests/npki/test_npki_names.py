"""Names: CN and folder construction, and refusal of anything that escapes a folder."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mgcert.npki.names import (
    InvalidName,
    folder_name,
    holder_name,
    is_safe_folder_name,
    make_cn,
    normalize_name,
    subject_name,
    validate_bank_ou,
    validate_org,
)


def test_folder_is_the_dn_from_cn_outwards_in_lower_case_keys() -> None:
    cn = make_cn("홍길동", "004504520261124000000001")

    name = folder_name(subject_name(cn, "MGSIM"))

    assert name == "cn=홍길동()004504520261124000000001,ou=MG,ou=personal4IB,o=MGSIM,c=kr"
    assert holder_name(cn) == "홍길동"


def test_bank_ou_defaults_to_mg_and_can_name_another_bank() -> None:
    cn = make_cn("김혜원", "008808820190315188002010")
    assert folder_name(subject_name(cn, "OTHERSIM", "SHB")) == (
        "cn=김혜원()008808820190315188002010,ou=SHB,ou=personal4IB,o=OTHERSIM,c=kr"
    )
    assert subject_name(cn, "MGSIM") == subject_name(cn, "MGSIM", "MG")


@pytest.mark.parametrize("bank_ou", ["", "S H B", "../x", "a/b", "신한", "A" * 17, "MG,OU=X"])
def test_unsafe_bank_ou_is_refused(bank_ou: str) -> None:
    with pytest.raises(InvalidName):
        validate_bank_ou(bank_ou)
    with pytest.raises(InvalidName):
        subject_name(make_cn("홍길동", "0045"), "MGSIM", bank_ou)


def test_decomposed_hangul_is_normalized_to_nfc() -> None:
    assert normalize_name("\u1112\u1169\u11bc\u1100\u1175\u11af\u1103\u1169\u11bc") == "홍길동"


@pytest.mark.parametrize(
    "name",
    ["../etc", "..", ".", "a/b", "a\\b", "nul\x00byte", "tab\tname", "cn=x", "a,b", " ", ""],
)
def test_names_that_could_escape_or_break_a_dn_are_refused(name: str) -> None:
    with pytest.raises(InvalidName):
        normalize_name(name)


@pytest.mark.parametrize("org", ["../x", "x/y", "", ".hidden", "a" * 41, " MGSIM", "기관"])
def test_unsafe_ca_org_is_refused(org: str) -> None:
    with pytest.raises(InvalidName):
        validate_org(org)


@pytest.mark.parametrize("name", ["", ".", "..", "a/b", "a\\b", "a\x00b", "가" * 86])
def test_unsafe_folder_names(name: str) -> None:
    assert not is_safe_folder_name(name)


@settings(max_examples=300, deadline=None)
@given(name=st.text(min_size=1, max_size=20))
def test_any_accepted_name_yields_a_single_safe_folder(name: str) -> None:
    try:
        cn = make_cn(name, "0045")
    except InvalidName:
        return
    folder = folder_name(subject_name(cn, "MGSIM"))

    assert is_safe_folder_name(folder)
    assert folder.startswith("cn=")
    assert "/" not in folder
    assert "\\" not in folder
